"""Attachment checks by content, never by name or browser-declared type.

Images (JPEG/PNG/WebP) must open and verify with Pillow under a pixel limit, then are
re-encoded from pixels only, which drops EXIF (GPS included), ICC tricks and any
trailing payload of a polyglot. PDFs must start with %PDF-, end with %%EOF and carry
no JavaScript or launch actions. Everything else is refused.
"""

import io
import re

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

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
    # The pixel check runs on the header before any decoding, so bombs cost nothing.
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format
            width, height = probe.size
            if fmt not in FORMAT_GAMBAR:
                raise _tolak(nama)
            if width * height > MAKS_PIKSEL:
                raise ValidationError(
                    _("Gambar %(nama)s terlalu besar (maksimal 24 megapiksel).") % {"nama": nama}
                )
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return _encode_ulang(image, fmt), FORMAT_GAMBAR[fmt]
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _tolak(nama) from None


def _encode_ulang(image, fmt):
    from PIL import ImageOps

    image = ImageOps.exif_transpose(image)  # keep the visible orientation, drop the tag
    if max(image.size) > MAKS_SISI:
        image.thumbnail((MAKS_SISI, MAKS_SISI))
    # Copy pixels into a fresh image: no info dict, no EXIF, XMP or comments survive.
    mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and fmt != "JPEG" else "RGB"
    clean = Image.new(mode, image.size)
    clean.paste(image.convert(mode))
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=85, optimize=True)
    elif fmt == "PNG":
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "WEBP", quality=85)
    return ContentFile(out.getvalue())
