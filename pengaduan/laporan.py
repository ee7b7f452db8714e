"""Hasil Umpan Balik: yearly figures per village, server-side SVG charts, CSV/XLSX export.

`hitung(site, start, end)` counts any date range at once (the admin picks one); the
public yearly report (`tahunan`) adds up monthly summaries kept apart
(`umpan_balik.ringkasan`). Either way a fixed number of queries whatever the volume.
"""

import csv
import io
from datetime import date
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pengaduan.models.kategori import DEFAULT_KATEGORI, Kategori
from pengaduan.models.pengaduan import CACHE_KIND as KIND
from pengaduan.models.pengaduan import Gender, Jenis, Kanal, KelompokUmur, Pengaduan
from pengaduan.umpan_balik import hitung as ub
from pengaduan.umpan_balik import ringkasan
from pengaduan.umpan_balik.models import RekomendasiUmpanBalik
from pengaduan.usulan import laporan as usulan_laporan
from pengaduan.workflow import Status
from sitecore.ekspor import aman_baris
from sitecore.pagecache import cache as pagecache


def _profil(site, profil):
    from sitecore.models import DesaProfil

    if profil is None or profil.site_id != site.pk:
        profil = DesaProfil.objects.filter(site=site).first()
    return profil


def _tz(profil):
    return ZoneInfo(profil.zona_waktu if profil else "Asia/Jakarta")


def rentang(site, start, end, profil=None):
    """Aware datetimes bounding the dates `start`..`end` in the village's time zone."""
    return ub.rentang_tz(start, end, _tz(_profil(site, profil)))


def _tally(counts, labels):
    """[(label, n)] from {value: n}, largest first, then by label."""
    rows = [
        (str(labels.get(k, k)) if k not in (None, "") else _("Tidak diisi"), n)
        for k, n in counts.items()
        if n
    ]
    merged = {}
    for label, n in rows:  # two ids with one name count as one, as a GROUP BY name did
        merged[label] = merged.get(label, 0) + n
    return sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))


def _bulat(value):
    """2.0 -> 2: a median of whole days reads as a whole number; 1.5 stays."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


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


def _nama(model, ids):
    ids = [pk for pk in ids if pk is not None]
    return dict(model.objects.filter(pk__in=ids).values_list("pk", "nama")) if ids else {}


def susun(raw, site, start, end):
    """The report's figures from a summary of `ringkasan` for `start`..`end`."""
    from sitecore.models import Dusun

    totals = dict(raw["n"])
    totals["rata_rata"] = ub.satu_desimal(
        totals["jumlah_nilai"] / totals["dinilai"] if totals["dinilai"] else None
    )
    hist = raw["hist"]
    months = ub.bulan_dalam(start, end)
    one_year = start.year == end.year
    bulan = [
        (str(MONTHS[m]) if one_year else f"{MONTHS[m]} {y}", count)
        for (y, m), count in zip(months, raw["bulan"], strict=True)
    ]
    # The built-in categories read in the visitor's language; a village's own as typed.
    kategori = {
        pk: _(nama) if nama in DEFAULT_KATEGORI else nama
        for pk, nama in _nama(Kategori, hist["kategori_id"]).items()
    }
    dusun = _nama(Dusun, {*hist["dusun_id"], *raw["usulan"]["dusun"]})
    penduduk = ub.jumlah_penduduk(site)
    daring, luring = ub.daring_luring(hist["kanal"])
    data = {
        "start": start,
        "end": end,
        **totals,
        "median_tanggapan": _bulat(median_histogram(raw["hari"]["hari_tanggapan"])),
        "median_selesai": _bulat(median_histogram(raw["hari"]["hari_selesai"])),
        "penduduk": penduduk,
        "per_seribu": ub.per_seribu(totals["total"], penduduk),
        "daring": daring,
        "luring": luring,
        "per_jenis": _tally(hist["jenis"], dict(Jenis.choices)),
        "per_kategori": _tally(hist["kategori_id"], kategori),
        "per_kanal": _tally(hist["kanal"], dict(Kanal.choices)),
        "per_dusun": _tally(hist["dusun_id"], dusun),
        "per_status": _tally(hist["status"], dict(Status.choices)),
        "per_gender": _tally(hist["gender"], dict(Gender.choices)),
        "per_umur": _tally(hist["kelompok_umur"], dict(KelompokUmur.choices)),
        "per_rentan": [
            (_("Kepala keluarga perempuan"), totals["kk_perempuan"]),
            (_("Penyandang disabilitas"), totals["disabilitas"]),
            (_("Lanjut usia"), totals["lansia"]),
        ],
        "per_bulan": bulan,
        "per_triwulan": ub.per_triwulan(start, end, bulan),
        "penilaian": [(str(n), hist["penilaian"].get(n, 0)) for n in range(1, 6)],
        "usulan": usulan_laporan.rekap(raw["usulan"], dusun),
    }
    data["pct"] = ub.persentase(data)
    return data


