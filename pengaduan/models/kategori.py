"""Village-scoped lookup tables that officers edit: categories and response templates."""

from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Site

from pengaduan.workflow import Status

# The built-in categories are interface text: shown in the visitor's language (see
# __str__). A category a village adds is its own words and shows as typed.
DEFAULT_KATEGORI = [
    gettext_noop("Infrastruktur"),
    gettext_noop("Pelayanan administrasi"),
    gettext_noop("Bantuan sosial"),
    gettext_noop("Keuangan desa"),
    gettext_noop("Lingkungan"),
    gettext_noop("Keamanan"),
    gettext_noop("Kesehatan"),
    gettext_noop("Pendidikan"),
    gettext_noop("Lainnya"),
]


class Kategori(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="+"
    )
    nama = models.CharField(_("nama kategori"), max_length=80)
    urutan = models.PositiveSmallIntegerField(_("urutan"), default=0)
    aktif = models.BooleanField(
        _("aktif"), default=True, help_text=_("Kategori nonaktif tidak muncul di formulir.")
    )

    panels = [FieldPanel("site"), FieldPanel("nama"), FieldPanel("urutan"), FieldPanel("aktif")]

    class Meta:
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")
        ordering = ["site", "urutan", "nama"]
        constraints = [
            models.UniqueConstraint(fields=["site", "nama"], name="kategori_unik_per_desa")
        ]

    def __str__(self):
        return gettext(self.nama) if self.nama in DEFAULT_KATEGORI else self.nama

    @classmethod
    def buat_bawaan(cls, site):
        for urutan, nama in enumerate(DEFAULT_KATEGORI):
            cls.objects.get_or_create(site=site, nama=nama, defaults={"urutan": urutan})


class TemplateTanggapan(models.Model):
    """A reusable public note for one workflow step, so officers answer quickly and alike."""

    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(_("untuk status"), max_length=24, choices=Status.choices)
    judul = models.CharField(_("judul"), max_length=80)
    teks = models.TextField(_("teks tanggapan"))

    panels = [FieldPanel("site"), FieldPanel("status"), FieldPanel("judul"), FieldPanel("teks")]

    class Meta:
        verbose_name = _("template tanggapan")
        verbose_name_plural = _("template tanggapan")
        ordering = ["site", "status", "judul"]

    def __str__(self):
        return f"{self.get_status_display()}: {self.judul}"
