"""iCalendar feed and per-event download, parsed back with the icalendar library."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from agenda import recurrence
from tests.test_agenda_helpers import acara

WITA = ZoneInfo("Asia/Makassar")
UTC = ZoneInfo("UTC")
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=WITA)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def beku():
    with time_machine.travel(NOW, tick=False):
        yield


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_event_ics_carries_the_right_instant_and_vtimezone(desa_a, client_for):
    page = acara(
        desa_a,
        "Musyawarah Desa",
        mulai=datetime(2026, 11, 25, 19, 0, tzinfo=WITA),
        selesai=datetime(2026, 11, 25, 21, 0, tzinfo=WITA),
        tempat="Aula kantor desa",
        dusun="Karang Bedil",
    )
    response = client_for(desa_a).get(page.url + "ical/")
    assert "attachment" in response["Content-Disposition"]
    cal = _parse(response)
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    [tz] = cal.walk("VTIMEZONE")
    assert str(tz["TZID"]) == "Asia/Makassar"
    [event] = cal.walk("VEVENT")
    start = event.decoded("DTSTART")
    assert start == datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
    assert event["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert start.astimezone(WITA).hour == 19
    assert event.decoded("DTEND") - start == timedelta(hours=2)
    assert str(event["SUMMARY"]) == "Musyawarah Desa"
    assert "Dusun Karang Bedil" in str(event["LOCATION"])
    assert str(event["URL"]) == page.full_url
    assert event.get("UID") and event.get("DTSTAMP")
    assert b"\r\n" in response.content


def test_recurring_event_has_rrule_with_utc_until(desa_a, client_for):
    page = acara(
        desa_a,
        "Pengajian",
        mulai=datetime(2026, 11, 19, 19, 30, tzinfo=WITA),
        frekuensi=recurrence.MINGGUAN,
        ulang_sampai=date(2026, 12, 31),
    )
    cal = _parse(client_for(desa_a).get(page.url + "ical/"))
    [event] = cal.walk("VEVENT")
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"]
    assert rule["UNTIL"] == [datetime(2026, 12, 31, 15, 59, 59, tzinfo=UTC)]


def test_all_day_event_uses_dates(desa_a, client_for):
    page = acara(
        desa_a,
        "Pameran UMKM",
        mulai=datetime(2026, 11, 28, 0, 0, tzinfo=WITA),
        selesai=datetime(2026, 11, 29, 0, 0, tzinfo=WITA),
        sepanjang_hari=True,
        frekuensi=recurrence.BULANAN_HARI,
        ulang_kali=3,
    )
    cal = _parse(client_for(desa_a).get(page.url + "ical/"))
    [event] = cal.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 11, 28)
    assert event.decoded("DTEND") == date(2026, 11, 30)
    assert event["RRULE"]["BYDAY"] == ["4SA"]
    assert event["RRULE"]["COUNT"] == [3]


def test_village_feed_has_own_published_events_only(desa_a, desa_b, client_for):
    acara(desa_a, "Posyandu", mulai=NOW + timedelta(days=2))
    acara(desa_a, "Lama sekali", mulai=NOW - timedelta(days=400))
    acara(desa_a, "Belum terbit", mulai=NOW + timedelta(days=2), live=False)
    acara(desa_b, "Punya Beta", mulai=NOW + timedelta(days=2))
    cal = _parse(client_for(desa_a).get("/agenda/ical/"))
    summaries = {str(e["SUMMARY"]) for e in cal.walk("VEVENT")}
    assert summaries == {"Posyandu"}
    assert "Desa Alpha" in str(cal["X-WR-CALNAME"]) or "Alpha" in str(cal["X-WR-CALNAME"])
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Makassar"]


def test_empty_feed_is_still_valid(desa_b, client_for):
    cal = _parse(client_for(desa_b).get("/agenda/ical/"))
    assert cal.walk("VEVENT") == []
    assert cal["VERSION"] == "2.0"


def test_detail_page_offers_add_to_calendar(desa_a, client_for):
    page = acara(desa_a, "Lomba", mulai=NOW + timedelta(days=3))
    html = client_for(desa_a).get(page.url).content.decode()
    assert "Tambahkan ke kalender" in html
    assert 'href="/agenda/lomba/ical/"' in html
