"""Hasil Umpan Balik: yearly figures per village, server-side SVG charts, CSV/XLSX export.

`hitung(site, start, end)` is pure aggregation (a fixed number of queries whatever the
volume); the admin can call it with any date range.
"""

import csv
import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pengaduan.models.pengaduan import Gender, Jenis, Kanal, KelompokUmur, Pengaduan
from pengaduan.usulan import laporan as usulan_laporan
from pengaduan.workflow import Status
from sitecore.ekspor import aman_baris
from sitecore.pagecache import cache as pagecache


def rentang(site, start, end, profil=None):
    """Aware datetimes bounding the dates `start`..`end` in the village's time zone."""
    from sitecore.models import DesaProfil

    if profil is None or profil.site_id != site.pk:
        profil = DesaProfil.objects.filter(site=site).first()
    tz = ZoneInfo(profil.zona_waktu if profil else "Asia/Jakarta")
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end, time.max, tzinfo=tz),
    )


def _group(qs, field, labels=None):
    rows = qs.values(field).annotate(n=Count("pk")).order_by("-n", field)
    out = []
    for row in rows:
        key = row[field]
        label = (labels or {}).get(key, key) if key not in (None, "") else _("Tidak diisi")
        out.append((str(label), row["n"]))
    return out


def median_histogram(counts):
    """Median of a multiset given as {value: count} (None values ignored)."""
    values = sorted((v, n) for v, n in counts.items() if v is not None and n)
    total = sum(n for _v, n in values)
    if not total:
        return None

    def nth(k):
        seen = 0
        for v, n in values:
            seen += n
            if k < seen:
                return v
        raise IndexError(k)

    if total % 2:
        return nth(total // 2)
    return (nth(total // 2 - 1) + nth(total // 2)) / 2


def hitung(site, start, end, profil=None):
    lo, hi = rentang(site, start, end, profil)
    semua = Pengaduan.objects.filter(site=site, diterima_pada__range=(lo, hi))
    # Abuse/spam rejections are counted on their own, not as villagers' reports; the
    # register leaves them out too.
    penyalahgunaan = semua.filter(penyalahgunaan=True).count()
    qs = semua.exclude(penyalahgunaan=True)
    totals = qs.aggregate(
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
    )
    # Medians from a histogram of working days: a few dozen rows whatever the volume.
    first, final = {}, {}
    for row in qs.values("hari_tanggapan", "hari_selesai").annotate(n=Count("pk")).order_by():
        first[row["hari_tanggapan"]] = first.get(row["hari_tanggapan"], 0) + row["n"]
        final[row["hari_selesai"]] = final.get(row["hari_selesai"], 0) + row["n"]
    ratings = dict(
        qs.filter(penilaian__isnull=False).values_list("penilaian").annotate(n=Count("pk"))
    )
    return {
        "start": start,
        "end": end,
        **totals,
        "penyalahgunaan": penyalahgunaan,
        "median_tanggapan": median_histogram(first),
        "median_selesai": median_histogram(final),
        "per_jenis": _group(qs, "jenis", dict(Jenis.choices)),
        "per_kategori": _group(qs, "kategori__nama"),
        "per_kanal": _group(qs, "kanal", dict(Kanal.choices)),
        "per_dusun": _group(qs, "dusun__nama"),
        "per_status": _group(qs, "status", dict(Status.choices)),
        "per_gender": _group(qs.exclude(gender=""), "gender", dict(Gender.choices)),
        "per_umur": _group(
            qs.exclude(kelompok_umur=""), "kelompok_umur", dict(KelompokUmur.choices)
        ),
        "penilaian": [(str(n), ratings.get(n, 0)) for n in range(1, 6)],
        "usulan": usulan_laporan.rekap(qs),
    }


def svg_batang(rows, title):
    """A horizontal bar chart as inline SVG: readable without JS, scales to 360 px."""
    if not rows:
        return ""
    bar_h, gap, label_w, width = 22, 8, 150, 520
    top = max(n for _l, n in rows) or 1
    height = len(rows) * (bar_h + gap)
    parts = [
        f'<svg class="grafik" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (label, n) in enumerate(rows):
        y = i * (bar_h + gap)
        w = int((width - label_w - 50) * n / top)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="13">'
            f"{escape(label[:22])}</text>"
            f'<rect x="{label_w}" y="{y}" width="{max(w, 1)}" height="{bar_h}" fill="#1b6e3a"/>'
            f'<text x="{label_w + w + 6}" y="{y + 16}" font-size="13">{n}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node is escaped above


SECTIONS = [
    ("per_jenis", gettext_noop("Menurut jenis")),
    ("per_kategori", gettext_noop("Menurut kategori")),
    ("per_kanal", gettext_noop("Menurut kanal")),
    ("per_dusun", gettext_noop("Menurut dusun")),
    ("per_status", gettext_noop("Menurut status")),
    ("per_gender", gettext_noop("Jenis kelamin pelapor (yang bersedia)")),
    ("per_umur", gettext_noop("Kelompok umur pelapor (yang bersedia)")),
    ("penilaian", gettext_noop("Sebaran nilai kepuasan (1–5)")),
]

MEASURES = [
    ("total", gettext_noop("Laporan masuk")),
    ("ditanggapi", gettext_noop("Sudah ditanggapi")),
    ("tepat_tanggapan", gettext_noop("Tanggapan pertama tepat waktu")),
    ("selesai", gettext_noop("Selesai")),
    ("tepat_selesai", gettext_noop("Selesai tepat waktu")),
    ("median_tanggapan", gettext_noop("Median hari kerja sampai tanggapan pertama")),
    ("median_selesai", gettext_noop("Median hari kerja sampai selesai")),
    ("berbagi_profil", gettext_noop("Pelapor yang berbagi profil")),
    ("kk_perempuan", gettext_noop("Kepala keluarga perempuan")),
    ("disabilitas", gettext_noop("Penyandang disabilitas")),
    ("lansia", gettext_noop("Lanjut usia")),
    ("dinilai", gettext_noop("Laporan yang dinilai pelapor")),
    ("penyalahgunaan", gettext_noop("Ditolak sebagai penyalahgunaan/spam (tidak dihitung)")),
]


def sections(data):
    return [
        {"key": key, "judul": _(title), "rows": data[key], "svg": svg_batang(data[key], _(title))}
        for key, title in SECTIONS
    ]


def halaman(page, request, tahun):
    site = page.get_site()
    data = pagecache.memoize(
        request,
        ("laporan", site.pk, tahun, translation.get_language()),
        lambda: hitung(
            site, date(tahun, 1, 1), date(tahun, 12, 31), getattr(request, "desa_profil", None)
        ),
    )
    return TemplateResponse(
        request,
        "pengaduan/laporan.html",
        {
            "page": page,
            "self": page,
            "tahun": tahun,
            "d": data,
            "sections": sections(data),
            "url_laporan": page.get_url(request) + f"laporan/{tahun}/",
            "url_register": page.get_url(request) + "register/",
        },
    )


def _rows(data, judul):
    yield [judul]
    yield [_("Periode"), f"{data['start']:%d-%m-%Y} – {data['end']:%d-%m-%Y}"]
    yield []
    yield [_("Ukuran"), _("Nilai")]
    for key, label in MEASURES:
        yield [_(label), data[key]]
    for key, title in SECTIONS:
        yield []
        yield [_(title), _("Jumlah")]
        yield from ([label, n] for label, n in data[key])
    yield from usulan_laporan.baris_ekspor(data["usulan"])


def respons_ekspor(data, name, fmt, judul):
    """The figures of `hitung` as a CSV or XLSX download for the village's annual report."""
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        writer = csv.writer(response)
        for row in _rows(data, judul):
            writer.writerow(aman_baris(row))
        return response
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = _("Umpan balik")
    for row in _rows(data, judul):
        ws.append(aman_baris(row))
    out = io.BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


def ekspor(page, request, tahun, fmt):
    site = page.get_site()
    data = hitung(
        site, date(tahun, 1, 1), date(tahun, 12, 31), getattr(request, "desa_profil", None)
    )
    judul = _("Hasil umpan balik %(desa)s %(tahun)s") % {"desa": site.site_name, "tahun": tahun}
    return respons_ekspor(data, f"hasil-umpan-balik-{tahun}", fmt, judul)
