"""Figures of the yearly feedback report beyond the basic counts, as plain functions.

The report follows the sections of village feedback surveys such as Keran Desa: who
used the channels, participation, transparency, satisfaction and channels. Every
function takes an already-filtered queryset (one village, one period, no abuse/spam)
and runs a fixed number of queries whatever the volume.
"""

from datetime import datetime, time
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pengaduan.models.pengaduan import Kanal, TindakLanjut
from pengaduan.workflow import Status

# Channels where the villager typed the report themselves; the rest were recorded by
# an officer from a visit, a box, a call or a letter.
KANAL_DARING = frozenset({Kanal.WEB, Kanal.API})
# An officer's public note in one of these steps is a written follow-up, beyond the
# bare acknowledgement that the item was verified.
STATUS_TINDAK_LANJUT = frozenset(
    {
        Status.DITERUSKAN,
        Status.DIBAHAS,
        Status.DITINDAKLANJUTI,
        Status.SELESAI,
        Status.DITOLAK,
        Status.BUKAN_KEWENANGAN,
    }
)
PUAS = 4  # a rating of 4 or 5 out of 5 counts as satisfied
# What each rating means, for the chart (the form asks for a plain 1–5).
ARTI_NILAI = {
    "1": gettext_noop("1 – sangat tidak puas"),
    "2": gettext_noop("2 – tidak puas"),
    "3": gettext_noop("3 – cukup"),
    "4": gettext_noop("4 – puas"),
    "5": gettext_noop("5 – sangat puas"),
}
ROMAWI = ("I", "II", "III", "IV")


def persen(n, total):
    """Share of `n` in `total` as a Decimal with one decimal, or None without a total."""
    if not total:
        return None
    return (Decimal(n) * 100 / Decimal(total)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def batang(rows, total=None, labels=None):
    """Bars for [(label, n)]: share of `total` and a length relative to the longest bar."""
    rows = [(_(labels[label]) if labels and label in labels else label, n) for label, n in rows]
    top = max((n for _label, n in rows), default=0) or 1
    return [
        {
            "label": label,
            "n": n,
            "persen": persen(n, total) if total is not None else None,
            "lebar": round(100 * n / top, 1),
        }
        for label, n in rows
    ]


def rentang_tz(start, end, tz):
    """Aware datetimes bounding the dates `start`..`end` in the time zone `tz`."""
    return datetime.combine(start, time.min, tzinfo=tz), datetime.combine(end, time.max, tzinfo=tz)


def bulan_dalam(start, end):
    """[(year, month)] from `start` to `end` inclusive."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def per_bulan(qs, start, end, tz):
    """[(label, n)] for every month of the period, empty months included.

    One COUNT per month over a range of the indexed timestamp, all in one query: SQLite
    has no time-zone-aware month truncation, and Django's (a Python function called on
    each row) cost more than the rest of a 100,000-complaint report together."""
    months = bulan_dalam(start, end)
    bounds = [datetime(y, m, 1, tzinfo=tz) for y, m in months]
    last_y, last_m = months[-1]
    bounds.append(datetime(last_y + (last_m == 12), last_m % 12 + 1, 1, tzinfo=tz))
    counts = qs.aggregate(
        **{
            f"b{i}": Count("pk", filter=Q(diterima_pada__gte=lo, diterima_pada__lt=hi))
            for i, (lo, hi) in enumerate(pairwise(bounds))
        }
    )
    one_year = start.year == end.year
    return [
        (str(MONTHS[m]) if one_year else f"{MONTHS[m]} {y}", counts[f"b{i}"])
        for i, (y, m) in enumerate(months)
    ]


def per_triwulan(start, end, bulan_rows):
    """Quarters from the monthly counts of `per_bulan` (same period)."""
    months = bulan_dalam(start, end)
    totals = {}
    for (y, m), (_label, n) in zip(months, bulan_rows, strict=True):
        key = (y, (m - 1) // 3)
        totals[key] = totals.get(key, 0) + n
    one_year = start.year == end.year
    return [
        (
            _("Triwulan %(q)s") % {"q": ROMAWI[q]}
            if one_year
            else _("Triwulan %(q)s %(tahun)s") % {"q": ROMAWI[q], "tahun": y},
            n,
        )
        for (y, q), n in totals.items()
    ]


def ukuran_transparansi():
    """Aggregates (for one `aggregate` call): how much of the year the public can read."""
    follow_up = TindakLanjut.objects.filter(
        pengaduan=OuterRef("pk"), oleh_pelapor=False, ke_status__in=STATUS_TINDAK_LANJUT
    ).exclude(catatan_publik="")
    di_register = ~Q(status=Status.DITERIMA)
    # Confidential items show in the register only as a line without text.
    terbuka = di_register & Q(laporan_rahasia=False)
    return {
        "di_register": Count("pk", filter=di_register),
        "register_terbuka": Count("pk", filter=terbuka),
        "tindak_lanjut_publik": Count("pk", filter=terbuka & Q(Exists(follow_up))),
    }


def ukuran_kepuasan():
    """Aggregates: ratings reporters gave when their item closed, and reopenings."""
    return {
        # An average does not add up across months; its sum and count (`dinilai`) do.
        "jumlah_nilai": Sum("penilaian"),
        "puas": Count("pk", filter=Q(penilaian__gte=PUAS)),
        # Closed at least once: closed now, or closed and reopened since.
        "pernah_selesai": Count(
            "pk", filter=Q(diselesaikan_pada__isnull=False) | Q(dibuka_kembali__gt=0)
        ),
        "dibuka_kembali": Count("pk", filter=Q(dibuka_kembali__gt=0)),
    }


def satu_desimal(value):
    if value is None:
        return None
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def persentase(d):
    """Every share the report quotes, each over the figure it is honestly a share of."""
    return {
        "berbagi_profil": persen(d["berbagi_profil"], d["total"]),
        "di_register": persen(d["di_register"], d["total"]),
        "tindak_lanjut_publik": persen(d["tindak_lanjut_publik"], d["register_terbuka"]),
        "tepat_tanggapan": persen(d["tepat_tanggapan"], d["ditanggapi"]),
        "tepat_selesai": persen(d["tepat_selesai"], d["selesai"]),
        "puas": persen(d["puas"], d["dinilai"]),
        "dibuka_kembali": persen(d["dibuka_kembali"], d["pernah_selesai"]),
        "daring": persen(d["daring"], d["total"]),
        "luring": persen(d["luring"], d["total"]),
    }


def daring_luring(per_kanal_raw):
    """(online, recorded by officers) from {kanal: n}."""
    daring = sum(n for k, n in per_kanal_raw.items() if k in KANAL_DARING)
    return daring, sum(per_kanal_raw.values()) - daring


def jumlah_penduduk(site):
    """The village's population from its published statistics, or None."""
    from sitecore.statistik.models import StatistikPage
    from sitecore.statistik.rules import ringkasan_penduduk

    pages = list(
        StatistikPage.objects.live()
        .public()
        .descendant_of(site.root_page)
        .prefetch_related("data")
        .order_by("path")
    )
    ringkasan = ringkasan_penduduk(pages)
    return ringkasan["jumlah"] if ringkasan and ringkasan["jumlah"] else None


def per_seribu(total, penduduk):
    if not penduduk:
        return None
    return (Decimal(total) * 1000 / Decimal(penduduk)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
