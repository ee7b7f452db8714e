"""Which uploaded files are public under MEDIA_URL, and how documents reach a visitor.

Documents may sit in a collection restricted to logged-in users, a password or groups:
only Wagtail's document view (/documents/<id>/<name>) checks that, so the documents
folder is never served as plain media. Neither are files parked by the multiple
uploader until their form is completed. Behind nginx, the document view answers with
X-Accel-Redirect after its check and nginx sends the file from an `internal` location
(docs/deploy/nginx.conf); elsewhere the file is streamed by Django.
"""

import posixpath
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse
from django.views.static import serve as static_serve
from wagtail.utils import sendfile_streaming_backend

DOCUMENTS_DIR = "documents"  # Wagtail's Document.file upload_to
PARKED_UPLOADS_DIR = "wagtail_uploads"  # Wagtail's UploadedFile.file upload_to
PRIVATE_DIRS = frozenset({DOCUMENTS_DIR, PARKED_UPLOADS_DIR})


def is_private(path):
    """True when a path under MEDIA_ROOT falls in a folder never served as media."""
    name = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")
    return name.split("/", 1)[0] in PRIVATE_DIRS


def serve_public_media(request, path):
    """Django's static file view over MEDIA_ROOT, minus documents and parked uploads."""
    if is_private(path):
        raise Http404
    # MEDIA_ROOT read per request, not frozen into the URL pattern at import.
    return static_serve(request, path, document_root=settings.MEDIA_ROOT)


class _HandOver(HttpResponse):
    """An empty response for nginx to fill. Wagtail sets Content-Length to the file's size
    after the backend returns (a client without nginx would wait forever) and
    Content-Encoding even when there is none (sent as "None"): both are dropped."""

    def __setitem__(self, header, value):
        if header.lower() == "content-length" or (
            header.lower() == "content-encoding" and value is None
        ):
            return
        super().__setitem__(header, value)


def sendfile(request, filename, **kwargs):
    """SENDFILE_BACKEND for Wagtail's document view, called after its permission check.

    With DOCUMENTS_X_ACCEL_REDIRECT on, a document under MEDIA_ROOT/documents is handed
    to nginx; anything else (or with it off) is streamed by Django as Wagtail would.
    """
    if getattr(settings, "DOCUMENTS_X_ACCEL_REDIRECT", False):
        # Resolved on both sides: the documents folder may be a symlink to another disk.
        folder = (Path(settings.MEDIA_ROOT) / DOCUMENTS_DIR).resolve()
        path = Path(filename).resolve()
        if path.is_relative_to(folder):
            response = _HandOver(content_type=kwargs.get("mimetype"))
            relative = f"{DOCUMENTS_DIR}/{path.relative_to(folder).as_posix()}"
            response["X-Accel-Redirect"] = quote(settings.MEDIA_URL + relative)
            return response
    return sendfile_streaming_backend.sendfile(request, filename, **kwargs)
