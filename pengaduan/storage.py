"""Private storage for complaint attachments, outside MEDIA_ROOT and never served directly."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


@deconstructible(path="pengaduan.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Reads PENGADUAN_PRIVATE_ROOT on use, so tests and deployments can move it."""

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PENGADUAN_PRIVATE_ROOT)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise NotImplementedError("Private files have no public URL.")


private_storage = PrivateStorage()
