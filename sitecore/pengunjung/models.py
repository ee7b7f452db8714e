"""Daily visitor totals per village, written in batches from the counting cache."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class PengunjungHarian(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="pengunjung"
    )
    tanggal = models.DateField(_("tanggal"))
    jumlah = models.PositiveIntegerField(_("jumlah pengunjung"), default=0)

    class Meta:
        verbose_name = _("pengunjung harian")
        verbose_name_plural = _("pengunjung harian")
        constraints = [
            models.UniqueConstraint(fields=["site", "tanggal"], name="pengunjung_harian_unik")
        ]

    def __str__(self):
        return f"{self.site_id} {self.tanggal}: {self.jumlah}"
