from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from sitecore.blocks import RICH_TEXT_FEATURES


class SocialMetaMixin:
    """What a link preview on WhatsApp/Facebook shows; pages override as they can."""

    def get_meta_description(self):
        return self.search_description or ""

    def get_meta_image(self):
        return None


class DesaSectionPage(SocialMetaMixin, Page):
    """Base for the one-per-village section pages (Artikel, Agenda, Pengaduan, …)."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_TEXT_FEATURES)

    parent_page_types = ["sitecore.DesaHomePage"]
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True
