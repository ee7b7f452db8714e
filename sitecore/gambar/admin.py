"""Wagtail images (articles, galleries, agenda posters): the location leaves every photo
before it is stored, and upload refusals read in the admin's language.

Wagtail keeps an uploaded original byte for byte and serves it under MEDIA_URL, and its
renditions copy the original's EXIF, GPS included. The location is therefore removed
from the file itself when an image is saved with new content, in a `pre_save` receiver
rather than in the upload form: every way a file reaches an image goes through it —
single and multiple upload, the chooser's upload tab (posters), replacing a file, the
multiple uploader's "fill in the details first" path (which parks the upload in
Wagtail's UploadedFile, also cleaned here, and later copies it without the form) and
code. The edit is lossless (sitecore.gambar.hygiene.tanpa_lokasi), so
a custom image model is not needed; renditions are made from the clean original.

Pixel bombs never get this far: Wagtail's upload field reads the size from the header
(WAGTAILIMAGES_MAX_IMAGE_PIXELS) and Pillow refuses absurd headers before decoding.
"""

import os

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from wagtail.images.forms import BaseImageForm
from wagtail.utils.file import hash_filelike

from sitecore.gambar.hygiene import tanpa_lokasi


class GambarAdminForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's form with messages that Wagtail's own
    Indonesian catalogue lacks, for the refusals an attacker (or a big photo) meets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is None:
            return
        messages = field.error_messages
        if field.max_image_pixels:
            # Wagtail formats this message again with `%`: it must keep no `%` of its own.
            messages["file_too_many_pixels"] = _(
                "Gambar ini terlalu besar: lebih dari %(mp)s megapiksel. Perkecil "
                "ukurannya (misalnya 4000 × 3000 piksel) lalu unggah lagi."
            ) % {"mp": f"{field.max_image_pixels / 1_000_000:g}"}
        messages["invalid_image_known_format"] = _(
            "Berkas ini bukan gambar .%(extension)s yang sah: isinya berformat "
            "%(image_format)s. Simpan ulang dengan ekstensi yang sesuai."
        )


def _tanpa_lokasi(instance):
    """Strip the location from `instance.file` when the file is new to this row (an
    upload not yet stored, or a new row whose file was stored beforehand). Returns the
    clean bytes when the file changed, else None; an existing row keeping its file
    costs nothing."""
    berkas = instance.file
    if not berkas:
        return None
    baru = not berkas._committed
    if not baru and instance.pk is not None:
        return None
    f = berkas.file  # the upload, or the stored file opened for reading
    f.seek(0)
    data = f.read()
    f.seek(0)
    bersih = tanpa_lokasi(data, getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None))
    if bersih is data:
        return None
    nama = os.path.basename(berkas.name)
    if baru:
        berkas.file = ContentFile(bersih, name=nama)
    else:
        lama = berkas.name
        berkas.close()
        berkas.save(nama, ContentFile(bersih), save=False)
        berkas.storage.delete(lama)
    return bersih


def hapus_lokasi(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save of the image model: the stored file never has GPS, maker notes or
    GPS-bearing XMP; size and hash describe the stored file."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    bersih = _tanpa_lokasi(instance)
    if bersih is not None:
        instance.file_size = len(bersih)
        instance.file_hash = hash_filelike(ContentFile(bersih))


def hapus_lokasi_unggahan(sender, instance, raw=False, **kwargs):
    """pre_save of Wagtail's UploadedFile: the multiple uploader parks an image there
    (under MEDIA_ROOT/wagtail_uploads, publicly served like any media) when a field
    other than the file is invalid, until its details are filled in."""
    from wagtail.images import get_image_model

    if raw or instance.for_content_type_id is None:
        return
    if instance.for_content_type.model_class() is get_image_model():
        _tanpa_lokasi(instance)


def connect_signals():
    from django.db.models.signals import pre_save
    from wagtail.images import get_image_model
    from wagtail.models import UploadedFile

    pre_save.connect(
        hapus_lokasi, sender=get_image_model(), weak=False, dispatch_uid="gambar-tanpa-lokasi"
    )
    pre_save.connect(
        hapus_lokasi_unggahan,
        sender=UploadedFile,
        weak=False,
        dispatch_uid="unggahan-gambar-tanpa-lokasi",
    )
