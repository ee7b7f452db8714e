"""Village news: listing, filters, archive, scheduling, feed, share links, budgets."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from sitecore.artikel.models import group_archive, parse_page_number
from sitecore.models import ArtikelPage, KategoriArtikel
from tests.conftest import section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _counter_cache():
    from sitecore.klien import counter_cache

    counter_cache().clear()
    yield
    counter_cache().clear()


def main(response):
    """The page's own content, without the sidebar widgets."""
    body = response.content.decode()
    return body.split("<main", 1)[1].split("</main>", 1)[0]


def buat_artikel(
    index, title, when=None, kategori=None, tags=(), unggulan=False, publish=True, **kw
):
    page = ArtikelPage(
        title=title,
        live=not publish,
        tanggal_terbit=when or timezone.now() - timedelta(hours=1),
        kategori=kategori,
        unggulan=unggulan,
        ringkasan=kw.pop("ringkasan", f"Ringkasan {title}"),
        **kw,
    )
    if tags:
        page.tags.add(*tags)
    index.add_child(instance=page)
    if publish:
        page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page


def test_parse_page_number_never_fails():
    assert parse_page_number("3") == 3
    assert parse_page_number("abc") == 1
    assert parse_page_number("-2") == 1
    assert parse_page_number(None) == 1


def test_group_archive_by_year_newest_first():
    from datetime import date

    grouped = group_archive([(date(2025, 11, 1), 2), (date(2026, 1, 1), 1), (date(2025, 12, 1), 4)])
    assert [g["tahun"] for g in grouped] == [2026, 2025]
    assert grouped[1]["bulan"] == [(date(2025, 12, 1), 4), (date(2025, 11, 1), 2)]


def test_listing_shows_live_articles_and_bad_page_is_first_page(desa_a, client_for):
    index = section(desa_a, "artikel")
    buat_artikel(index, "Musyawarah desa")
    client = client_for(desa_a)
    for query in ("", "?page=abc", "?page=999", "?page=-1"):
        response = client.get(f"/artikel/{query}")
        assert response.status_code == 200
        assert "Musyawarah desa" in main(response)


def test_future_date_schedules_article(desa_a, client_for):
    index = section(desa_a, "artikel")
    later = timezone.now() + timedelta(days=3)
    page = buat_artikel(index, "Pengumuman libur", when=later)
    assert not page.live
    assert page.go_live_at == later
    client = client_for(desa_a)
    assert "Pengumuman libur" not in client.get("/artikel/").content.decode()
    assert client.get("/artikel/" + page.slug + "/").status_code == 404
    # Wagtail's scheduler publishes it once the date has passed.
    with time_machine.travel(later + timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live


def test_filter_by_kategori_and_tag(desa_a, client_for):
    index = section(desa_a, "artikel")
    kesehatan = KategoriArtikel.objects.create(index_page=index, nama="Kesehatan")
    buat_artikel(index, "Posyandu balita", kategori=kesehatan, tags=["posyandu"])
    buat_artikel(index, "Jalan desa selesai", tags=["jalan"])
    client = client_for(desa_a)
    body = main(client.get("/artikel/kategori/kesehatan/"))
    assert "Posyandu balita" in body and "Jalan desa selesai" not in body
    body = main(client.get("/artikel/tag/jalan/"))
    assert "Jalan desa selesai" in body and "Posyandu balita" not in body
    assert client.get("/artikel/kategori/tidak-ada/").status_code == 404


def test_kategori_of_other_village_is_not_offered_or_routable(desa_a, desa_b, client_for):
    from sitecore.artikel.models import ArtikelPageForm

    index_a, index_b = section(desa_a, "artikel"), section(desa_b, "artikel")
    KategoriArtikel.objects.create(index_page=index_a, nama="Alpha saja")
    KategoriArtikel.objects.create(index_page=index_b, nama="Beta saja")
    form_class = ArtikelPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, ArtikelPageForm)
    form = form_class(instance=ArtikelPage(), parent_page=index_a, for_user=None)
    names = [k.nama for k in form.fields["kategori"].queryset]
    assert names == ["Alpha saja"]
    assert client_for(desa_a).get("/artikel/kategori/beta-saja/").status_code == 404


