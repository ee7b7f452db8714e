"""Days off from the `holidays` library, corrections in the admin, the public calendar page.

Every expected date below was counted by hand from the government's 2026 and 2027
calendars (public holidays and cuti bersama); the day of receipt never counts.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from sitecore.kalender.rules import KalenderKerja, add_working_days
from sitecore.models import DesaProfil, HariLibur

UTC = ZoneInfo("UTC")
WIB = ZoneInfo("Asia/Jakarta")
WIT = ZoneInfo("Asia/Jayapura")

pytestmark = pytest.mark.django_db


def _kalender(site, hari_kerja=5, zona="Asia/Jakarta"):
    profil = DesaProfil.for_site(site)
    profil.hari_kerja = hari_kerja
    profil.zona_waktu = zona
    profil.save()
    return KalenderKerja.for_site(site)


def _end(day, tz):
    return datetime(day.year, day.month, day.day, 23, 59, 59, tzinfo=tz)


def test_lebaran_2026_one_working_day(desa_b):
    kal = _kalender(desa_b)
    # Thu 19 Mar Nyepi, Fri 20 cuti bersama, 21-22 Idul Fitri, Mon 23 and Tue 24 cuti.
    received = datetime(2026, 3, 19, 10, 0, tzinfo=WIB)
    assert kal.deadline(received, 1) == _end(date(2026, 3, 25), WIB)


def test_christmas_2026_one_working_day(desa_b):
    kal = _kalender(desa_b)
    # Thu 24 Dec cuti bersama, Fri 25 Christmas, then the weekend.
    received = datetime(2026, 12, 23, 9, 0, tzinfo=WIB)
    assert kal.deadline(received, 1) == _end(date(2026, 12, 28), WIB)


def test_independence_day_two_working_days(desa_b):
    kal = _kalender(desa_b)
    # Fri 14 Aug; Mon 17 Aug is Independence Day: Tue 18 (1), Wed 19 (2).
    received = datetime(2026, 8, 14, 14, 0, tzinfo=WIB)
    assert kal.deadline(received, 2) == _end(date(2026, 8, 19), WIB)


def test_six_day_week_counts_saturday_but_not_the_holiday(desa_b):
    kal = _kalender(desa_b, hari_kerja=6)
    # Sat 15 Aug (1), Sun off, Mon 17 holiday, Tue 18 (2).
    received = datetime(2026, 8, 14, 14, 0, tzinfo=WIB)
    assert kal.deadline(received, 2) == _end(date(2026, 8, 18), WIB)


def test_wit_village_receiving_at_2330_utc_counts_from_its_own_date(desa_a):
    kal = _kalender(desa_a, zona="Asia/Jayapura")
    # Wed 16 Dec 23:30 UTC is already Thu 17 Dec 08:30 in Papua: due Fri 18 Dec, WIT.
    received = datetime(2026, 12, 16, 23, 30, tzinfo=UTC)
    assert kal.deadline(received, 1) == _end(date(2026, 12, 18), WIT)
    # On the same moment a WIB village is still on Thursday morning too (06:30)...
    assert KalenderKerja(tz=WIB).local_date(received) == date(2026, 12, 17)
    # ...but 16:30 UTC is Thursday night in WIB and already Friday in WIT.
    late = datetime(2026, 12, 17, 16, 30, tzinfo=UTC)
    assert kal.local_date(late) == date(2026, 12, 18)


def test_ppid_request_ten_plus_seven_working_days_across_lebaran_2027(desa_b):
    kal = _kalender(desa_b)
    received = datetime(2027, 3, 1, 9, 0, tzinfo=WIB)
    # Tue 2 - Fri 5 (4); Mon 8 Nyepi, Tue 9 - Mon 15 Lebaran and cuti bersama;
    # Tue 16 - Tue 23 (10).
    tenggat = kal.deadline(received, 10)
    assert tenggat == _end(date(2027, 3, 23), WIB)
    # Extended by 7: Wed 24 (1); Thu 25 cuti bersama, Fri 26 Good Friday; Mon 29 -
    # Mon 5 Apr (7).
    extended = add_working_days(kal.local_date(tenggat), 7, kal.working_week, kal.holidays)
    assert extended == date(2027, 4, 5)


def test_national_correction_and_village_day_off(desa_a, desa_b):
    # The government moves the collective leave of 24 Dec 2026 back to a working day.
    HariLibur.objects.create(
        tanggal=date(2026, 12, 24), nama="Cuti bersama dibatalkan", jenis=HariLibur.Jenis.MASUK
    )
    # Beta keeps its anniversary on Mon 28 Dec.
    HariLibur.objects.create(tanggal=date(2026, 12, 28), nama="Hari jadi desa", site=desa_b)
    received = datetime(2026, 12, 23, 9, 0, tzinfo=WIB)
    assert _kalender(desa_a).deadline(received, 1) == _end(date(2026, 12, 24), WIB)
    assert _kalender(desa_b).deadline(received, 1) == _end(date(2026, 12, 24), WIB)
    # The village's own word wins over the national one.
    HariLibur.objects.create(tanggal=date(2026, 12, 24), nama="Tetap libur", site=desa_b)
    assert _kalender(desa_b).deadline(received, 1) == _end(date(2026, 12, 29), WIB)
    assert _kalender(desa_a).deadline(received, 1) == _end(date(2026, 12, 24), WIB)


def _admin_client(client, superuser):
    client.force_login(superuser)
    return client


def test_admin_refuses_a_correction_outside_the_years_in_use(client, superuser):
    _admin_client(client, superuser)
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=WIB)):
        response = client.post(
            "/admin/snippets/sitecore/harilibur/add/",
            {"tanggal": "2031-05-01", "nama": "Salah ketik", "jenis": "libur"},
        )
    assert response.status_code == 200
    assert "Tenggat hanya dihitung untuk tahun 2025 sampai 2027" in response.content.decode()
    assert not HariLibur.objects.filter(nama="Salah ketik").exists()


def test_admin_adds_a_correction_and_it_is_logged(client, superuser, desa_b):
    _admin_client(client, superuser)
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=WIB)):
        response = client.post(
            "/admin/snippets/sitecore/harilibur/add/",
            {
                "tanggal": "2026-12-28",
                "nama": "Hari jadi desa",
                "jenis": "libur",
                "site": desa_b.pk,
            },
        )
    assert response.status_code == 302
    libur = HariLibur.objects.get(nama="Hari jadi desa")
    from sitecore.models import DesaLogEntry

    assert DesaLogEntry.objects.filter(object_id=str(libur.pk), site=desa_b).exists()


def test_public_calendar_page_in_both_languages(client_for, desa_b):
    HariLibur.objects.create(tanggal=date(2026, 12, 28), nama="Hari jadi desa", site=desa_b)
    HariLibur.objects.create(
        tanggal=date(2026, 12, 24), nama="Cuti bersama dipindah", jenis=HariLibur.Jenis.MASUK
    )
    client = client_for(desa_b)
    with time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=WIB)):
        html = client.get("/hari-kerja/").content.decode()
        english = client.get("/en/hari-kerja/").content.decode()
    assert "Hari kerja dan hari libur 2026" in html
    assert "Hari kerja: Senin sampai Jumat." in html
    assert "Senin, 17 Agustus 2026" in html
    assert "Hari Raya Idul Fitri" in html
    assert "Hari jadi desa" in html
    # The moved collective leave is listed as a working day, not as a day off.
    assert "Tetap hari kerja" in html and "Kamis, 24 Desember 2026: Cuti bersama dipindah" in html
    assert "Working days and holidays 2026" in english
    assert "Eid al-Fitr" in english and "Monday, 17 August 2026" in english


def test_calendar_page_needs_a_village(client):
    assert client.get("/hari-kerja/", HTTP_HOST="127.0.0.1").status_code == 404
