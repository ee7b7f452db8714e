"""Remove the location from images stored before uploads were cleaned on save.

Run once after upgrading (`manage.py hapus_lokasi_gambar`, `--dry-run` to count only).
Each original, its renditions and each image parked by the multiple uploader loses
its EXIF GPS, maker notes and GPS-bearing XMP (sitecore.gambar.hygiene.tanpa_lokasi, lossless
for JPEG, PNG and WebP). Files are rewritten under their own names, so every URL in
pages, caches and feeds stays valid. Renditions go first: an interrupted run leaves
no clean original with dirty renditions, and a rerun finishes the job.
"""

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from sitecore.gambar.hygiene import GambarDitolak, tanpa_lokasi


class Command(BaseCommand):
    help = "Remove the location (EXIF GPS) from images already stored (once after upgrading)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count.")

    def handle(self, *args, dry_run=False, **options):
        from django.contrib.contenttypes.models import ContentType
        from wagtail.models import UploadedFile

        self.dry_run = dry_run
        self.maks = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
        model = get_image_model()
        images = renditions = 0
        for image in model.objects.order_by("pk").iterator():
            changed = self._bersihkan(image, image.file)
            if changed is None:
                continue
            for rendition in image.renditions.all():
                renditions += self._bersihkan(rendition, rendition.file) is not None
            self._tulis(image, image.file, changed)
            if not dry_run:
                image.file_size = len(changed)
                image.file_hash = hash_filelike(ContentFile(changed))
                image.save(update_fields=["file", "file_size", "file_hash"])
            images += 1
        parked = 0
        content_type = ContentType.objects.get_for_model(model)
        for upload in UploadedFile.objects.filter(for_content_type=content_type):
            changed = self._bersihkan(upload, upload.file)
            if changed is not None:
                self._tulis(upload, upload.file, changed)
                parked += 1
        verb = "would clean" if dry_run else "cleaned"
        self.stdout.write(
            f"{verb}: {images} originals, {renditions} renditions, {parked} parked uploads"
        )

    def _bersihkan(self, row, berkas):
        """The clean bytes when `berkas` carried a location (rewritten for renditions,
        returned for the caller to write), else None."""
        try:
            with berkas.storage.open(berkas.name, "rb") as f:
                data = f.read()
            clean = tanpa_lokasi(data, self.maks)
        except (OSError, GambarDitolak) as exc:
            self.stderr.write(f"skipped {berkas.name}: {exc!r}")
            return None
        if clean is data:
            return None
        if not isinstance(row, get_image_model()):
            self._tulis(row, berkas, clean)
        return clean

    def _tulis(self, row, berkas, clean):
        if self.dry_run:
            return
        name = berkas.name
        berkas.storage.delete(name)
        saved = berkas.storage.save(name, ContentFile(clean))
        if saved != name:  # the storage chose another name: keep the row pointing at it
            berkas.name = saved
            type(row).objects.filter(pk=row.pk).update(**{berkas.field.name: saved})
