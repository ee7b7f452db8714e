"""Readers' comments on articles, held for moderation per village."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class KomentarQuerySet(models.QuerySet):
    def disetujui(self):
        return self.filter(status=Komentar.Status.DISETUJUI)

    def for_sites(self, sites):
        return self.filter(site__in=sites)


class Komentar(models.Model):
    class Status(models.TextChoices):
        MENUNGGU = "menunggu", _("Menunggu moderasi")
        DISETUJUI = "disetujui", _("Disetujui")
        DITOLAK = "ditolak", _("Ditolak")

    # Denormalised village so the admin can scope by it without walking the page tree.
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="komentar"
    )
    page = models.ForeignKey(
        "sitecore.ArtikelPage",
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        related_name="komentar",
    )
    nama = models.CharField(_("nama"), max_length=80)
    # Contact details are for the editors only and never rendered on the site.
    telepon = models.CharField(_("telepon"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    pesan = models.TextField(_("komentar"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.MENUNGGU, db_index=True
    )
    dibuat = models.DateTimeField(_("dikirim"), auto_now_add=True, db_index=True)
    kunci_klien = models.CharField(
        _("kunci klien"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("Sidik acak harian pengirim; bukan alamat IP."),
    )

    objects = KomentarQuerySet.as_manager()

    class Meta:
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")
        ordering = ["-dibuat"]
        indexes = [models.Index(fields=["page", "status", "dibuat"])]

    def __str__(self):
        return f"{self.nama}: {self.pesan[:40]}"
