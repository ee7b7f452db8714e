"""Invalidation by what a page shows: each kind of change refreshes the pages that show
it and leaves the rest of the village cached.

Complaints are filed on the public form and handled by an officer in the admin, comments
posted on the article and approved in the admin, as people do it.
"""

import pytest
from django.test import override_settings
from django.utils import timezone

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.models import DesaProfil, Komentar
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_agenda_helpers import acara
from tests.test_artikel_pages import buat_artikel
from tests.test_transparansi_halaman import buat_apbdes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits_as_in_production")]

HIT = "X-Desa-Cache"
CAPTCHA_OK = {"captcha_0": "x", "captcha_1": "PASSED"}


@pytest.fixture(autouse=True)
def _cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True, WIDGET_CACHE_ENABLED=True):
        yield


def _lapor(site, client_for, judul):
    """A resident files an item on the public form."""
    pelapor = client_for(site)
    formulir = section(site, "pengaduan").url
    response = pelapor.post(formulir, isian(form_token(pelapor, formulir), judul=judul))
    assert response.status_code == 302
    return Pengaduan.objects.get(site=site, judul=judul)


def _tindak(client, item, ke_status, **data):
    """An officer's status click in the admin."""
    response = client.post(
        f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/", {"ke_status": ke_status, **data}
    )
    assert response.status_code == 302, response.content[:500]
    item.refresh_from_db()
    assert item.status == ke_status


@pytest.fixture
def desa(desa_a, client_for, client, make_staff):
    """A village with two public complaints, an article, an event and a budget; an officer
    logged in (`client`) and the public pages to watch (`urls`)."""
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    items = []
    for judul in ("Lampu jalan mati di Dusun Timur", "Saluran air tersumbat"):
        item = _lapor(desa_a, client_for, judul)
        _tindak(client, item, "diverifikasi", judul_publik=judul)
        items.append(item)
    artikel = buat_artikel(section(desa_a, "artikel"), "Panen raya padi")
    event = acara(desa_a, "Posyandu balita", mulai=timezone.now() + timezone.timedelta(days=3))
    apbdes = buat_apbdes(desa_a)
    pengaduan = section(desa_a, "pengaduan").url
    urls = {
        "beranda": "/",
        "artikel": section(desa_a, "artikel").url,
        "artikel_satu": artikel.url,
        "agenda": section(desa_a, "agenda").url,
        "acara": event.url,
        "statistik": section(desa_a, "statistik").url,
        "transparansi": section(desa_a, "transparansi").url,
        "apbdes": apbdes.url,
        "register": pengaduan + "register/",
        "item_x": pengaduan + f"register/{items[0].kode}/",
        "item_y": pengaduan + f"register/{items[1].kode}/",
        "laporan": pengaduan + f"laporan/{timezone.localdate().year}/",
    }
    return {"site": desa_a, "items": items, "artikel": artikel, "urls": urls}


def _prime(client, urls):
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url)
        assert response[HIT] in ("hit", "miss"), (name, url)
    # Everything is now cached.
    for name, url in urls.items():
        assert client.get(url)[HIT] == "hit", name


def _refreshed(client, urls):
    """The names of the pages that were rendered anew (each is then cached again)."""
    return {name for name, url in urls.items() if client.get(url)[HIT] == "miss"}


def test_an_officers_status_click_refreshes_only_what_shows_complaints(desa, client, client_for):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    x = desa["items"][0]
    _tindak(
        client,
        x,
        "selesai",
        hasil="korektif",
        pesan_pelapor="Lampu sudah diganti.",
        catatan_publik="Lampu jalan sudah diganti petugas desa.",
    )
    # The register, that item, the report and the home page (its complaints widget).
    assert _refreshed(reader, desa["urls"]) == {"register", "item_x", "laporan", "beranda"}
    assert "Lampu jalan sudah diganti petugas desa." in reader.get(desa["urls"]["item_x"]).text


def test_a_new_complaint_not_yet_public_refreshes_nothing(desa, client_for):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    _lapor(desa["site"], client_for, "Jembatan bambu goyang")
    assert _refreshed(reader, desa["urls"]) == set()
    assert "Jembatan bambu goyang" not in reader.get(desa["urls"]["register"]).text


def test_an_article_refreshes_article_pages_and_the_home_only(desa, client_for):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    buat_artikel(section(desa["site"], "artikel"), "Pelatihan kompos warga")
    assert _refreshed(reader, desa["urls"]) == {"artikel", "artikel_satu", "beranda"}
    assert "Pelatihan kompos warga" in reader.get(desa["urls"]["artikel"]).text


def test_a_comment_refreshes_only_once_approved(desa, client, client_for, make_staff):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    artikel = desa["artikel"]
    response = client_for(desa["site"]).post(
        f"{artikel.url}komentar/", {"nama": "Rina", "pesan": "Semoga panen melimpah", **CAPTCHA_OK}
    )
    assert response.status_code == 302
    # Waiting for moderation: shown nowhere, drops nothing.
    assert _refreshed(reader, desa["urls"]) == set()
    komentar = Komentar.objects.get(pesan="Semoga panen melimpah")
    client.force_login(make_staff(desa["site"], Peran.EDITOR))
    assert (
        client.post(f"/admin/komentar/edit/{komentar.pk}/", {"status": "disetujui"}).status_code
        == 302
    )
    # The article and the article pages' latest-comments widget show it.
    assert _refreshed(reader, desa["urls"]) == {"artikel", "artikel_satu"}
    assert "Semoga panen melimpah" in reader.get(artikel.url).text


