"""Photo albums and the "Sinergi Program" partner links, both per village."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page

from sitecore.models.mixins import SocialMetaMixin


class AlbumPage(SocialMetaMixin, Page):
    """An album of photos from the village's own image collection."""

    cache_kind = "galeri"

    keterangan = models.TextField(_("keterangan"), blank=True)
    tanggal = models.DateField(_("tanggal kegiatan"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("tanggal"),
        FieldPanel("keterangan"),
        InlinePanel("foto", label=_("Foto"), heading=_("Foto")),
    ]
    parent_page_types = ["sitecore.DesaHomePage", "sitecore.StandardPage"]
    subpage_types = []
    template = "sitecore/album_page.html"

    class Meta:
        verbose_name = _("album foto")
        verbose_name_plural = _("album foto")

    def get_meta_description(self):
        return self.search_description or self.keterangan

    def get_meta_image(self):
        first = self.foto.first()
        return first.gambar if first else None


class AlbumFoto(Orderable):
    page = ParentalKey(AlbumPage, related_name="foto", on_delete=models.CASCADE)
    gambar = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("gambar"), on_delete=models.CASCADE, related_name="+"
    )
    keterangan = models.CharField(_("keterangan"), max_length=250, blank=True)

    panels = [FieldPanel("gambar"), FieldPanel("keterangan")]

    class Meta(Orderable.Meta):
        verbose_name = _("foto album")
        verbose_name_plural = _("foto album")


@register_setting(icon="link")
class SinergiSetting(ClusterableModel, BaseSiteSetting):
    """Partner programmes shown as logos with links ("Sinergi Program")."""

    panels = [InlinePanel("program", label=_("Program"), heading=_("Sinergi program"))]

    class Meta:
        verbose_name = _("sinergi program")
        verbose_name_plural = _("sinergi program")


class SinergiProgram(Orderable):
    setting = ParentalKey(SinergiSetting, related_name="program", on_delete=models.CASCADE)
    nama = models.CharField(_("nama program"), max_length=120)
    tautan = models.URLField(_("tautan"))
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("nama"), FieldPanel("tautan"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("program")
        verbose_name_plural = _("program")

    def __str__(self):
        return self.nama
