"""The demo seeding command builds two villages and can be run again safely."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from sitecore.models import DesaProfil

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Site.objects.count(),
        Page.objects.count(),
        get_user_model().objects.count(),
        DesaProfil.objects.count(),
    )


def test_seed_demo_is_idempotent_and_builds_both_villages(client):
    call_command("seed_demo", port=8000, stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _counts()
    call_command("seed_demo", port=8000, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first

    mekar = Site.objects.get(hostname="mekarsari.localhost")
    karang = Site.objects.get(hostname="karangsari.localhost")
    assert DesaProfil.for_site(mekar).zona_waktu == "Asia/Makassar"  # Lombok Barat: WITA
    assert DesaProfil.for_site(karang).zona_waktu == "Asia/Jakarta"  # Purbalingga: WIB
    assert DesaProfil.for_site(mekar).aparatur.count() >= 5
    assert DesaProfil.for_site(mekar).logo is not None

    home = client.get("/", HTTP_HOST="mekarsari.localhost:8000")
    assert home.status_code == 200
    assert "Sambutan Kepala Desa" in home.text
    assert "Kabupaten Lombok Barat" in home.text
    directory = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert "http://mekarsari.localhost:8000/" in directory.text
    assert "http://karangsari.localhost:8000/" in directory.text

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    editor = get_user_model().objects.get(username="editor.mekarsari")
    assert editor.groups.filter(name__contains="Mekar Sari").exists()


def test_admin_speaks_indonesian(desa_a, make_staff, client):
    from sitecore.models.roles import Peran

    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="id"' in response.text
    assert "Halaman" in response.text and "Keluar" in response.text


def test_demo_pages_have_english_mirrors(client):
    from transparansi.models import APBDesPage

    call_command("seed_demo", port=8000, stdout=open("/dev/null", "w"))  # noqa: SIM115
    apbdes = APBDesPage.objects.filter(locale__language_code="id").live().first()
    assert apbdes is not None
    english = apbdes.get_translations().filter(locale__language_code="en").first()
    assert english is not None
    response = client.get(english.url, HTTP_HOST="mekarsari.localhost:8000")
    assert response.status_code == 200 and '<html lang="en">' in response.text
