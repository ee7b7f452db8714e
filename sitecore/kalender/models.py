"""Corrections to the national holiday calendar, and each village's own days off."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

# Corrections are for the years deadlines are counted in: last year's items may still
# be open, next year's collective leave is announced in the autumn.
TAHUN_SEBELUM = 1
TAHUN_SESUDAH = 1


class HariLibur(models.Model):
    """A correction of the holiday calendar. Without a site it applies to every village.

    The national calendar itself comes from the `holidays` library; an entry here adds a
    day off (a village's anniversary, a collective leave day the government added) or,
    as a working day, removes one (a collective leave day the government moved).
    """

    class Jenis(models.TextChoices):
        LIBUR = "libur", _("Hari libur (ditambahkan)")
        MASUK = "masuk", _("Hari kerja (libur dibatalkan)")

    tanggal = models.DateField(_("tanggal"), db_index=True)
    nama = models.CharField(_("nama hari libur"), max_length=150)
    jenis = models.CharField(
        _("jenis"),
        max_length=10,
        choices=Jenis.choices,
        default=Jenis.LIBUR,
        help_text=_(
            "Hari kerja: tanggal yang ada di kalender libur nasional tetapi tetap masuk kerja, "
            "misalnya cuti bersama yang dipindahkan pemerintah."
        ),
    )
    site = models.ForeignKey(
        Site,
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="hari_libur",
        help_text=_("Kosongkan untuk koreksi nasional yang berlaku di semua desa."),
    )
    cuti_bersama = models.BooleanField(_("cuti bersama"), default=False)

    class Meta:
        verbose_name = _("hari libur")
        verbose_name_plural = _("hari libur")
        ordering = ["tanggal"]
        constraints = [
            models.UniqueConstraint(fields=["tanggal", "site"], name="hari_libur_unik_per_desa"),
            models.UniqueConstraint(
                fields=["tanggal"],
                condition=models.Q(site__isnull=True),
                name="hari_libur_nasional_unik",
            ),
        ]

    def __str__(self):
        return f"{self.tanggal:%d-%m-%Y} {self.nama}"

    @staticmethod
    def tahun_berlaku(today=None):
        year = (today or timezone.localdate()).year
        return year - TAHUN_SEBELUM, year + TAHUN_SESUDAH

    def clean(self):
        super().clean()
        if self.tanggal is None:
            return
        first, last = self.tahun_berlaku()
        if not first <= self.tanggal.year <= last:
            raise ValidationError(
                {
                    "tanggal": _(
                        "Tenggat hanya dihitung untuk tahun %(awal)s sampai %(akhir)s: "
                        "pilih tanggal pada tahun-tahun itu."
                    )
                    % {"awal": first, "akhir": last}
                }
            )
