"""Documents reach visitors only through Wagtail's document view, which checks the
collection's view restriction; /media/ never serves documents nor parked uploads (issue 17)."""

import pytest
from django.core.files.base import ContentFile

from sitecore.models.roles import Peran

pytestmark = pytest.mark.django_db

RAHASIA = b"%PDF-1.4\nnotulen rapat tertutup\n%%EOF"
PUBLIK = b"%PDF-1.4\nperaturan desa\n%%EOF"


def _body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def buat_dokumen(site):
    """A document in a collection restricted to logged-in users, and a public one."""
    from wagtail.documents.models import Document
    from wagtail.models import Collection, CollectionViewRestriction

    # A restricted sub-collection of the village's own collection.
    root = Collection.objects.get(name=site.site_name)
    tertutup = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=tertutup, restriction_type=CollectionViewRestriction.LOGIN
    )
    rahasia = Document.objects.create(
        title="Notulen", collection=tertutup, file=ContentFile(RAHASIA, name="notulen.pdf")
    )
    publik = Document.objects.create(
        title="Perdes", collection=root, file=ContentFile(PUBLIK, name="perdes.pdf")
    )
    return rahasia, publik


@pytest.fixture
def dokumen(desa_a):
    return buat_dokumen(desa_a)


def _media_url(doc):
    return "/media/" + doc.file.name


def test_restricted_document_is_not_given_to_anonymous(dokumen, client_for, desa_a):
    rahasia, _ = dokumen
    client = client_for(desa_a)
    view = client.get(rahasia.url)
    assert view.status_code == 302 and "/login/" in view["Location"]
    assert RAHASIA not in _body(view)
    assert rahasia.file.name.startswith("documents/")
    for url in [
        _media_url(rahasia),
        "/media/./" + rahasia.file.name,
        "/media//" + rahasia.file.name,
        "/media/images/../" + rahasia.file.name,
        "/media/images/..%2F" + rahasia.file.name,
        "/media/%64ocuments/" + rahasia.file.name.split("/", 1)[1],
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert RAHASIA not in _body(response)


def test_logged_in_editor_downloads_restricted_document(dokumen, client_for, desa_a, make_staff):
    rahasia, _ = dokumen
    client = client_for(desa_a)
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.get(rahasia.url)
    assert response.status_code == 200
    assert _body(response) == RAHASIA
    assert response["Content-Disposition"].startswith("attachment")
    # Even a logged-in user does not get it as plain media.
    assert client.get(_media_url(rahasia)).status_code == 404


def test_public_document_still_downloads_but_only_through_its_view(dokumen, client_for, desa_a):
    _, publik = dokumen
    client = client_for(desa_a)
    response = client.get(publik.url)
    assert response.status_code == 200 and _body(response) == PUBLIK
    assert response["Content-Disposition"] == 'attachment; filename="perdes.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "X-Accel-Redirect" not in response
    assert client.get(_media_url(publik)).status_code == 404


def test_parked_uploads_are_not_media_but_images_are(desa_a, client_for, settings):
    from pathlib import Path

    root = Path(settings.MEDIA_ROOT)
    (root / "wagtail_uploads").mkdir(parents=True)
    (root / "wagtail_uploads" / "parkir.pdf").write_bytes(RAHASIA)
    (root / "images").mkdir()
    (root / "images" / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0 foto")
    client = client_for(desa_a)
    assert client.get("/media/wagtail_uploads/parkir.pdf").status_code == 404
    assert client.get("/media/images/../wagtail_uploads/parkir.pdf").status_code == 404
    image = client.get("/media/images/foto.jpg")
    assert image.status_code == 200 and _body(image) == b"\xff\xd8\xff\xe0 foto"


def test_with_x_accel_redirect_the_view_hands_the_file_to_nginx(
    dokumen, client_for, desa_a, settings
):
    settings.DOCUMENTS_X_ACCEL_REDIRECT = True
    rahasia, publik = dokumen
    client = client_for(desa_a)
    response = client.get(publik.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/media/" + publik.file.name
    assert "Content-Encoding" not in response
    assert response["Content-Disposition"].startswith("attachment")
    assert _body(response) == b""
    # The restriction is checked before any hand-over.
    refused = client.get(rahasia.url)
    assert refused.status_code == 302 and "X-Accel-Redirect" not in refused


def test_hand_over_when_the_documents_folder_is_a_symlink(desa_a, client_for, settings, tmp_path):
    from pathlib import Path

    from wagtail.documents.models import Document

    settings.DOCUMENTS_X_ACCEL_REDIRECT = True
    elsewhere = tmp_path / "disk-lain"
    elsewhere.mkdir()
    Path(settings.MEDIA_ROOT).mkdir(parents=True, exist_ok=True)
    (Path(settings.MEDIA_ROOT) / "documents").symlink_to(elsewhere)
    doc = Document.objects.create(title="Perdes", file=ContentFile(PUBLIK, name="perdes.pdf"))
    assert (elsewhere / "perdes.pdf").exists()
    response = client_for(desa_a).get(doc.url)
    assert response["X-Accel-Redirect"] == "/media/documents/perdes.pdf"
