"""The working-day calendar: service-standard deadlines for complaints and PPID requests.

Pure functions over dates; `KalenderKerja.for_site` binds them to a village's working
week, holidays and time zone. A deadline of N working days ends at the close of the
N-th working day after the day of receipt (the day of receipt itself never counts), so
a complaint received on Friday evening with a one-day standard is due by Monday night.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q

DEFAULT_TZ = ZoneInfo("Asia/Jakarta")


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


@dataclass(frozen=True)
class KalenderKerja:
    """A village's calendar: working week, holidays and time zone."""

    working_week: int = 5
    holidays: frozenset = field(default_factory=frozenset)
    tz: ZoneInfo = DEFAULT_TZ

    @classmethod
    def for_site(cls, site):
        from sitecore.kalender.models import HariLibur
        from sitecore.models.profil import DesaProfil

        profil = DesaProfil.objects.filter(site=site).first()
        holidays = frozenset(
            HariLibur.objects.filter(Q(site=site) | Q(site__isnull=True)).values_list(
                "tanggal", flat=True
            )
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


def holidays_in(year_start: date, year_end: date, site=None):
    """Holiday dates between two dates for a village (or national only)."""
    from sitecore.kalender.models import HariLibur

    qs = HariLibur.objects.filter(tanggal__range=(year_start, year_end))
    qs = qs.filter(Q(site=site) | Q(site__isnull=True)) if site else qs.filter(site__isnull=True)
    return frozenset(qs.values_list("tanggal", flat=True))
