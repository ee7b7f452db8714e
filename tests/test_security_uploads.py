"""Admin uploads: Wagtail images and documents refuse active content; documents are
served as downloads that a browser never renders in the site's origin."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from sitecore.models.roles import Peran

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.mark.parametrize(
    "name,data",
    [
        ("halaman.html", b"<html><script>alert(1)</script></html>"),
        ("gambar.svg", SVG),
        ("skrip.js", b"alert(1)"),
        ("program.exe", b"MZ\x90\x00"),
        ("laporan.pdf.html", b"<script>alert(1)</script>"),
    ],
)
def test_document_upload_refuses_active_content(desa_a, make_staff, client, name, data):
    from wagtail.documents.models import Document

    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile(name, data)},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code in (200, 400, 403)
    assert not Document.objects.filter(file__endswith=name.rsplit(".", 1)[-1]).exists()


def test_documents_are_served_as_sandboxed_downloads(desa_a, client_for):
    from wagtail.documents.models import Document

    for name, body in [("perdes.pdf", b"%PDF-1.4\n%%EOF"), ("data.txt", b"<script>x</script>")]:
        doc = Document.objects.create(title=name, file=ContentFile(body, name=name))
        response = client_for(desa_a).get(doc.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        csp = response["Content-Security-Policy"]
        assert "sandbox" in csp or csp == "default-src 'none'", csp


def test_image_upload_refuses_svg_and_renamed_files(desa_a, make_staff, client):
    from wagtail.images.models import Image

    client.force_login(make_staff(desa_a, Peran.EDITOR))
    for name, data in [("logo.svg", SVG), ("foto.jpg", b"MZ\x90\x00 not an image")]:
        response = client.post(
            "/admin/images/multiple/add/",
            {"files[]": SimpleUploadedFile(name, data)},
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
        assert response.status_code in (200, 400)
        assert response.json()["success"] is False, name
    assert not Image.objects.exists()
