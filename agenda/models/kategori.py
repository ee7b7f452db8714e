"""Event categories: each village keeps its own list on its agenda section."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

KATEGORI_BAWAAN = [
    "Musyawarah desa",
    "Posyandu",
    "Kerja bakti",
    "Pengajian",
    "Pelatihan",
    "Olahraga",
    "Kesenian dan budaya",
    "Rapat dan sosialisasi",
    "Lainnya",
]


class KategoriAgenda(Orderable):
    """An event category; each village keeps its own list on its agenda section."""

    page = ParentalKey("agenda.AgendaIndexPage", related_name="kategori", on_delete=models.CASCADE)
    nama = models.CharField(_("nama kategori"), max_length=60)

    panels = [FieldPanel("nama")]

    class Meta(Orderable.Meta):
        verbose_name = _("kategori agenda")
        verbose_name_plural = _("kategori agenda")

    def __str__(self):
        return self.nama
