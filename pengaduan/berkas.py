"""Attachment checks by content, never by name or browser-declared type.

Images (JPEG/PNG/WebP) must open and verify with Pillow under a pixel limit, then are
re-encoded from pixels only, which drops EXIF (GPS included), ICC tricks and any
trailing payload of a polyglot (sitecore.gambar.hygiene, shared with Wagtail image uploads).
PDFs must start with %PDF-, end with %%EOF and carry no JavaScript or launch actions.
Everything else is refused.
"""

import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from sitecore.gambar import hygiene as gambar

MAKS_BERKAS = 5
MAKS_UKURAN = 5 * 1024 * 1024
MAKS_PIKSEL = 24_000_000
MAKS_SISI = 4000  # images are shrunk to this longest side when re-encoded
FORMAT_GAMBAR = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF_BERBAHAYA = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|OpenAction|AA|RichMedia)\b")


def periksa_berkas(upload):
    """Validate one uploaded file; returns (ContentFile, content_type, original name)."""
    if upload.size > MAKS_UKURAN:
        raise ValidationError(
            _("Berkas %(nama)s terlalu besar (maksimal 5 MB).") % {"nama": upload.name}
        )
    data = upload.read()
    if data.startswith(b"%PDF-"):
        return _periksa_pdf(data, upload.name), "application/pdf", upload.name
    content, content_type = _periksa_gambar(data, upload.name)
    return content, content_type, upload.name


def _tolak(nama):
    return ValidationError(
        _("Berkas %(nama)s bukan foto (JPEG, PNG, WebP) atau PDF yang sah.") % {"nama": nama}
    )


def _periksa_pdf(data, nama):
    if b"%%EOF" not in data[-1024:]:
        raise _tolak(nama)
    if PDF_BERBAHAYA.search(data):
        raise ValidationError(
            _("Berkas PDF %(nama)s memuat skrip atau aksi otomatis dan ditolak.") % {"nama": nama}
        )
    return ContentFile(data)


def _periksa_gambar(data, nama):
    try:
        fmt, _size = gambar.periksa_header(data, MAKS_PIKSEL, FORMAT_GAMBAR)
        return ContentFile(gambar.encode_ulang(data, fmt, MAKS_SISI)), FORMAT_GAMBAR[fmt]
    except gambar.TerlaluBesar:
        raise ValidationError(
            _("Gambar %(nama)s terlalu besar (maksimal 24 megapiksel).") % {"nama": nama}
        ) from None
    except gambar.GambarDitolak:
        raise _tolak(nama) from None
