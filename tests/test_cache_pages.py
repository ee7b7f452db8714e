"""The whole-page cache: what is cached, what never is, and exact per-village invalidation."""

import pytest
from django.test import override_settings

from sitecore.models import Aparatur, DesaProfil, StandardPage
from tests.conftest import section

# Invalidation happens on commit: commits_as_in_production runs the callbacks when
# production would, without a transactional test's slow flush of every table.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits_as_in_production")]

HIT = "X-Desa-Cache"


@pytest.fixture(autouse=True)
def _cache_on():
    with override_settings(PAGE_CACHE_ENABLED=True, WIDGET_CACHE_ENABLED=True):
        yield


def _get(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200, path
    return response


def test_anonymous_get_is_served_from_cache(desa_a, client_for):
    client = client_for(desa_a)
    first = _get(client)
    second = _get(client)
    assert first[HIT] == "miss" and second[HIT] == "hit"
    assert first.content == second.content
    # Security headers are on cached responses too.
    assert "script-src 'self'" in second["Content-Security-Policy"]


def test_languages_are_cached_separately(desa_a, client_for):
    client = client_for(desa_a)
    _get(client, "/")
    english = _get(client, "/en/")
    assert english[HIT] == "miss"
    assert '<html lang="en">' in english.text


def test_publishing_refreshes_only_that_village(desa_a, desa_b, client_for):
    a, b = client_for(desa_a), client_for(desa_b)
    _get(a), _get(b), _get(a, "/agenda/")
    page = StandardPage(title="Pengumuman Kerja Bakti", slug="kerja-bakti", show_in_menus=True)
    desa_a.root_page.add_child(instance=page)
    page.save_revision().publish()

    fresh = _get(a)
    assert fresh[HIT] == "miss" and "Pengumuman Kerja Bakti" in fresh.text
    assert _get(a, "/agenda/")[HIT] == "miss"  # the menu on every page shows it
    assert _get(b)[HIT] == "hit"  # the other village stays warm


def test_unpublishing_and_deleting_refresh(desa_a, client_for):
    client = client_for(desa_a)
    page = StandardPage(title="Halaman Sementara", slug="sementara", show_in_menus=True)
    desa_a.root_page.add_child(instance=page)
    page.save_revision().publish()
    assert "Halaman Sementara" in _get(client).text
    page.unpublish()
    assert "Halaman Sementara" not in _get(client).text
    page.save_revision().publish()
    assert "Halaman Sementara" in _get(client).text
    page.delete()
    assert "Halaman Sementara" not in _get(client).text


def test_village_settings_and_officials_refresh(desa_a, desa_b, client_for):
    a, b = client_for(desa_a), client_for(desa_b)
    _get(a), _get(b)
    profil = DesaProfil.for_site(desa_a)
    profil.telepon = "0370 999888"
    profil.save()
    assert "0370 999888" in _get(a).text
    assert _get(b)[HIT] == "hit"
    halaman = StandardPage(title="Profil Desa", slug="profil")
    desa_a.root_page.add_child(instance=halaman)
    halaman.save_revision().publish()
    _get(a, "/profil/")
    Aparatur.objects.create(profil=profil, nama="Baiq Rahmawati", jabatan="Sekretaris Desa")
    assert "Baiq Rahmawati" in _get(a, "/profil/").text


def test_logged_in_users_and_sessions_bypass_the_cache(desa_a, client_for, superuser):
    client = client_for(desa_a)
    _get(client)
    client.force_login(superuser)
    response = _get(client)
    assert HIT not in response
    assert "wagtail-userbar" in response.text or "userbar" in response.text


def test_admin_post_and_no_store_responses_are_never_cached(desa_a, client_for):
    client = client_for(desa_a)
    assert HIT not in client.get("/admin/login/")
    assert HIT not in client.post("/")
    assert HIT not in client.get("/cari/", {"q": "desa"})
    pengaduan = section(desa_a, "pengaduan")
    form = client.get(pengaduan.url)
    assert "no-store" in form.get("Cache-Control", "") or HIT not in form
    again = client.get(pengaduan.url)
    assert again.get(HIT) != "hit"


def test_not_found_is_not_cached(desa_a, client_for):
    client = client_for(desa_a)
    assert client.get("/belum-ada/").status_code == 404
    page = StandardPage(title="Belum Ada", slug="belum-ada")
    desa_a.root_page.add_child(instance=page)
    page.save_revision().publish()
    assert client.get("/belum-ada/").status_code == 200


def test_approving_a_comment_refreshes_the_article(desa_a, desa_b, client_for):
    from sitecore.models import Komentar
    from tests.test_artikel_pages import buat_artikel

    artikel = buat_artikel(section(desa_a, "artikel"), "Panen Raya Padi")
    a, b = client_for(desa_a), client_for(desa_b)
    _get(b)
    komentar = Komentar.objects.create(
        site=desa_a, page=artikel, nama="Inaq Sumiati", pesan="Semoga panen melimpah"
    )
    assert "Semoga panen melimpah" not in _get(a, artikel.url).text
    assert _get(a, artikel.url)[HIT] == "hit"
    komentar.status = Komentar.Status.DISETUJUI
    komentar.save()
    fresh = _get(a, artikel.url)
    assert fresh[HIT] == "miss" and "Semoga panen melimpah" in fresh.text
    assert _get(b)[HIT] == "hit"


def test_complaint_and_request_changes_refresh_their_village(desa_a, desa_b, client_for):
    from pengaduan.layanan import buat_pengaduan, ubah_status
    from tests.test_transparansi_ppid import permohonan

    a, b = client_for(desa_a), client_for(desa_b)
    register = section(desa_a, "pengaduan").url + "register/"
    ppid = section(desa_a, "transparansi").url + "register/"
    for url in (register, ppid):
        _get(a, url), _get(b)
    item = buat_pengaduan(
        site=desa_a, data={"judul": "Lampu jalan mati", "uraian": "Sudah seminggu gelap."}
    )[0]
    # Not public until an officer takes it out of Diterima: nothing refreshes.
    assert _get(a, register)[HIT] == "hit"
    ubah_status(item, "diverifikasi", data={"judul_publik": "Lampu jalan mati"})
    assert _get(a, register)[HIT] == "miss"
    # A request for information is on the public register from the start.
    assert _get(a, ppid)[HIT] == "hit"
    permohonan(desa_a)
    assert _get(a, ppid)[HIT] == "miss"
    assert _get(b)[HIT] == "hit"


def test_widgets_are_cached_and_refreshed_with_their_village(desa_a, client_for, monkeypatch):
    from sitecore.templatetags import desa_tags
    from tests.test_artikel_pages import buat_artikel

    rendered = []
    original = desa_tags._render_widget

    def counting(widget, *args):
        rendered.append(widget.key)
        return original(widget, *args)

    monkeypatch.setattr(desa_tags, "_render_widget", counting)
    artikel = section(desa_a, "artikel")
    buat_artikel(artikel, "Musim Tanam Dimulai")
    # A session cookie bypasses the whole-page cache, so only the widget cache is at work.
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    assert "Musim Tanam Dimulai" in client.get("/").text
    assert "artikel_utama" in rendered
    rendered.clear()
    client.get("/")
    # Only the visitor counter (it carries the page's own beacon) is rendered again.
    assert rendered == ["pengunjung"]
    buat_artikel(artikel, "Pembagian Bibit Gratis")
    rendered.clear()
    assert "Pembagian Bibit Gratis" in client.get("/").text
    assert "artikel_utama" in rendered


def test_expensive_aggregates_are_memoized_per_village_generation(desa_a, client_for, monkeypatch):
    from pengaduan import laporan
    from pengaduan.layanan import buat_pengaduan, ubah_status

    calls = []
    original = laporan.tahunan

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(laporan, "tahunan", counting)
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    url = section(desa_a, "pengaduan").url + "laporan/2026/"
    client.get(url), client.get(url)
    assert len(calls) == 1
    item = buat_pengaduan(
        site=desa_a, data={"judul": "Sampah menumpuk", "uraian": "Di pasar desa."}
    )[0]
    client.get(url)
    assert len(calls) == 1  # not public yet: the report catches up at the next public change
    ubah_status(item, "diverifikasi", data={"judul_publik": "Sampah menumpuk di pasar"})
    client.get(url)
    assert len(calls) == 2


def _queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = _get(client, path)
    return response, [q["sql"] for q in ctx.captured_queries]


def test_apbdes_detail_table_is_a_fragment_kept_until_the_budget_changes(
    desa_a, client_for, monkeypatch
):
    from decimal import Decimal

    from wagtail_localize.synctree import create_aliases_for_new_page

    from tests.test_transparansi_halaman import buat_apbdes
    from transparansi.models import apbdes as halaman_apbdes

    built = []
    original = halaman_apbdes.apbdes_pohon
    monkeypatch.setattr(
        halaman_apbdes, "apbdes_pohon", lambda page: built.append(1) or original(page)
    )
    page = buat_apbdes(desa_a)
    create_aliases_for_new_page(page)  # the English tree, as the admin does
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    first = _get(client, page.url).text
    assert "Rehabilitasi jalan usaha tani" in first and "Rp\xa0700.000.000" in first
    again = _get(client, page.url).text
    assert len(built) == 1  # the tree was not built for the second request
    assert again.count("Rehabilitasi jalan usaha tani") == first.count(
        "Rehabilitasi jalan usaha tani"
    )
    # A new revision of the budget (published) shows its new amount at once.
    draft = page.get_latest_revision_as_object()
    line = next(b for b in draft.baris.all() if b.kode == "2.3.01")
    line.anggaran = Decimal("725000000")
    draft.save_revision().publish()
    fresh = _get(client, page.url).text
    assert "Rp\xa0725.000.000" in fresh and "Rp\xa0700.000.000" not in fresh
    assert len(built) == 2
    # Each language keeps its own fragment (headings are translated inside it).
    english = _get(client, "/en" + page.relative_url(desa_a)).text
    assert "Budget details" in english and "Financing expenditure" in english
    assert "Rincian anggaran" not in english


def test_register_count_is_kept_per_filter_until_a_public_change(desa_a, client_for):
    from pengaduan import layanan
    from pengaduan.workflow import Status

    def publik(judul):
        item = layanan.buat_pengaduan(
            site=desa_a, data={"judul": judul, "uraian": "Mohon segera ditangani."}
        )[0]
        item.judul_publik = judul
        item.save()
        layanan.ubah_status(item, Status.DIVERIFIKASI)
        return item

    publik("Jalan berlubang")
    publik("Lampu padam")
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    url = section(desa_a, "pengaduan").url + "register/"
    response, sql = _queries(client, url)
    assert "2 laporan" in response.text
    assert any("COUNT(" in q.upper() for q in sql)
    response, sql = _queries(client, url)
    assert "2 laporan" in response.text
    assert not any("COUNT(" in q.upper() for q in sql)
    # Another filter has its own count ...
    assert "0 laporan" in _get(client, url + "?status=selesai").text
    # ... and a new public complaint refreshes every count of the village.
    publik("Saluran tersumbat")
    assert "3 laporan" in _get(client, url).text


def test_month_calendar_is_a_fragment_refreshed_by_a_new_event(desa_a, client_for):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.test_agenda_helpers import acara

    wita = ZoneInfo("Asia/Makassar")
    acara(desa_a, "Posyandu Melati", mulai=datetime(2027, 1, 10, 8, 0, tzinfo=wita))
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    url = "/agenda/kalender/2027/1/"
    response, sql = _queries(client, url)
    assert "Posyandu Melati" in response.text
    response, cached_sql = _queries(client, url)
    assert "Posyandu Melati" in response.text
    assert len(cached_sql) < len(sql)
    assert not any("agenda_agendapage" in q for q in cached_sql)
    acara(desa_a, "Kerja Bakti", mulai=datetime(2027, 1, 17, 7, 0, tzinfo=wita))
    fresh = _get(client, url).text
    assert "Posyandu Melati" in fresh and "Kerja Bakti" in fresh


def test_article_listing_count_is_kept_until_a_new_article(desa_a, client_for):
    from tests.test_artikel_pages import buat_artikel

    index = section(desa_a, "artikel")
    for i in range(12):
        buat_artikel(index, f"Kabar {i}")
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    path = index.relative_url(desa_a)
    response, sql = _queries(client, path)
    assert any("COUNT(" in q.upper() for q in sql)
    assert "</a> (12)</li>" in response.text  # this month in the archive
    response, sql = _queries(client, path + "?page=2")
    assert not any("COUNT(" in q.upper() for q in sql)
    assert "Kabar 0" in response.text  # the oldest, on the second page of ten
    assert "</a> (12)</li>" in response.text  # the archive fragment, kept
    buat_artikel(index, "Kabar terbaru")
    response, sql = _queries(client, path + "?page=2")
    assert any("COUNT(" in q.upper() for q in sql)
    assert "Kabar 1" in response.text and "Kabar 0" in response.text
    assert "</a> (13)</li>" in response.text


def test_register_items_are_rendered_once_until_a_public_change(desa_a, client_for):
    from pengaduan import layanan
    from pengaduan.workflow import Status

    item = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "judul": "Jembatan retak", "uraian": "Di dusun atas."},
    )[0]
    item.judul_publik = "Jembatan retak"
    item.save()
    layanan.ubah_status(item, Status.DIVERIFIKASI, data={"catatan_publik": "Sudah dicek."})
    client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
    url = section(desa_a, "pengaduan").url + "register/"
    response, sql = _queries(client, url)
    assert "Jembatan retak" in response.text and "Sudah dicek." in response.text
    assert any("pengaduan_tindaklanjut" in q for q in sql)
    # Another filter showing the same complaint reuses its HTML: no timeline query.
    response, sql = _queries(client, url + "?jenis=pengaduan")
    assert "Jembatan retak" in response.text and "Sudah dicek." in response.text
    assert not any("pengaduan_tindaklanjut" in q for q in sql)
    layanan.ubah_status(
        item, Status.DITINDAKLANJUTI, data={"catatan_publik": "Tukang didatangkan."}
    )
    fresh = _get(client, url + "?jenis=pengaduan").text
    assert "Tukang didatangkan." in fresh


