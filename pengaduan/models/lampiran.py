"""Attachments: re-encoded, renamed, kept in private storage, shown to village staff only."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from pengaduan.storage import private_storage


def nama_acak(instance, filename):
    # The visitor's filename never reaches the disk; the extension follows the content.
    ext = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}.get(
        instance.content_type, "pdf"
    )
    return f"{secrets.token_hex(2)}/{secrets.token_urlsafe(24)}.{ext}"


class Lampiran(models.Model):
    pengaduan = models.ForeignKey(
        "pengaduan.Pengaduan", on_delete=models.CASCADE, related_name="lampiran"
    )
    berkas = models.FileField(_("berkas"), storage=private_storage, upload_to=nama_acak)
    nama_asli = models.CharField(_("nama berkas asli"), max_length=200, blank=True)
    content_type = models.CharField(max_length=40)
    ukuran = models.PositiveIntegerField(_("ukuran (bita)"), default=0)
    diunggah_pada = models.DateTimeField(auto_now_add=True)
    dari_pelapor = models.BooleanField(default=True)
    # A redacted copy made by an officer (faces, house numbers blurred). Only such a
    # copy of an image may be shown on the register, and only when deliberately marked.
    salinan_dari = models.ForeignKey(
        "self",
        verbose_name=_("salinan tersamar dari"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="salinan",
    )
    publik = models.BooleanField(
        _("tampil di register publik"),
        default=False,
        help_text=_("Hanya untuk salinan tersamar berupa foto; lampiran asli tidak pernah publik."),
    )

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")
        ordering = ["id"]

    def __str__(self):
        return self.nama_asli or self.berkas.name

    @property
    def is_image(self):
        return self.content_type.startswith("image/")

    @property
    def boleh_publik(self):
        """Only an officer-made redacted copy of an image can ever be public."""
        return self.is_image and not self.dari_pelapor and self.salinan_dari_id is not None
