"""`manage.py hapus_unggahan_terbengkalai` (daily cron) removes uploads parked by the
multiple uploader and abandoned for over a day, and nothing else (issue 17)."""

import os
import time
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

pytestmark = pytest.mark.django_db

TWO_DAYS = 2 * 24 * 3600


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_old_parked_uploads_go_fresh_ones_and_other_media_stay(settings, capsys):
    from wagtail.documents.models import Document
    from wagtail.models import UploadedFile

    root = Path(settings.MEDIA_ROOT)
    old = UploadedFile.objects.create(file=ContentFile(b"lama", name="lama.pdf"))
    fresh = UploadedFile.objects.create(file=ContentFile(b"baru", name="baru.pdf"))
    assert old.file.name.startswith("wagtail_uploads/")
    _age(old.file.path, TWO_DAYS)
    # A file left behind without its row (e.g. the row was deleted by hand).
    orphan = root / "wagtail_uploads" / "yatim.pdf"
    orphan.write_bytes(b"yatim")
    _age(orphan, TWO_DAYS)
    # Old files elsewhere in MEDIA_ROOT are never touched.
    document = Document.objects.create(title="Perdes", file=ContentFile(b"x", name="perdes.pdf"))
    _age(document.file.path, TWO_DAYS)
    image = root / "images" / "foto.jpg"
    image.parent.mkdir()
    image.write_bytes(b"foto")
    _age(image, TWO_DAYS)

    call_command("hapus_unggahan_terbengkalai")

    assert not Path(old.file.path).exists()
    assert not UploadedFile.objects.filter(pk=old.pk).exists()
    assert not orphan.exists()
    assert Path(fresh.file.path).read_bytes() == b"baru"
    assert UploadedFile.objects.filter(pk=fresh.pk).exists()
    assert Path(document.file.path).read_bytes() == b"x"
    assert image.read_bytes() == b"foto"
    assert "1 parked uploads and 2 files removed." in capsys.readouterr().out


def test_a_row_pointing_outside_the_parking_folder_is_left_alone(settings):
    from wagtail.models import UploadedFile

    target = Path(settings.MEDIA_ROOT) / "documents" / "penting.pdf"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"penting")
    _age(target, TWO_DAYS)
    odd = UploadedFile.objects.create(file="documents/penting.pdf")
    call_command("hapus_unggahan_terbengkalai")
    assert target.read_bytes() == b"penting"
    assert UploadedFile.objects.filter(pk=odd.pk).exists()


def test_nothing_parked_is_fine(settings):
    call_command("hapus_unggahan_terbengkalai")  # no wagtail_uploads folder at all
    assert not (Path(settings.MEDIA_ROOT) / "wagtail_uploads").exists()


def test_cron_line_is_documented():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    assert "manage.py hapus_unggahan_terbengkalai" in readme


def test_an_upload_parked_through_the_admin_is_removed_a_day_later(
    desa_a, make_staff, client, settings
):
    """An empty title makes Wagtail's multiple uploader park the file; the editor never
    comes back to complete it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image
    from wagtail.models import UploadedFile

    from sitecore.models.roles import Peran

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "JPEG")
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("poster.jpg", buffer.getvalue()), "title": ""},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    parked = UploadedFile.objects.get(pk=response.json()["uploaded_file_id"])
    path = Path(parked.file.path)
    assert path.is_relative_to(Path(settings.MEDIA_ROOT) / "wagtail_uploads")
    assert client.get(parked.file.url).status_code == 404  # never public meanwhile

    call_command("hapus_unggahan_terbengkalai")
    assert path.exists()  # still fresh: the editor may come back today
    _age(path, TWO_DAYS)
    call_command("hapus_unggahan_terbengkalai")
    assert not path.exists() and not UploadedFile.objects.filter(pk=parked.pk).exists()
