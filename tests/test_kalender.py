"""The working-day calendar shared by complaints and PPID requests."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from sitecore.kalender.rules import (
    KalenderKerja,
    add_working_days,
    is_working_day,
    working_days_between,
)
from sitecore.models import DesaProfil, HariLibur

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")
FRI = date(2026, 11, 20)
SAT = date(2026, 11, 21)
SUN = date(2026, 11, 22)
MON = date(2026, 11, 23)


def test_weekend_is_not_a_working_day_in_five_day_week():
    assert is_working_day(FRI)
    assert not is_working_day(SAT)
    assert not is_working_day(SUN)


def test_saturday_works_in_six_day_week():
    assert is_working_day(SAT, working_week=6)
    assert not is_working_day(SUN, working_week=6)


def test_holiday_is_not_a_working_day():
    assert not is_working_day(MON, holidays={MON})


def test_friday_plus_one_is_monday():
    assert add_working_days(FRI, 1) == MON


def test_friday_plus_one_is_saturday_in_six_day_week():
    assert add_working_days(FRI, 1, working_week=6) == SAT


def test_weekend_receipt_counts_from_monday():
    assert add_working_days(SAT, 1) == MON
    assert add_working_days(SUN, 2) == date(2026, 11, 24)


def test_holiday_skipped():
    assert add_working_days(FRI, 1, holidays={MON}) == date(2026, 11, 24)


def test_five_days_over_a_weekend_and_holiday():
    # Wed 18 Nov + 5 working days with Mon 23 Nov off: Thu, Fri, Tue, Wed, Thu 26 Nov.
    assert add_working_days(date(2026, 11, 18), 5, holidays={MON}) == date(2026, 11, 26)


def test_zero_days_is_same_day_and_negative_rejected():
    assert add_working_days(FRI, 0) == FRI
    with pytest.raises(ValueError):
        add_working_days(FRI, -1)


def test_working_days_between():
    assert working_days_between(FRI, MON) == 1
    assert working_days_between(FRI, FRI) == 0
    assert working_days_between(MON, FRI) == 0
    assert working_days_between(date(2026, 11, 16), date(2026, 11, 27)) == 9


def test_friday_evening_receipt_due_monday_night_local_time():
    kalender = KalenderKerja(tz=WITA)
    received = datetime(2026, 11, 20, 21, 30, tzinfo=WITA)
    due = kalender.deadline(received, 1)
    assert due == datetime(2026, 11, 23, 23, 59, 59, tzinfo=WITA)


def test_time_zone_decides_the_local_day():
    # 23:30 WIB on Thursday is already Friday 01:30 in WIT.
    received = datetime(2026, 11, 19, 23, 30, tzinfo=WIB)
    assert KalenderKerja(tz=WIB).deadline(received, 1).date() == FRI
    assert KalenderKerja(tz=ZoneInfo("Asia/Jayapura")).deadline(received, 1).date() == MON


def test_pause_extends_deadline_by_working_days_paused():
    kalender = KalenderKerja(tz=WIB)
    received = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)  # Monday
    # Waiting for the reporter from Tuesday to Thursday: two working days paused.
    pause = (datetime(2026, 11, 17, 10, tzinfo=WIB), datetime(2026, 11, 19, 10, tzinfo=WIB))
    assert kalender.deadline(received, 2).date() == date(2026, 11, 18)
    assert kalender.deadline(received, 2, pauses=[pause]).date() == FRI


def test_open_pause_has_no_deadline():
    kalender = KalenderKerja()
    received = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)
    assert kalender.deadline(received, 1, pauses=[(received, None)]) is None


@pytest.mark.django_db
def test_for_site_reads_working_week_zone_and_holidays(desa_a, desa_b):
    profil = DesaProfil.for_site(desa_a)
    profil.hari_kerja = 6
    profil.save()
    HariLibur.objects.create(tanggal=MON, nama="Libur nasional uji")
    HariLibur.objects.create(tanggal=date(2026, 11, 24), nama="Hari jadi desa", site=desa_b)

    kal_a = KalenderKerja.for_site(desa_a)
    kal_b = KalenderKerja.for_site(desa_b)
    assert kal_a.tz == WITA and kal_b.tz == WIB
    assert kal_a.is_working_day(SAT) and not kal_b.is_working_day(SAT)
    assert not kal_a.is_working_day(MON) and not kal_b.is_working_day(MON)
    # A village holiday applies to that village only.
    assert kal_a.is_working_day(date(2026, 11, 24))
    assert not kal_b.is_working_day(date(2026, 11, 24))
