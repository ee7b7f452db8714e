"""An outbox of e-mails: written in the same transaction as the item, sent by a task.

A mail outage only leaves rows pending; `kirim_ulang_notifikasi` (cron) retries them
with a growing delay, so nothing is lost and a submission never fails because of mail.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class Notifikasi(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu dikirim")
        TERKIRIM = "terkirim", _("Terkirim")
        GAGAL = "gagal", _("Gagal permanen")

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    pengaduan = models.ForeignKey(
        "pengaduan.Pengaduan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifikasi",
    )
    penerima = models.EmailField(_("penerima"))
    subjek = models.CharField(_("subjek"), max_length=200)
    isi = models.TextField(_("isi"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.MENUNGGU)
    percobaan = models.PositiveSmallIntegerField(default=0)
    coba_lagi_pada = models.DateTimeField(null=True, blank=True, db_index=True)
    galat = models.TextField(blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    terkirim_pada = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = [models.Index(fields=["status", "coba_lagi_pada"], name="notifikasi_antrean")]

    def __str__(self):
        return f"{self.penerima}: {self.subjek}"