def hitung(site, start, end, profil=None):
    """The report for any period (the officers' admin picks one): counted at once."""
    tz = _tz(_profil(site, profil))
    lo, hi = ub.rentang_tz(start, end, tz)
    semua = Pengaduan.objects.filter(site=site, diterima_pada__range=(lo, hi))
    return susun(ringkasan.ringkas(semua, start, end, tz), site, start, end)


def tahunan(site, tahun, profil=None):
    """The public report of one calendar year, from the months' kept summaries."""
    tz = _tz(_profil(site, profil))
    raw = ringkasan.setahun(Pengaduan.objects.filter(site=site), site, tahun, tz)
    return susun(raw, site, date(tahun, 1, 1), date(tahun, 12, 31))


# The report's parts, in the order of village feedback surveys (Keran Desa): each
# part lists its charts as (data key, title, what the shares are of).
BAGIAN = [
    ("profil", gettext_noop("Profil pengguna"), [
        ("per_jenis", gettext_noop("Menurut jenis"), "total"),
        ("per_dusun", gettext_noop("Menurut dusun"), "total"),
        ("per_gender", gettext_noop("Jenis kelamin pelapor"), "total"),
        ("per_umur", gettext_noop("Kelompok umur pelapor"), "total"),
        ("per_rentan", gettext_noop("Pelapor dari kelompok rentan"), "total"),
    ]),
    ("partisipasi", gettext_noop("Partisipasi"), [
        ("per_bulan", gettext_noop("Laporan per bulan"), "total"),
        ("per_triwulan", gettext_noop("Laporan per triwulan"), "total"),
        ("per_kategori", gettext_noop("Menurut kategori"), "total"),
    ]),
    ("transparansi", gettext_noop("Transparansi"), [
        ("per_status", gettext_noop("Menurut status"), "total"),
    ]),
    ("kepuasan", gettext_noop("Kepuasan"), [
        ("penilaian", gettext_noop("Sebaran nilai kepuasan (1–5)"), "dinilai"),
    ]),
    ("saluran", gettext_noop("Saluran"), [
        ("per_kanal", gettext_noop("Menurut kanal"), "total"),
    ]),
]  # fmt: skip
LABEL_GRAFIK = {"penilaian": ub.ARTI_NILAI}
SECTIONS = [(key, title) for _b, _j, charts in BAGIAN for key, title, _of in charts]

MEASURES = [
    ("total", gettext_noop("Laporan masuk")),
    ("per_seribu", gettext_noop("Laporan per 1.000 penduduk")),
    ("di_register", gettext_noop("Tampil di register publik")),
    ("tindak_lanjut_publik", gettext_noop("Tindak lanjut tertulis di register")),
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
    ("rata_rata", gettext_noop("Rata-rata nilai kepuasan (1–5)")),
    ("puas", gettext_noop("Pelapor puas (nilai 4–5)")),
    ("dibuka_kembali", gettext_noop("Dibuka kembali oleh pelapor")),
    ("daring", gettext_noop("Dikirim sendiri secara daring")),
    ("luring", gettext_noop("Dicatat petugas dari saluran luring")),
    ("penyalahgunaan", gettext_noop("Ditolak sebagai penyalahgunaan/spam (tidak dihitung)")),
]


def sections(data):
    """The report's parts with their bar charts, for the public and the admin page."""
    return [
        {
            "key": key,
            "judul": _(judul),
            "grafik": [
                {
                    "key": k,
                    "judul": _(t),
                    "bars": ub.batang(data[k], data[of], LABEL_GRAFIK.get(k)),
                }
                for k, t, of in charts
            ],
        }
        for key, judul, charts in BAGIAN
    ]


def halaman(page, request, tahun):
    site = page.get_site()
    data = pagecache.memoize(
        request,
        ("laporan", site.pk, tahun, translation.get_language()),
        lambda: tahunan(site, tahun, getattr(request, "desa_profil", None)),
        # The population per 1,000 comes from the statistics pages.
        kinds=(KIND, "statistik"),
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
            "rekomendasi": RekomendasiUmpanBalik.objects.terbit(site, tahun),
            "tampil_rekomendasi": True,
            "tahun_lain": [t for t in (tahun - 1, tahun + 1) if t <= timezone.localdate().year],
            "url_formulir": page.get_url(request),
            "url_laporan": page.get_url(request) + f"laporan/{tahun}/",
            "url_laporan_induk": page.get_url(request) + "laporan/",
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
    data = tahunan(site, tahun, getattr(request, "desa_profil", None))
    judul = _("Hasil umpan balik %(desa)s %(tahun)s") % {"desa": site.site_name, "tahun": tahun}
    return respons_ekspor(data, f"hasil-umpan-balik-{tahun}", fmt, judul)
