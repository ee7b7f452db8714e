from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from sitecore.blocks import RICH_TEXT_FEATURES


class ChoiceLabelMixin:
    """`get_FOO_display()` that translates only the label it returns.

    Django's version hashes every lazily translated label of the field on each call,
    one gettext per choice: a page of 20 complaints with their timelines paid about 900
    translations for 80 labels. Here the value is compared, not the labels hashed.
    """

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        for choice, label in field.flatchoices:
            if choice == value:
                return force_str(label, strings_only=True)
        return force_str(value, strings_only=True)


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