def test_an_event_refreshes_the_agenda_and_the_home(desa, client_for):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    acara(desa["site"], "Kerja bakti", mulai=timezone.now() + timezone.timedelta(days=5))
    assert _refreshed(reader, desa["urls"]) == {"agenda", "acara", "beranda"}


def test_a_budget_refreshes_transparency_pages_and_the_home(desa, client_for):
    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    buat_apbdes(desa["site"], versi="perubahan")
    # The register and each item link to plan activities (transparansi pages).
    assert _refreshed(reader, desa["urls"]) == {
        "transparansi",
        "apbdes",
        "beranda",
        "register",
        "item_x",
        "item_y",
    }


def test_the_village_profile_refreshes_every_page(desa, client_for, desa_b):
    reader, other = client_for(desa["site"]), client_for(desa_b)
    _prime(reader, desa["urls"])
    other.get("/"), other.get("/")
    profil = DesaProfil.for_site(desa["site"])
    profil.telepon = "0370 999888"
    profil.save()
    assert _refreshed(reader, desa["urls"]) == set(desa["urls"])
    assert "0370 999888" in reader.get("/").text
    assert other.get("/")[HIT] == "hit"


def test_a_view_that_declares_nothing_refreshes_with_any_change(desa, client_for):
    reader = client_for(desa["site"])
    assert reader.get("/sitemap.xml")[HIT] == "miss"
    assert reader.get("/sitemap.xml")[HIT] == "hit"
    artikel = buat_artikel(section(desa["site"], "artikel"), "Jadwal vaksinasi ternak")
    fresh = reader.get("/sitemap.xml")
    assert fresh[HIT] == "miss" and artikel.slug in fresh.text


def test_an_immediate_announcement_refreshes_every_page(desa, client_for):
    from transparansi.models.informasi import JenisSertaMerta, SertaMertaPage

    reader = client_for(desa["site"])
    _prime(reader, desa["urls"])
    page = SertaMertaPage(
        title="Banjir: jalan ke Dusun Timur ditutup",
        jenis=JenisSertaMerta.choices[0][0],
        ringkasan="Air setinggi lutut di jalan dusun.",
        bahaya="Arus deras di jembatan.",
        pengumum="Kepala Desa",
    )
    section(desa["site"], "transparansi").add_child(instance=page)
    page.save_revision().publish()
    assert _refreshed(reader, desa["urls"]) == set(desa["urls"])
    assert "Banjir: jalan ke Dusun Timur ditutup" in reader.get(desa["urls"]["agenda"]).text


def test_every_worker_sees_a_change_without_a_shared_page_cache(desa, client, client_for):
    """Without Redis each gunicorn worker keeps pages in its own memory; what they were
    rendered with is shared (the database), so no worker serves the old page."""
    from django.conf import settings

    if settings.PAGE_CACHE_GENERATIONS_ALIAS == getattr(settings, "PAGE_CACHE_ALIAS", "default"):
        pytest.skip("one shared cache (Redis) holds pages and generations")

    def worker(name):
        local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
        return override_settings(CACHES={**settings.CACHES, "default": local})

    reader = client_for(desa["site"])
    item = desa["urls"]["item_x"]
    for name in ("worker-1", "worker-2"):
        with worker(name):
            first = reader.get(item)
            assert first[HIT] == "miss" and "Dibahas" not in first.text
            assert reader.get(item)[HIT] == "hit"
    with worker("worker-2"):  # the officer's click lands on the second worker
        _tindak(
            client,
            desa["items"][0],
            "dibahas",
            rapat_tanggal=timezone.localdate().isoformat(),
            rapat_temuan="Dibahas di musyawarah dusun.",
        )
    with worker("worker-1"):
        fresh = reader.get(item)
        assert fresh[HIT] == "miss" and "Dibahas" in fresh.text


def test_while_one_request_renders_a_changed_page_the_others_get_the_previous_one(
    desa, client, client_for
):
    from django.test import RequestFactory

    from sitecore.pagecache.cache import _cache, _page_key
    from sitecore.pagecache.middleware import RENDER_LOCK_SECONDS

    reader = client_for(desa["site"])
    register = desa["urls"]["register"]
    assert "Lampu jalan mati di Dusun Timur" in reader.get(register).text
    _tindak(
        client,
        desa["items"][0],
        "selesai",
        hasil="korektif",
        pesan_pelapor="Lampu sudah diganti.",
        catatan_publik="Lampu jalan sudah diganti petugas desa.",
    )
    # Another request is rendering the register right now (it holds the render lock).
    key = _page_key(RequestFactory().get(register, HTTP_HOST=desa["site"].hostname))
    assert _cache().add(f"{key}:render", 1, RENDER_LOCK_SECONDS)
    stale = reader.get(register)
    assert stale[HIT] == "stale" and "Lampu jalan sudah diganti petugas desa." not in stale.text
    _cache().delete(f"{key}:render")  # that render is done
    fresh = reader.get(register)
    assert fresh[HIT] == "miss" and "Lampu jalan sudah diganti petugas desa." in fresh.text
    assert reader.get(register)[HIT] == "hit"


def test_a_page_that_is_gone_is_not_served_from_its_old_version(desa, client_for):
    reader = client_for(desa["site"])
    artikel = desa["artikel"]
    assert reader.get(artikel.url)[HIT] in ("miss", "hit")
    assert reader.get(artikel.url)[HIT] == "hit"
    artikel.unpublish()
    assert reader.get(artikel.url).status_code == 404
    assert reader.get(artikel.url).status_code == 404
