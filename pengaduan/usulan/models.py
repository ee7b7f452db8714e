"""A proposal's planning path: the level it reached and its outcome."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sitecore.models.mixins import ChoiceLabelMixin


class Tingkat(models.TextChoices):
    """Planning forums in the order a proposal climbs them (RT/RW -> kabupaten)."""

    DUSUN = "dusun", _("Musyawarah dusun / RT-RW")
    DESA = "desa", _("Musyawarah desa")
    KECAMATAN = "kecamatan", _("Musrenbang kecamatan")
    KABUPATEN = "kabupaten", _("Kabupaten/kota")


class HasilUsulan(models.TextChoices):
    DITAMPUNG_DESA = "ditampung_desa", _("Ditampung dalam rencana desa")
    DITAMPUNG_LUAR = "ditampung_luar", _("Ditampung di kecamatan/kabupaten")
    DITUNDA = "ditunda", _("Ditunda")
    TIDAK_DITAMPUNG = "tidak_ditampung", _("Tidak ditampung")


class JalurUsulan(ChoiceLabelMixin, models.Model):
    """One per proposal, created when an officer first records where it went."""

    pengaduan = models.OneToOneField(
        "pengaduan.Pengaduan",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="jalur_usulan",
    )
    tingkat = models.CharField(_("tingkat yang dicapai"), max_length=12, choices=Tingkat.choices)
    hasil = models.CharField(
        _("hasil"), max_length=16, choices=HasilUsulan.choices, blank=True, db_index=True
    )
    dokumen = models.CharField(_("dokumen rujukan"), max_length=250, blank=True)
    tahun_tunda = models.PositiveSmallIntegerField(_("ditunda ke tahun"), null=True, blank=True)
    alasan = models.TextField(_("alasan"), blank=True)
    diputuskan_pada = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jalur usulan")
        verbose_name_plural = _("jalur usulan")

    def __str__(self):
        return f"{self.pengaduan_id}: {self.tingkat} / {self.hasil or '-'}"

    @property
    def ditampung(self):
        return self.hasil in (HasilUsulan.DITAMPUNG_DESA, HasilUsulan.DITAMPUNG_LUAR)
