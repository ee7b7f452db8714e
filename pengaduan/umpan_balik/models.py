"""The recommendations a village writes after reading its yearly feedback figures."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import Site

FITUR_TEKS = ["bold", "italic", "ol", "ul", "link"]


class RekomendasiUmpanBalikQuerySet(models.QuerySet):
    def terbit(self, site, tahun):
        return self.filter(site=site, tahun=tahun, diterbitkan=True).first()


class RekomendasiUmpanBalik(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="+"
    )
    tahun = models.PositiveSmallIntegerField(
        _("tahun"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    teks = RichTextField(
        _("rekomendasi"),
        features=FITUR_TEKS,
        help_text=_(
            "Tindak lanjut yang disepakati pemerintah desa dan BPD setelah membaca hasil "
            "umpan balik tahun ini. Tampil di laporan publik setelah diterbitkan."
        ),
    )
    diterbitkan = models.BooleanField(
        _("diterbitkan"),
        default=False,
        help_text=_("Hanya rekomendasi yang diterbitkan tampil di laporan publik."),
    )
    diubah = models.DateTimeField(_("diubah"), auto_now=True)

    objects = RekomendasiUmpanBalikQuerySet.as_manager()

    class Meta:
        verbose_name = _("rekomendasi umpan balik")
        verbose_name_plural = _("rekomendasi umpan balik")
        ordering = ["site", "-tahun"]
        constraints = [
            models.UniqueConstraint(fields=["site", "tahun"], name="rekomendasi_unik_per_tahun")
        ]

    def __str__(self):
        return _("Rekomendasi %(tahun)s") % {"tahun": self.tahun}
