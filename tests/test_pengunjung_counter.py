"""Visitor and read counting: bots, daily de-duplication, rollover, batched flush."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from sitecore.klien import counter_cache, is_bot
from sitecore.models import PengunjungHarian
from sitecore.pengunjung.rules import FLUSH_THRESHOLD, jumlah_dibaca, statistik_pengunjung
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"
WITA = ZoneInfo("Asia/Makassar")


@pytest.fixture(autouse=True)
def _counter_cache():
    counter_cache().clear()
    yield
    counter_cache().clear()


def hit(client, page_id=0, ua=BROWSER, ip="10.1.1.1"):
    response = client.get(f"/kunjungan/{page_id}.gif", HTTP_USER_AGENT=ua, REMOTE_ADDR=ip)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return response


def test_bot_user_agents():
    assert is_bot("")
    assert is_bot("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
    assert is_bot("facebookexternalhit/1.1")
    assert is_bot("curl/8.0")
    assert not is_bot(BROWSER)


def test_repeat_visitor_counted_once_a_day_and_bots_excluded(desa_a, desa_b, client_for):
    client = client_for(desa_a)
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=WITA), tick=False):
        hit(client)
        hit(client)  # same visitor again
        hit(client, ip="10.1.1.2")
        hit(client, ua="Googlebot/2.1")
        hit(client, ua="")
        assert statistik_pengunjung(desa_a.pk) == {"hari_ini": 2, "kemarin": 0, "total": 2}
        assert statistik_pengunjung(desa_b.pk)["total"] == 0
        # Nothing written to the database per request.
        assert not PengunjungHarian.objects.exists()


def test_yesterday_rollover_and_flush(desa_a, client_for):
    client = client_for(desa_a)
    with time_machine.travel(datetime(2026, 3, 10, 23, 50, tzinfo=WITA), tick=False):
        hit(client)
        hit(client, ip="10.1.1.2")
    with time_machine.travel(datetime(2026, 3, 11, 0, 10, tzinfo=WITA), tick=False):
        hit(client)  # a new day: the same visitor counts again
        with timezone.override(WITA):  # as the middleware does for this village
            assert statistik_pengunjung(desa_a.pk) == {"hari_ini": 1, "kemarin": 2, "total": 3}
        call_command("flush_kunjungan", verbosity=0)
        rows = dict(PengunjungHarian.objects.values_list("tanggal", "jumlah"))
        assert rows == {datetime(2026, 3, 10).date(): 2, datetime(2026, 3, 11).date(): 1}
        with timezone.override(WITA):
            assert statistik_pengunjung(desa_a.pk) == {"hari_ini": 1, "kemarin": 2, "total": 3}
            # A second flush moves nothing twice.
            call_command("flush_kunjungan", verbosity=0)
            assert statistik_pengunjung(desa_a.pk) == {"hari_ini": 1, "kemarin": 2, "total": 3}
        assert "Kemarin" in client.get("/").content.decode()


def test_no_raw_ip_stored(desa_a, client_for):
    hit(client_for(desa_a), ip="203.0.113.77")
    cache = counter_cache()
    if hasattr(cache, "_cache") and isinstance(cache._cache, dict):  # local memory
        keys = list(cache._cache.keys())
    else:  # Redis: every key of this test worker's namespace
        client = cache._cache.get_client()
        keys = [k.decode() for k in client.scan_iter(f"{cache.key_prefix}*")]
    assert keys and not any("203.0.113.77" in k for k in keys)


def test_article_reads_counted_once_per_reader_then_flushed(desa_a, desa_b, client_for):
    page = buat_artikel(section(desa_a, "artikel"), "Panen raya")
    client = client_for(desa_a)
    hit(client, page.pk)
    hit(client, page.pk)
    hit(client, page.pk, ip="10.9.9.9")
    hit(client, page.pk, ua="bingbot/2.0")
    hit(client_for(desa_b), page.pk, ip="10.7.7.7")  # another village's host: not a read
    page.refresh_from_db()
    assert page.jumlah_dibaca == 0
    assert jumlah_dibaca(page) == 2
    body = client.get(f"/artikel/{page.slug}/").content.decode()
    assert "2 kali dibaca" in body
    call_command("flush_kunjungan", verbosity=0)
    page.refresh_from_db()
    assert page.jumlah_dibaca == 2 and jumlah_dibaca(page) == 2


def test_threshold_flushes_without_cron(desa_a, client_for):
    page = buat_artikel(section(desa_a, "artikel"), "Banyak dibaca")
    client = client_for(desa_a)
    for i in range(FLUSH_THRESHOLD):
        hit(client, page.pk, ip=f"10.2.{i // 200}.{i % 200}")
    page.refresh_from_db()
    assert page.jumlah_dibaca == FLUSH_THRESHOLD
    assert PengunjungHarian.objects.get(site=desa_a).jumlah == FLUSH_THRESHOLD
    assert jumlah_dibaca(page) == FLUSH_THRESHOLD


def test_widget_shows_counts_and_beacon(desa_a, client_for):
    client = client_for(desa_a)
    hit(client)
    body = client.get("/").content.decode()
    assert "Statistik pengunjung" in body
    assert 'src="/kunjungan/' in body
    home_id = desa_a.root_page_id
    assert f"/kunjungan/{home_id}.gif" in body


def test_daily_key_changes(rf, settings):
    from datetime import date

    from sitecore.klien import client_key

    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_USER_AGENT=BROWSER)
    assert client_key(request, date(2026, 1, 1)) == client_key(request, date(2026, 1, 1))
    assert client_key(request, date(2026, 1, 1)) != client_key(request, date(2026, 1, 2))
    assert "10.0.0.1" not in client_key(request, date(2026, 1, 1))
