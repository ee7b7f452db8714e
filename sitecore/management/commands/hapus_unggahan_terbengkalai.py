"""Remove files the multiple uploader parked and nobody completed (run daily from cron).

Wagtail keeps an upload that needs more fields (title, collection, …) as an UploadedFile
in MEDIA_ROOT/wagtail_uploads until its form is saved; an abandoned one stays forever.
Rows and files older than `--hours` (24) go, including files whose row is already gone.
Nothing outside wagtail_uploads is touched. Age is the file's modification time: the
model has no timestamp of its own.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from sitecore.media import PARKED_UPLOADS_DIR


def _parked_names(storage, folder=PARKED_UPLOADS_DIR):
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in dirs:
        yield from _parked_names(storage, f"{folder}/{sub}")


class Command(BaseCommand):
    help = "Remove uploads parked by the multiple uploader and abandoned (older than a day)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24, help="Minimum age (24).")

    def handle(self, *args, hours=24, **options):
        from wagtail.models import UploadedFile

        storage = UploadedFile._meta.get_field("file").storage
        cutoff = timezone.now() - timedelta(hours=hours)
        prefix = PARKED_UPLOADS_DIR + "/"

        def old(name):
            try:
                return storage.get_modified_time(name) < cutoff
            except FileNotFoundError:
                return True

        rows = files = 0
        kept = set()
        for upload in UploadedFile.objects.iterator():
            name = upload.file.name or ""
            if not name.startswith(prefix) or ".." in name.split("/"):
                continue  # never touch a file outside the parking folder
            if not old(name):
                kept.add(name)
                continue
            if storage.exists(name):
                storage.delete(name)
                files += 1
            upload.delete()
            rows += 1
        for name in _parked_names(storage):
            if name not in kept and old(name):
                storage.delete(name)
                files += 1
        self.stdout.write(f"{rows} parked uploads and {files} files removed.")
