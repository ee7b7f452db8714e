"""Which occurrences a listing shows: one query for the events, expansion in Python.

Each event stores the end of its last occurrence (`berakhir`), so every listing is
one database query whatever the number of events, and recurrences are expanded in
the village's local time.
"""

import calendar
from datetime import datetime, time, timedelta

from agenda.recurrence import hari_lokal

# Upcoming listings expand every occurrence in this window; beyond it, each event
# shows only its next occurrence, so a far-off festival is not forgotten.
JENDELA_MENDATANG = timedelta(days=90)


def agenda_pages(index):
    from agenda.models.event import AgendaPage

    return AgendaPage.objects.child_of(index).live().public().select_related("kategori")


def _urut(kejadian, terbalik=False):
    return sorted(kejadian, key=lambda k: (k.mulai, k.page.title), reverse=terbalik)


def kejadian_dalam(pages, dari, sampai):
    """Occurrences of `pages` (a queryset) overlapping [dari, sampai), by start."""
    hasil = []
    for page in pages.filter(mulai__lt=sampai, berakhir__gte=dari):
        hasil.extend(page.kejadian_dalam(dari, sampai))
    return _urut(hasil)


def mendatang(pages, now, batas=None):
    """Ongoing and upcoming occurrences, soonest first."""
    akhir_jendela = now + JENDELA_MENDATANG
    hasil = []
    pages = pages.filter(berakhir__gte=now)
    if batas:
        # A one-off event has a single occurrence starting at `mulai`, so only the
        # `batas` soonest can make the list: a busy village skips the rest (make bench).
        pages = [
            *pages.filter(frekuensi="").order_by("mulai", "title")[:batas],
            *pages.exclude(frekuensi=""),
        ]
    for page in pages:
        dalam = page.kejadian_dalam(now, akhir_jendela)
        if not dalam:
            # Only the next occurrence of an event further away than the window.
            dalam = page.kejadian_dalam(akhir_jendela, page.berakhir + timedelta(seconds=1))[:1]
        hasil.extend(dalam)
    hasil = _urut(hasil)
    return hasil[:batas] if batas else hasil


def hari_ini(pages, now, tz):
    today = now.astimezone(tz).date()
    dari = datetime.combine(today, time(0), tzinfo=tz)
    return kejadian_dalam(pages, dari, dari + timedelta(days=1))


def lampau(pages, now):
    """Finished occurrences, most recent first (ongoing ones are still upcoming)."""
    hasil = []
    for page in pages.filter(mulai__lt=now):
        for k in page.kejadian_dalam(page.mulai, now):
            if k.selesai <= now if k.ada_selesai else k.mulai < now:
                hasil.append(k)
    return _urut(hasil, terbalik=True)


def rentang_bulan(tahun, bulan, tz):
    dari = datetime(tahun, bulan, 1, tzinfo=tz)
    if bulan == 12:
        sampai = datetime(tahun + 1, 1, 1, tzinfo=tz)
    else:
        sampai = datetime(tahun, bulan + 1, 1, tzinfo=tz)
    return dari, sampai


def bulan_sebelum_sesudah(tahun, bulan):
    sebelum = (tahun - 1, 12) if bulan == 1 else (tahun, bulan - 1)
    sesudah = (tahun + 1, 1) if bulan == 12 else (tahun, bulan + 1)
    return sebelum, sesudah


def kisi_bulan(tahun, bulan, kejadian, tz):
    """Weeks (Monday first) of 7 days: {"tanggal", "di_bulan_ini", "kejadian"}.

    A multi-day occurrence appears on every local day it covers.
    """
    per_hari = {}
    for k in kejadian:
        for d in hari_lokal(k.mulai, k.selesai, tz):
            per_hari.setdefault(d, []).append(k)
    minggu = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(tahun, bulan):
        minggu.append(
            [
                {"tanggal": d, "di_bulan_ini": d.month == bulan, "kejadian": per_hari.get(d, [])}
                for d in week
            ]
        )
    return minggu
