"""The working-day calendar: service-standard deadlines for complaints and PPID requests.

Pure functions over dates; `KalenderKerja.for_site` binds them to a village's working
week, days off and time zone. A deadline of N working days ends at the close of the
N-th working day after the day of receipt (the day of receipt itself never counts), so
a complaint received on Friday evening with a one-day standard is due by Monday night.

Days off come from the `holidays` library (Indonesia's public holidays and the
government's collective leave days, cuti bersama, for any year), corrected by the
national entries of HariLibur and then by the village's own: a correction adds a day
off or turns a library day back into a working day, and the village's word is last.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holidays_lib
from django.db.models import Q

DEFAULT_TZ = ZoneInfo("Asia/Jakarta")
LIBRARY_LANGUAGES = {"id": "id", "en": "en_US"}


def is_working_day(day, working_week=5, holidays=frozenset()):
    """Monday is 0: a five-day week works Mon–Fri, a six-day week Mon–Sat."""
    return day.weekday() < working_week and day not in holidays


def add_working_days(day, n, working_week=5, holidays=frozenset()):
    """The date N working days after `day` (N >= 0; 0 gives `day` itself)."""
    if n < 0:
        raise ValueError("n must not be negative")
    current, counted = day, 0
    while counted < n:
        current += timedelta(days=1)
        if is_working_day(current, working_week, holidays):
            counted += 1
    return current


def working_days_between(start, end, working_week=5, holidays=frozenset()):
    """Working days in the half-open interval (start, end]; 0 when end <= start."""
    if end <= start:
        return 0
    total, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_working_day(current, working_week, holidays):
            total += 1
    return total


@lru_cache(maxsize=64)
def libur_nasional(year, language="id"):
    """{date: name} of Indonesia's public holidays and cuti bersama in `year`."""
    calendar = holidays_lib.Indonesia(
        years=year,
        categories=("public", "government"),
        language=LIBRARY_LANGUAGES.get(language, "id"),
    )
    return dict(sorted(calendar.items()))


@dataclass(frozen=True)
class Koreksi:
    """One HariLibur row as the calendar sees it."""

    tanggal: date
    libur: bool
    nama: str
    desa: bool  # the village's own entry (else a national correction)


class DaftarLibur:
    """A village's days off for any year: the library's, then the corrections.

    Supports `day in daftar` like a set, so the pure functions above take it as is.
    """

    def __init__(self, koreksi=()):
        # National corrections first, the village's last: later entries win.
        self.koreksi = sorted(koreksi, key=lambda k: k.desa)
        self._per_tahun = {}

    def tahun(self, year, language="id"):
        """[(date, name, source)] of the year's days off; source: nasional|koreksi|desa."""
        days = {d: (name, "nasional") for d, name in libur_nasional(year, language).items()}
        for k in self.koreksi:
            if k.tanggal.year != year:
                continue
            if k.libur:
                days[k.tanggal] = (k.nama, "desa" if k.desa else "koreksi")
            else:
                days.pop(k.tanggal, None)
        return [(d, name, source) for d, (name, source) in sorted(days.items())]

    def dibatalkan(self, year):
        """Library days off that a correction turned back into working days."""
        national = libur_nasional(year)
        latest = {k.tanggal: k for k in self.koreksi if k.tanggal.year == year}
        return [k for d, k in sorted(latest.items()) if not k.libur and d in national]

    def __contains__(self, day):
        days = self._per_tahun.get(day.year)
        if days is None:
            days = self._per_tahun[day.year] = frozenset(d for d, *_ in self.tahun(day.year))
        return day in days


@dataclass(frozen=True)
class KalenderKerja:
    """A village's calendar: working week, days off and time zone."""

    working_week: int = 5
    holidays: object = field(default_factory=frozenset)  # anything that answers `day in`
    tz: ZoneInfo = DEFAULT_TZ

    @classmethod
    def for_site(cls, site):
        from sitecore.kalender.models import HariLibur
        from sitecore.models.profil import DesaProfil

        profil = DesaProfil.objects.filter(site=site).first()
        rows = HariLibur.objects.filter(Q(site=site) | Q(site__isnull=True)).values_list(
            "tanggal", "jenis", "nama", "site_id"
        )
        holidays = DaftarLibur(
            Koreksi(tanggal, jenis == HariLibur.Jenis.LIBUR, nama, site_id is not None)
            for tanggal, jenis, nama, site_id in rows
        )
        if profil is None:
            return cls(holidays=holidays)
        return cls(
            working_week=profil.hari_kerja, holidays=holidays, tz=ZoneInfo(profil.zona_waktu)
        )

    def local_date(self, moment):
        if isinstance(moment, datetime):
            return moment.astimezone(self.tz).date()
        return moment

    def is_working_day(self, day):
        return is_working_day(self.local_date(day), self.working_week, self.holidays)

    def end_of_day(self, day):
        return datetime.combine(day, time(23, 59, 59), tzinfo=self.tz)

    def deadline(self, received_at, n, pauses=()):
        """When an item received at `received_at` is due under an N-working-day standard.

        `pauses` are (start, end) moments while the clock stood still (waiting for the
        reporter); each adds the working days it covered. An open pause (end None)
        has no deadline yet: None is returned.
        """
        extra = 0
        for start, end in pauses:
            if end is None:
                return None
            extra += self.working_days_between(start, end)
        due = add_working_days(
            self.local_date(received_at), n + extra, self.working_week, self.holidays
        )
        return self.end_of_day(due)

    def working_days_between(self, start, end):
        """Whole working days from `start` to `end` in the village's local dates."""
        return working_days_between(
            self.local_date(start), self.local_date(end), self.working_week, self.holidays
        )
