"""Recurrence of routine events (posyandu every month, pengajian every week).

Pure functions over local wall-clock time: a monthly posyandu at 08.00 WITA on the
10th must stay on the 10th even though 08.00 WITA is the 9th in UTC.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule

TIDAK = ""
MINGGUAN = "mingguan"
BULANAN_TANGGAL = "bulanan_tanggal"
BULANAN_HARI = "bulanan_hari"

# Upper bound on expanded occurrences, so a mistaken rule cannot exhaust memory.
MAKS_KEJADIAN = 1000

_ICAL_DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_RRULE_DAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]


@dataclass(frozen=True)
class Aturan:
    """A recurrence rule: how often, every how many periods, until a date or a count."""

    frekuensi: str = TIDAK
    interval: int = 1
    sampai: date | None = None
    kali: int | None = None

    @property
    def berulang(self):
        return self.frekuensi != TIDAK


def minggu_ke(d):
    """Which weekday-of-month `d` is: 1..4, or -1 for the last one (5th)."""
    n = (d.day - 1) // 7 + 1
    return -1 if n == 5 else n


def _rule(start_local, aturan):
    """A dateutil rule over naive local datetimes."""
    kwargs = {"dtstart": start_local, "interval": max(1, aturan.interval or 1)}
    if aturan.kali:
        kwargs["count"] = min(aturan.kali, MAKS_KEJADIAN)
    elif aturan.sampai:
        kwargs["until"] = datetime.combine(aturan.sampai, time.max)
    else:
        kwargs["count"] = MAKS_KEJADIAN
    if aturan.frekuensi == MINGGUAN:
        return rrule.rrule(rrule.WEEKLY, **kwargs)
    if aturan.frekuensi == BULANAN_TANGGAL:
        # RFC 5545: months without that day (e.g. the 31st) are skipped.
        return rrule.rrule(rrule.MONTHLY, bymonthday=start_local.day, **kwargs)
    if aturan.frekuensi == BULANAN_HARI:
        weekday = _RRULE_DAYS[start_local.weekday()](minggu_ke(start_local))
        return rrule.rrule(rrule.MONTHLY, byweekday=weekday, **kwargs)
    raise ValueError(f"Unknown frequency {aturan.frekuensi!r}")


def mulai_kejadian(mulai, tz, aturan):
    """Every start (aware, in `tz`) of an event starting at aware `mulai`."""
    tz = ZoneInfo(tz) if isinstance(tz, str) else tz
    local = mulai.astimezone(tz).replace(tzinfo=None)
    if not aturan.berulang:
        return [local.replace(tzinfo=tz)]
    return [s.replace(tzinfo=tz) for s in _rule(local, aturan)]


def kejadian_dalam(mulai, durasi, tz, aturan, dari, sampai):
    """Starts of the occurrences that overlap [dari, sampai).

    A zero-length event belongs to the window its start falls in.
    """
    tz = ZoneInfo(tz) if isinstance(tz, str) else tz
    local = mulai.astimezone(tz).replace(tzinfo=None)
    if not aturan.berulang:
        candidates = [local]
    else:
        lo = (dari - durasi).astimezone(tz).replace(tzinfo=None)
        hi = sampai.astimezone(tz).replace(tzinfo=None)
        candidates = _rule(local, aturan).between(lo, hi, inc=True)
    hasil = []
    for c in candidates:
        start = c.replace(tzinfo=tz)
        if overlaps(start, start + durasi, dari, sampai):
            hasil.append(start)
    return hasil


def overlaps(start, end, dari, sampai):
    if start >= sampai:
        return False
    if end > start:
        return end > dari
    return start >= dari


def akhir_terakhir(mulai, durasi, tz, aturan):
    """End of the last occurrence: lets the database filter past and future events."""
    if not aturan.berulang:
        return mulai + durasi
    starts = mulai_kejadian(mulai, tz, aturan)
    return starts[-1] + durasi if starts else mulai + durasi


def ical_rrule(mulai, tz, aturan, sepanjang_hari=False):
    """The RRULE value (a dict for icalendar's vRecur) for an event, or None."""
    if not aturan.berulang:
        return None
    tz = ZoneInfo(tz) if isinstance(tz, str) else tz
    local = mulai.astimezone(tz)
    rule = {"INTERVAL": max(1, aturan.interval or 1)}
    if aturan.frekuensi == MINGGUAN:
        rule["FREQ"] = "WEEKLY"
    elif aturan.frekuensi == BULANAN_TANGGAL:
        rule["FREQ"] = "MONTHLY"
        rule["BYMONTHDAY"] = local.day
    else:
        rule["FREQ"] = "MONTHLY"
        rule["BYDAY"] = f"{minggu_ke(local)}{_ICAL_DAYS[local.weekday()]}"
    if aturan.kali:
        rule["COUNT"] = aturan.kali
    elif aturan.sampai:
        if sepanjang_hari:
            rule["UNTIL"] = aturan.sampai
        else:
            # RFC 5545 3.3.10: with a TZID start, UNTIL is given in UTC.
            end_local = datetime.combine(aturan.sampai, time(23, 59, 59), tzinfo=tz)
            rule["UNTIL"] = end_local.astimezone(ZoneInfo("UTC"))
    return rule


def hari_lokal(start, end, tz):
    """Local dates an occurrence covers (an end at midnight does not cover that day)."""
    tz = ZoneInfo(tz) if isinstance(tz, str) else tz
    first = start.astimezone(tz).date()
    if end <= start:
        return [first]
    last_moment = (end - timedelta(microseconds=1)).astimezone(tz)
    days = []
    d = first
    while d <= last_moment.date() and len(days) < 62:
        days.append(d)
        d += timedelta(days=1)
    return days
