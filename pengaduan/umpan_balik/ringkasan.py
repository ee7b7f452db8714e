"""The feedback report's raw counts, in summaries that add up.

`ringkas` counts one period's complaints into plain numbers and dicts keyed by stored
values (ids, codes); summaries of consecutive periods add up (`gabung`). The public
yearly report keeps one summary per village and month, so a change to a complaint
recounts its month instead of the year: on a busy village about ten scans of 30,000
rows became ten scans of one month's. Labels, names, medians and shares are applied
afterwards (`pengaduan.laporan.susun`), in the reader's language.
"""

from datetime import date, timedelta

from django.db.models import Count, Q

from pengaduan.models.pengaduan import CACHE_KIND
from pengaduan.umpan_balik import hitung as ub
from pengaduan.usulan import laporan as usulan_laporan
from sitecore import situs
from sitecore.pagecache import cache as pagecache

# One month's counts live as long as nothing of that month changes; an hour bounds how
# late new, not yet public items of the month appear in them.
BULAN_SECONDS = 3600


def kind_bulan(tahun, bulan):
    """The page-cache kind of one month's complaints ("pengaduan-bulan:2026-12")."""
    return f"{CACHE_KIND}-bulan:{tahun:04d}-{bulan:02d}"


def kinds_untuk(item):
    """The month kind of `item` (a complaint), in its village's time zone."""
    if item.diterima_pada is None:
        return ()
    profil = situs.indeks().profil(item.site_id) if item.site_id else None
    when = item.diterima_pada.astimezone(profil.tzinfo) if profil else item.diterima_pada
    return (kind_bulan(when.year, when.month),)


def _histogram(qs, *fields):
    """{field: {value: n}} for each field, from one grouped query over all of them."""
    out = {f: {} for f in fields}
    for row in qs.values(*fields).annotate(n=Count("pk")).order_by():
        for f in fields:
            out[f][row[f]] = out[f].get(row[f], 0) + row["n"]
    return out


def ringkas(semua, start, end, tz):
    """Raw counts of `semua` (one village's items received from `start` to `end`,
    dates in `tz`); abuse and spam counted apart and left out of everything else."""
    penyalahgunaan = semua.filter(penyalahgunaan=True).count()
    qs = semua.exclude(penyalahgunaan=True)
    n = qs.aggregate(
        total=Count("pk"),
        ditanggapi=Count("pk", filter=Q(ditanggapi_pada__isnull=False)),
        tepat_tanggapan=Count("pk", filter=Q(tepat_tanggapan=True)),
        selesai=Count("pk", filter=Q(diselesaikan_pada__isnull=False)),
        tepat_selesai=Count("pk", filter=Q(tepat_selesai=True)),
        berbagi_profil=Count(
            "pk",
            filter=~Q(gender="")
            | ~Q(kelompok_umur="")
            | Q(rentan_kk_perempuan=True)
            | Q(rentan_disabilitas=True)
            | Q(rentan_lansia=True),
        ),
        kk_perempuan=Count("pk", filter=Q(rentan_kk_perempuan=True)),
        disabilitas=Count("pk", filter=Q(rentan_disabilitas=True)),
        lansia=Count("pk", filter=Q(rentan_lansia=True)),
        dinilai=Count("pk", filter=Q(penilaian__isnull=False)),
        **ub.ukuran_transparansi(),
        **ub.ukuran_kepuasan(),
    )
    n["jumlah_nilai"] = n["jumlah_nilai"] or 0
    n["penyalahgunaan"] = penyalahgunaan
    # Working days to the first answer and to the end: a few dozen distinct values.
    hari = _histogram(qs, "hari_tanggapan", "hari_selesai")
    months = ub.bulan_dalam(start, end)
    if len(months) == 1:
        bulan = [n["total"]]
    else:
        bulan = [count for _label, count in ub.per_bulan(qs, start, end, tz)]
    return {
        "n": n,
        "hari": hari,
        "hist": {
            **_histogram(qs, "jenis", "kanal", "status"),
            **_histogram(qs, "gender", "kelompok_umur", "penilaian"),
            **_histogram(qs, "kategori_id"),
            **_histogram(qs, "dusun_id"),
        },
        "bulan": bulan,
        "usulan": usulan_laporan.ringkas(qs),
    }


def _tambah(a, b):
    if isinstance(a, dict):
        out = dict(a)
        for key, value in b.items():
            out[key] = _tambah(out[key], value) if key in out else value
        return out
    if isinstance(a, list):
        return a + b  # months, in order
    return (a or 0) + (b or 0)


def gabung(parts):
    """One summary from the summaries of consecutive periods, in order."""
    out = parts[0]
    for part in parts[1:]:
        out = _tambah(out, part)
    return out


def _bulan_ini(semua, tahun, bulan, tz):
    start = date(tahun, bulan, 1)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    lo, hi = ub.rentang_tz(start, end, tz)
    return ringkas(semua.filter(diterima_pada__range=(lo, hi)), start, end, tz)


def setahun(semua, site, tahun, tz):
    """The summary of `tahun` from its months' summaries, each kept until a complaint
    of that month changes (`kinds_untuk`); counted at once when nothing is kept."""
    if not pagecache.fragments_enabled():
        start, end = date(tahun, 1, 1), date(tahun, 12, 31)
        lo, hi = ub.rentang_tz(start, end, tz)
        return ringkas(semua.filter(diterima_pada__range=(lo, hi)), start, end, tz)
    parts = pagecache.memoize_counts(
        site.hostname,
        [
            (
                ("laporan-bulan", site.pk, tahun, bulan),
                (kind_bulan(tahun, bulan),),
                lambda bulan=bulan: _bulan_ini(semua, tahun, bulan, tz),
            )
            for bulan in range(1, 13)
        ],
        timeout=BULAN_SECONDS,
    )
    return gabung(parts)