def test_archive_groups_by_month_in_village_time(desa_a, client_for):
    index = section(desa_a, "artikel")
    wita = ZoneInfo("Asia/Makassar")
    # 31 Jan 23:30 WITA is still January there (but 15:30 UTC).
    buat_artikel(index, "Akhir Januari", when=datetime(2025, 1, 31, 23, 30, tzinfo=wita))
    buat_artikel(index, "Awal Februari", when=datetime(2025, 2, 1, 8, 0, tzinfo=wita))
    buat_artikel(index, "Februari lagi", when=datetime(2025, 2, 20, 8, 0, tzinfo=wita))
    client = client_for(desa_a)
    jan = main(client.get("/artikel/arsip/2025/01/"))
    assert "Akhir Januari" in jan and "Awal Februari" not in jan
    feb = main(client.get("/artikel/arsip/2025/02/"))
    assert "Awal Februari" in feb and "Februari lagi" in feb and "Akhir Januari" not in feb
    listing = client.get("/artikel/").content.decode()
    assert "Arsip Artikel" in listing
    assert "/artikel/arsip/2025/02/" in listing
    assert client.get("/artikel/arsip/2025/13/").status_code == 404


def test_feed_is_valid_rss_with_published_articles_only(desa_a, desa_b, client_for):
    index = section(desa_a, "artikel")
    buat_artikel(index, "Berita terbit")
    buat_artikel(index, "Berita nanti", when=timezone.now() + timedelta(days=2))
    buat_artikel(section(desa_b, "artikel"), "Berita desa lain")
    response = client_for(desa_a).get("/artikel/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    titles = [item.findtext("title") for item in root.iter("item")]
    assert titles == ["Berita terbit"]
    assert root.find("channel/link").text.startswith("http://alpha.test")


def test_article_page_shows_author_share_links_and_related(desa_a, client_for, superuser):
    index = section(desa_a, "artikel")
    kat = KategoriArtikel.objects.create(index_page=index, nama="Pertanian")
    buat_artikel(index, "Panen raya", kategori=kat, tags=["panen"])
    superuser.first_name, superuser.last_name = "Siti", "Aminah"
    superuser.save()
    page = buat_artikel(index, "Pupuk organik", kategori=kat, owner=superuser)
    body = client_for(desa_a).get("/artikel/" + page.slug + "/").content.decode()
    assert "Oleh Siti Aminah" in body
    assert "https://wa.me/?text=" in body
    assert (
        "https://www.facebook.com/sharer/sharer.php?u=http%3A%2F%2Falpha.test%2Fartikel%2F" in body
    )
    assert "Artikel terkait" in body and "Panen raya" in body
    assert "<script" not in body.split("<main", 1)[1].split("</main>", 1)[0]


def test_home_page_shows_headline(desa_a, client_for):
    index = section(desa_a, "artikel")
    buat_artikel(index, "Berita biasa")
    buat_artikel(index, "Berita utama desa", unggulan=True)
    body = main(client_for(desa_a).get("/"))
    assert "Berita utama desa" in body
    assert body.index("Berita utama desa") < body.index("Berita biasa")


def _many(index, n, start=0):
    kat = KategoriArtikel.objects.get_or_create(index_page=index, nama="Umum")[0]
    base = timezone.now() - timedelta(days=500)
    for i in range(start, start + n):
        buat_artikel(
            index,
            f"Artikel nomor {i}",
            when=base + timedelta(days=i * 2),
            kategori=kat,
            tags=[f"tag{i % 7}", "umum"],
            unggulan=i % 50 == 0,
            publish=False,
        )


def _counts(client, urls):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for url in urls:
        client.get(url)  # warm renditions and caches
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts[url] = len(ctx)
    return counts


def test_query_budget_does_not_grow_with_articles(desa_a, client_for):
    """Home, listing and article page: same queries with 3 or 200 articles (and tags)."""
    index = section(desa_a, "artikel")
    _many(index, 3)
    client = client_for(desa_a)
    urls = ["/", "/artikel/", "/artikel/artikel-nomor-1/", "/artikel/kategori/umum/"]
    small = _counts(client, urls)
    _many(index, 197, start=3)
    large = _counts(client, urls + ["/artikel/?page=7"])
    for url in urls:
        assert large[url] <= small[url], url
    assert max(large.values()) <= 45


def test_english_site_lists_the_english_tree(desa_a, client_for):
    from wagtail_localize.synctree import create_aliases_for_new_page

    page = buat_artikel(section(desa_a, "artikel"), "Berita dalam dua bahasa", unggulan=True)
    create_aliases_for_new_page(page)
    body = client_for(desa_a).get("/en/").content.decode()
    assert "Village news" in body
    assert 'href="/en/artikel/berita-dalam-dua-bahasa/"' in body