def test_made_up_query_strings_do_not_create_cache_entries(desa_a, client_for):
    """Issue 17, probe 1: 400 cookieless `GET /?ev=N` each became a cache entry."""
    client = client_for(desa_a)
    assert _get(client, "/")[HIT] == "miss"
    for n in range(30):
        response = _get(client, f"/?ev={n}")
        assert HIT not in response  # rendered, but neither served from nor stored in cache
    assert HIT not in _get(client, "/?ev=1")  # asked again: still not stored
    assert HIT not in _get(client, "/?utm_source=wa&page=1")
    assert _get(client, "/")[HIT] == "hit"  # the real page stays cached
    # Parameters pages do read, with bounded values, are cached as before...
    register = section(desa_a, "pengaduan").url + "register/"
    assert _get(client, register + "?status=selesai")[HIT] == "miss"
    assert _get(client, register + "?status=selesai")[HIT] == "hit"
    # ...but not free text.
    assert HIT not in _get(client, register + "?q=jalan")


def test_cached_pages_are_compressed_once_and_sent_to_browsers_that_accept_it(desa_a, client_for):
    import gzip

    client = client_for(desa_a)
    first = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert first["X-Desa-Cache"] == "miss" and first["Content-Encoding"] == "gzip"
    html = gzip.decompress(first.content).decode()
    assert "<!DOCTYPE html>" in html and desa_a.site_name in html
    assert "Accept-Encoding" in first["Vary"]
    hit = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert hit["X-Desa-Cache"] == "hit" and hit["Content-Encoding"] == "gzip"
    assert len(hit.content) < len(html.encode()) / 2
    assert gzip.decompress(hit.content).decode() == html
    # A client that does not ask for gzip gets the same page as it is.
    plain = client.get("/")
    assert plain["X-Desa-Cache"] == "hit" and not plain.has_header("Content-Encoding")
    assert plain.content.decode() == html
