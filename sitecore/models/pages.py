"""The installation directory, each village's home page and plain content pages."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from sitecore.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, ProfilStreamBlock
from sitecore.models.mixins import SocialMetaMixin
from sitecore.models.profil import DesaProfil


class DirektoriPage(SocialMetaMixin, Page):
    """Root of the installation's default site: a directory of its villages."""

    cache_kind = "situs"  # lists the villages: follows their identity

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count = 1
    template = "sitecore/direktori_page.html"

    class Meta:
        verbose_name = _("direktori desa")
        verbose_name_plural = _("direktori desa")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["desa_list"] = daftar_desa()
        return context


def daftar_desa():
    """Every village site with its profile, ordered by kabupaten, kecamatan and name."""
    profiles = {p.site_id: p for p in DesaProfil.objects.select_related("site", "logo").all()}
    home_ids = set(DesaHomePage.objects.values_list("id", flat=True))
    entries = []
    for site in Site.objects.filter(root_page_id__in=home_ids).order_by("site_name"):
        profil = profiles.get(site.id)
        entries.append({"site": site, "profil": profil, "url": site.root_url + "/"})
    entries.sort(
        key=lambda e: (
            e["profil"].kabupaten if e["profil"] else "",
            e["profil"].kecamatan if e["profil"] else "",
            e["profil"].nama_desa if e["profil"] else e["site"].site_name,
        )
    )
    return entries


class DesaHomePage(SocialMetaMixin, Page):
    """Root page of one village's site."""

    cache_kind = "situs"  # the home, its banner and menu are on every page

    gambar_utama = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Foto lebar di bagian atas beranda (misalnya pemandangan desa)."),
    )
    intro = models.CharField(
        _("kalimat pembuka"),
        max_length=250,
        blank=True,
        help_text=_("Satu kalimat yang menyambut pengunjung di beranda."),
    )
    sambutan_judul = models.CharField(
        _("judul sambutan"), max_length=120, blank=True, default="Sambutan Kepala Desa"
    )
    sambutan = RichTextField(
        _("sambutan kepala desa"), blank=True, features=["bold", "italic", "link"]
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi tambahan"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("gambar_utama"),
        MultiFieldPanel(
            [FieldPanel("sambutan_judul"), FieldPanel("sambutan")],
            heading=_("Sambutan kepala desa"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("sambutan"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    template = "sitecore/desa_home_page.html"

    class Meta:
        verbose_name = _("beranda desa")
        verbose_name_plural = _("beranda desa")

    @cached_property
    def profil(self):
        from sitecore import situs

        site = self.get_site()
        if site is None:
            return None
        return situs.profil_for_site(site) or DesaProfil.for_site(site)

    def kepala_desa(self):
        """The official whose position starts with "Kepala Desa", for the welcome note."""
        if not self.profil:
            return None
        for official in self.profil.aparatur.all():
            if official.jabatan.lower().startswith("kepala desa"):
                return official
        return None

    def get_meta_description(self):
        return self.search_description or self.intro

    def get_meta_image(self):
        return self.gambar_utama


class StandardPage(SocialMetaMixin, Page):
    """A content page of the village profile: sejarah, visi dan misi, lembaga desa, …"""

    cache_kind = "halaman"

    ringkasan = models.CharField(_("ringkasan"), max_length=300, blank=True)
    gambar = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ProfilStreamBlock(), verbose_name=_("isi"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("ringkasan"),
        FieldPanel("gambar"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("body"),
    ]
    template = "sitecore/standard_page.html"

    class Meta:
        verbose_name = _("halaman profil")
        verbose_name_plural = _("halaman profil")

    def get_meta_description(self):
        return self.search_description or self.ringkasan

    def get_meta_image(self):
        return self.gambar
