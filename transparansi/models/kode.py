"""Admin extensions of the shipped APBDes code tree."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from transparansi.apbdes import normalisasi_kode


class KodeRekening(models.Model):
    """A code the shipped tree lacks (a regency's own sub-bidang or revenue type)."""

    kode = models.CharField(_("kode"), max_length=20, unique=True)
    uraian = models.CharField(_("uraian"), max_length=250)

    class Meta:
        verbose_name = _("kode rekening tambahan")
        verbose_name_plural = _("kode rekening tambahan")
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.uraian}"

    def clean(self):
        kode = self.kode.strip()
        parts = kode.split(".")
        if not all(p.isdigit() for p in parts) or not 1 <= len(parts) <= 3:
            raise ValidationError({"kode": _("Kode terdiri dari 1–3 angka dipisah titik.")})
        self.kode = (
            normalisasi_kode(kode) if len(parts) == 3 else ".".join(str(int(p)) for p in parts)
        )


def kode_tambahan():
    """{kode: uraian} of the admins' extra codes (one query)."""
    return dict(KodeRekening.objects.values_list("kode", "uraian"))
