"""Public agenda pages: listings, calendar, time zones, widgets, search and sitemap."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from agenda import recurrence
from tests.test_agenda_helpers import acara

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=WITA)

pytestmark = pytest.mark.django_db


@pytest.fixture
def beku():
    with time_machine.travel(NOW, tick=False):
        yield


def test_event_at_19_wita_shows_19_wita_on_the_wita_village(desa_a, client_for, beku):
    page = acara(desa_a, "Musyawarah Dusun", mulai=datetime(2026, 11, 25, 19, 0, tzinfo=WITA))
    html = client_for(desa_a).get(page.url).content.decode()
    assert "19.00" in html and "WITA" in html
    assert "Rabu, 25 November 2026" in html


def test_same_instant_shows_in_wib_on_the_wib_village(desa_b, client_for, beku):
    page = acara(desa_b, "Rapat", mulai=datetime(2026, 11, 25, 19, 0, tzinfo=WITA))
    html = client_for(desa_b).get(page.url).content.decode()
    assert "18.00" in html and "WIB" in html
    assert "19.00" not in html


def test_upcoming_is_default_and_lists_only_future_own_village(desa_a, desa_b, client_for, beku):
    acara(desa_a, "Kerja bakti lalu", mulai=NOW - timedelta(days=3))
    acara(desa_a, "Pelatihan menjahit", mulai=NOW + timedelta(days=3))
    acara(desa_a, "Draf rahasia", mulai=NOW + timedelta(days=4), live=False)
    acara(desa_b, "Acara desa lain", mulai=NOW + timedelta(days=3))
    html = client_for(desa_a).get("/agenda/").content.decode()
    assert "Pelatihan menjahit" in html
    assert "Kerja bakti lalu" not in html
    assert "Draf rahasia" not in html
    assert "Acara desa lain" not in html


def test_upcoming_expands_recurrence_and_shows_next_of_far_events(desa_a, client_for, beku):
    acara(
        desa_a,
        "Pengajian rutin",
        mulai=datetime(2026, 11, 19, 19, 30, tzinfo=WITA),
        frekuensi=recurrence.MINGGUAN,
        ulang_kali=3,
    )
    acara(desa_a, "Festival panen", mulai=NOW + timedelta(days=200))
    html = client_for(desa_a).get("/agenda/").content.decode()
    # 19 Nov has passed; 26 Nov and 3 Dec are still to come.
    assert html.count("Pengajian rutin") == 2
    assert "26 November 2026" in html and "3 Desember 2026" in html
    assert "Festival panen" in html


def test_today_view(desa_a, client_for, beku):
    acara(desa_a, "Posyandu hari ini", mulai=datetime(2026, 11, 20, 8, 0, tzinfo=WITA))
    acara(desa_a, "Besok saja", mulai=datetime(2026, 11, 21, 8, 0, tzinfo=WITA))
    html = client_for(desa_a).get("/agenda/hari-ini/").content.decode()
    assert "Posyandu hari ini" in html
    assert "Besok saja" not in html


def test_today_follows_the_village_zone(desa_b, client_for):
    # 23.30 WIB on the 20th: an event at 00.30 WITA on the 21st is 23.30 WIB on the 20th.
    with time_machine.travel(datetime(2026, 11, 20, 23, 0, tzinfo=WIB), tick=False):
        acara(desa_b, "Ronda malam", mulai=datetime(2026, 11, 21, 0, 30, tzinfo=WITA))
        html = client_for(desa_b).get("/agenda/hari-ini/").content.decode()
    assert "Ronda malam" in html


def test_archive_is_paginated_newest_first(desa_a, client_for, beku):
    for i in range(25):
        acara(desa_a, f"Acara lampau {i:02d}", mulai=NOW - timedelta(days=i + 1))
    client = client_for(desa_a)
    first = client.get("/agenda/arsip/").content.decode()
    assert "Acara lampau 00" in first and "Acara lampau 19" in first
    assert "Acara lampau 20" not in first
    assert first.index("Acara lampau 00") < first.index("Acara lampau 05")
    second = client.get("/agenda/arsip/?page=2").content.decode()
    assert "Acara lampau 24" in second and "Acara lampau 00" not in second
    assert client.get("/agenda/arsip/?page=9").status_code == 404


def test_month_calendar_lists_occurrences_across_month_boundary(desa_a, client_for, beku):
    acara(
        desa_a,
        "Posyandu Melati",
        mulai=datetime(2026, 11, 10, 8, 0, tzinfo=WITA),
        selesai=datetime(2026, 11, 10, 11, 0, tzinfo=WITA),
        frekuensi=recurrence.BULANAN_TANGGAL,
        ulang_kali=6,
    )
    client = client_for(desa_a)
    html = client.get("/agenda/kalender/2027/1/").content.decode()
    assert "Januari 2027" in html
    assert "<table" in html and 'scope="col"' in html
    assert "Posyandu Melati" in html and "10 Januari 2027" in html
    assert 'href="/agenda/kalender/2026/12/"' in html
    assert 'href="/agenda/kalender/2027/2/"' in html
    # Sixth and last occurrence is April; May has none.
    assert "Posyandu Melati" in client.get("/agenda/kalender/2027/4/").content.decode()
    assert "Posyandu Melati" not in client.get("/agenda/kalender/2027/5/").content.decode()


def test_month_calendar_without_events(desa_a, client_for, beku):
    response = client_for(desa_a).get("/agenda/kalender/2027/2/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Februari 2027" in html
    assert "Tidak ada kegiatan pada bulan ini." in html
    assert html.count("<tr>") == 1 + 4  # header + four weeks (Feb 2027 starts on Monday)


def test_month_calendar_rejects_bad_months(desa_a, client_for):
    client = client_for(desa_a)
    assert client.get("/agenda/kalender/2026/13/").status_code == 404
    assert client.get("/agenda/kalender/2026/0/").status_code == 404


def test_current_month_calendar(desa_a, client_for, beku):
    html = client_for(desa_a).get("/agenda/kalender/").content.decode()
    assert "November 2026" in html
    assert 'aria-current="date"' in html


def test_home_and_sidebar_widgets(desa_a, client_for, beku):
    acara(desa_a, "Lomba kebersihan dusun", mulai=NOW + timedelta(days=2))
    rapat = acara(desa_a, "Rapat karang taruna", mulai=NOW + timedelta(days=9))
    client = client_for(desa_a)
    home = client.get("/").content.decode()
    assert "Agenda desa" in home and "Lomba kebersihan dusun" in home
    # The "coming up" sidebar belongs to the events themselves; the news pages keep
    # their own sidebar so a phone does not scroll past other sections' widgets.
    acara_html = client.get(rapat.relative_url(desa_a)).content.decode()
    assert "Agenda terdekat" in acara_html and "Lomba kebersihan dusun" in acara_html
    artikel = client.get("/artikel/").content.decode()
    assert "Agenda terdekat" not in artikel


def test_widget_when_nothing_is_planned(desa_a, client_for, beku):
    lalu = acara(desa_a, "Kerja bakti", mulai=NOW - timedelta(days=3))
    html = client_for(desa_a).get(lalu.relative_url(desa_a)).content.decode()
    assert "Belum ada agenda terdekat." in html


def test_event_found_by_site_search(desa_a, desa_b, client_for, beku):
    acara(desa_a, "Sosialisasi stunting", mulai=NOW + timedelta(days=2), tempat="Aula Melati")
    assert "Sosialisasi stunting" in client_for(desa_a).get("/cari/?q=Melati").content.decode()
    assert "Sosialisasi stunting" not in client_for(desa_b).get("/cari/?q=Melati").content.decode()


def test_event_in_sitemap(desa_a, client_for, beku):
    page = acara(desa_a, "Senam lansia", mulai=NOW + timedelta(days=2))
    xml = client_for(desa_a).get("/sitemap.xml").content.decode()
    assert page.full_url in xml and "senam-lansia" in page.full_url
    assert "http://alpha.test/agenda/arsip/" in xml
    assert "/ical/" not in xml


def test_query_count_does_not_grow_with_events(desa_a, client_for, beku):
    # The three listings share one set of events: building 100 event pages is the
    # slow part, once is enough.
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    urls = ["/agenda/", "/agenda/kalender/2026/11/", "/agenda/arsip/"]
    client = client_for(desa_a)
    acara(desa_a, "Satu", mulai=NOW + timedelta(days=1))
    acara(desa_a, "Dua", mulai=NOW - timedelta(days=1))
    few = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        few[url] = len(queries.captured_queries)
    for i in range(100):
        acara(
            desa_a,
            f"Acara {i}",
            mulai=NOW + timedelta(days=(i % 20) - 10, hours=i % 5),
            frekuensi=recurrence.MINGGUAN if i % 7 == 0 else "",
            ulang_kali=4 if i % 7 == 0 else None,
        )
    many = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        many[url] = len(queries.captured_queries)
    assert all(many[url] <= few[url] for url in urls), (few, many)
    assert max(few.values()) <= 60, few
