"""Recurrence rules expanded in the village's local time (pure functions)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from agenda import recurrence
from agenda.recurrence import Aturan, kejadian_dalam, mulai_kejadian

WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")
UTC = ZoneInfo("UTC")
JAM = timedelta(hours=2)


def test_weekly_with_count_crosses_month_boundary():
    mulai = datetime(2026, 11, 19, 19, 30, tzinfo=WITA)  # Thursday
    starts = mulai_kejadian(mulai, WITA, Aturan(recurrence.MINGGUAN, kali=4))
    assert [s.date() for s in starts] == [
        date(2026, 11, 19),
        date(2026, 11, 26),
        date(2026, 12, 3),
        date(2026, 12, 10),
    ]
    assert all(s.hour == 19 and s.minute == 30 for s in starts)


def test_weekly_until_date_is_inclusive():
    mulai = datetime(2026, 11, 19, 19, 30, tzinfo=WITA)
    starts = mulai_kejadian(mulai, WITA, Aturan(recurrence.MINGGUAN, sampai=date(2026, 12, 3)))
    assert [s.day for s in starts] == [19, 26, 3]


def test_monthly_same_date_keeps_local_day_although_utc_is_previous_day():
    # 06.00 WIT on the 1st is 21.00 UTC on the last day of the previous month.
    mulai = datetime(2026, 10, 1, 6, 0, tzinfo=WIT)
    starts = mulai_kejadian(mulai, WIT, Aturan(recurrence.BULANAN_TANGGAL, kali=4))
    assert [(s.month, s.day, s.hour) for s in starts] == [
        (10, 1, 6),
        (11, 1, 6),
        (12, 1, 6),
        (1, 1, 6),
    ]
    assert starts[1].astimezone(UTC).day == 31


def test_monthly_same_weekday_of_month():
    # Second Tuesday: 10 Nov 2026, then 8 Dec 2026, 12 Jan 2027.
    mulai = datetime(2026, 11, 10, 8, 0, tzinfo=WITA)
    starts = mulai_kejadian(mulai, WITA, Aturan(recurrence.BULANAN_HARI, kali=3))
    assert [s.date() for s in starts] == [date(2026, 11, 10), date(2026, 12, 8), date(2027, 1, 12)]


def test_monthly_on_the_31st_skips_short_months():
    mulai = datetime(2026, 12, 31, 8, 0, tzinfo=WITA)
    starts = mulai_kejadian(mulai, WITA, Aturan(recurrence.BULANAN_TANGGAL, kali=3))
    assert [s.date() for s in starts] == [date(2026, 12, 31), date(2027, 1, 31), date(2027, 3, 31)]


def test_every_two_weeks():
    mulai = datetime(2026, 11, 2, 16, 0, tzinfo=WITA)
    starts = mulai_kejadian(mulai, WITA, Aturan(recurrence.MINGGUAN, interval=2, kali=3))
    assert [s.date() for s in starts] == [date(2026, 11, 2), date(2026, 11, 16), date(2026, 11, 30)]


def test_window_expansion_for_a_month_includes_only_that_month():
    mulai = datetime(2026, 10, 29, 19, 30, tzinfo=WITA)
    dari = datetime(2026, 11, 1, tzinfo=WITA)
    sampai = datetime(2026, 12, 1, tzinfo=WITA)
    starts = kejadian_dalam(mulai, JAM, WITA, Aturan(recurrence.MINGGUAN, kali=10), dari, sampai)
    assert [s.day for s in starts] == [5, 12, 19, 26]


def test_occurrence_running_into_the_window_is_included():
    mulai = datetime(2026, 11, 30, 22, 0, tzinfo=WITA)
    dari = datetime(2026, 12, 1, tzinfo=WITA)
    starts = kejadian_dalam(
        mulai, timedelta(hours=4), WITA, Aturan(), dari, dari + timedelta(days=31)
    )
    assert starts == [mulai]


def test_zero_length_event_belongs_to_window_of_its_start():
    t = datetime(2026, 11, 5, 9, tzinfo=WITA)
    assert kejadian_dalam(t, timedelta(0), WITA, Aturan(), t, t + JAM) == [t]
    assert kejadian_dalam(t, timedelta(0), WITA, Aturan(), t - JAM, t) == []


def test_last_end_of_recurring_event():
    mulai = datetime(2026, 11, 19, 19, 30, tzinfo=WITA)
    akhir = recurrence.akhir_terakhir(mulai, JAM, WITA, Aturan(recurrence.MINGGUAN, kali=3))
    assert akhir == datetime(2026, 12, 3, 21, 30, tzinfo=WITA)


def test_ical_rule_until_is_utc_for_timed_events_and_date_for_all_day():
    mulai = datetime(2026, 11, 19, 19, 30, tzinfo=WITA)
    rule = recurrence.ical_rrule(mulai, WITA, Aturan(recurrence.MINGGUAN, sampai=date(2026, 12, 3)))
    assert rule["FREQ"] == "WEEKLY"
    assert rule["UNTIL"] == datetime(2026, 12, 3, 15, 59, 59, tzinfo=UTC)
    rule = recurrence.ical_rrule(
        mulai, WITA, Aturan(recurrence.MINGGUAN, sampai=date(2026, 12, 3)), sepanjang_hari=True
    )
    assert rule["UNTIL"] == date(2026, 12, 3)
    rule = recurrence.ical_rrule(mulai, WITA, Aturan(recurrence.BULANAN_HARI, kali=5))
    assert rule == {"FREQ": "MONTHLY", "INTERVAL": 1, "BYDAY": "3TH", "COUNT": 5}


def test_fifth_weekday_means_last():
    assert recurrence.minggu_ke(date(2026, 12, 29)) == -1
    assert recurrence.minggu_ke(date(2026, 12, 1)) == 1
