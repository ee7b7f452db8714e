"""One installation, many villages: each hostname serves only its own village."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from sitecore.demo.seed import ensure_directory
from tests.conftest import section

pytestmark = pytest.mark.django_db


def test_each_hostname_serves_its_own_village(desa_a, desa_b, client_for):
    a = client_for(desa_a).get("/")
    b = client_for(desa_b).get("/")
    assert a.status_code == 200 and b.status_code == 200
    assert "Desa Alpha" in a.text and "Desa Beta" not in a.text
    assert "Desa Beta" in b.text and "Desa Alpha" not in b.text


def test_village_a_hostname_never_serves_village_b_pages(desa_a, desa_b, client_for):
    # Both villages have /agenda/, but each hostname answers with its own.
    agenda_b = section(desa_b, "agenda")
    child = agenda_b.add_child(instance=Page(title="Rahasia Beta", slug="rahasia-beta"))
    child.save_revision().publish()
    assert client_for(desa_b).get("/agenda/rahasia-beta/").status_code == 200
    response = client_for(desa_a).get("/agenda/rahasia-beta/")
    assert response.status_code == 404
    assert "Rahasia Beta" not in response.text


def test_unknown_hostname_gets_the_directory(desa_a, desa_b, client):
    ensure_directory(port=80)
    response = client.get("/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert "Direktori Desa" in response.text
    assert "http://alpha.test/" in response.text
    assert "http://beta.test/" in response.text
    # The directory's site has no village profile: no sidebar widgets, no footer office.
    assert "Kantor Desa" not in response.text


def test_demo_directory_links_carry_the_port(desa_a, client):
    desa_a.port = 8000
    desa_a.save()
    ensure_directory(port=8000)
    response = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert "http://alpha.test:8000/" in response.text


def test_time_zone_follows_the_village(desa_a, desa_b, client_for):
    # The middleware activates the village's zone for every request.
    a = client_for(desa_a).get("/")
    b = client_for(desa_b).get("/")
    assert a.wsgi_request.desa_profil.zona_singkat == "WITA"
    assert b.wsgi_request.desa_profil.zona_singkat == "WIB"


def test_buat_desa_command_builds_a_complete_village(db, client):
    call_command(
        "buat_desa",
        "Gamma",
        hostname="gamma.test",
        zona="wit",
        kecamatan="Sentani",
        kabupaten="Kabupaten Jayapura",
        provinsi="Papua",
    )
    site = Site.objects.get(hostname="gamma.test")
    assert site.site_name == "Desa Gamma"
    assert site.root_page.specific_class.__name__ == "DesaHomePage"
    slugs = set(site.root_page.get_children().values_list("slug", flat=True))
    assert {"artikel", "agenda", "statistik", "pengaduan", "transparansi"} <= slugs
    response = client.get("/", HTTP_HOST="gamma.test")
    assert response.status_code == 200
    assert "Kabupaten Jayapura" in response.text


def test_buat_desa_refuses_a_taken_hostname(desa_a):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="sudah dipakai"):
        call_command("buat_desa", "Lain", hostname="alpha.test")
