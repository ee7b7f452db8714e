"""Holidays for the working-day calendar shared by complaints and information requests."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class HariLibur(models.Model):
    """A day off. Without a site it is a national holiday for every village."""

    tanggal = models.DateField(_("tanggal"), db_index=True)
    nama = models.CharField(_("nama hari libur"), max_length=150)
    site = models.ForeignKey(
        Site,
        verbose_name=_("desa"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="hari_libur",
        help_text=_("Kosongkan untuk libur nasional yang berlaku di semua desa."),
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
