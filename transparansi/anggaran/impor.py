"""CSV import, CSV/JSON open-data export and the spreadsheet template of APBDes lines.

Import is all-or-nothing: every row is checked first, and only a file without errors
becomes a new draft revision of the page (adminviews.impor_ke_halaman; published through
the usual moderation). A table as printed is accepted: its group and subtotal rows are
recognised by anggaran.cetak, checked against their lines and never stored.
"""

import csv
import io
import re
from datetime import date, datetime
from decimal import Decimal
from types import SimpleNamespace

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from sitecore.ekspor import aman_baris, buang_awalan
from transparansi import apbdes as hitung
from transparansi.anggaran import cetak
from transparansi.data.kode_rekening import JENIS_BELANJA, SUMBER_DANA

KOLOM = [
    "kode",
    "uraian",
    "jenis_belanja",
    "lokasi",
    "sumber_dana",
    "anggaran",
    "realisasi",
    "tanggal_realisasi",
]
WAJIB = ["kode", "uraian", "anggaran"]
# Printed column headings and their template names (after _kolom).
ALIAS = {"kode_rekening": "kode", "kode_rek": "kode", "jumlah": "anggaran"}
# A printed table: group rows, lines and subtotals that agree (the template).
CONTOH = [
    ["4", "PENDAPATAN", "", "", "", 1450000000, 825000000, ""],
    ["4.2", "Pendapatan Transfer", "", "", "", 1450000000, 825000000, ""],
    ["4.2.1", "Dana Desa", "", "", "", 1000000000, 600000000, "2026-06-30"],
    ["4.2.3", "Alokasi Dana Desa", "", "", "", 450000000, 225000000, "2026-06-30"],
    ["", "JUMLAH PENDAPATAN", "", "", "", 1450000000, 825000000, ""],
    ["5", "BELANJA", "", "", "", 750000000, 350000000, ""],
    ["1", "Bidang Penyelenggaraan Pemerintahan Desa", "", "", "", 380000000, 190000000, ""],
    ["1.1.01", "Penghasilan tetap kepala desa dan perangkat", "5.1", "Kantor desa", "ADD"]
    + [380000000, 190000000, "2026-06-30"],
    ["2", "Bidang Pelaksanaan Pembangunan Desa", "", "", "", 370000000, 160000000, ""],
    ["2.2.01", "Penyelenggaraan posyandu", "5.2", "Semua dusun", "", 120000000, 60000000]
    + ["2026-06-30"],
    ["2.3", "Sub Bidang Pekerjaan Umum", "", "", "", 250000000, 100000000, ""],
    ["2.3.01", "Rehabilitasi jalan usaha tani", "5.3", "Dusun Karang Bedil", "DDS"]
    + [250000000, 100000000, "2026-06-30"],
    ["", "JUMLAH BELANJA", "", "", "", 750000000, 350000000, ""],
    ["", "SURPLUS/(DEFISIT)", "", "", "", 700000000, 475000000, ""],
    ["6.1", "Penerimaan Pembiayaan", "", "", "", 35000000, 35000000, ""],
    ["6.1.1", "SiLPA tahun sebelumnya", "", "", "", 35000000, 35000000, "2026-06-30"],
    ["6.2", "Pengeluaran Pembiayaan", "", "", "", 50000000, 0, ""],
    ["6.2.2", "Penyertaan modal BUMDes", "", "", "", 50000000, 0, ""],
    ["", "PEMBIAYAAN NETTO", "", "", "", -15000000, 35000000, ""],
    ["", "SILPA TAHUN BERJALAN", "", "", "", 685000000, 510000000, ""],
]
MAX_BARIS = 5000
TIDAK_DISEBUTKAN = "tidak disebutkan"
_SUMBER_KOSONG = {"", "-", "\u2013", "\u2014", TIDAK_DISEBUTKAN.upper()}


def parse_tanggal(text):
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def _rows(text):
    text = text.lstrip("\ufeff")
    sample = text[:2048]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _kolom(heading):
    name = re.sub(r"\(rp\)|\brp\b\.?", "", heading.strip().lower()).strip()
    name = re.sub(r"[\s/]+", "_", name)
    return ALIAS.get(name, name)


def _cari_judul(rows):
    """Index of the heading row: printed files may open with a title block."""
    for i, row in enumerate(rows[:20]):
        names = {_kolom(h) for h in row}
        if {"kode", "uraian"} <= names:
            return i
    return None


def _nomor_kolom(row):
    """The printed row of column numbers under the heading: 1, 2, 3, 4 …"""
    cells = [c.strip() for c in row if c.strip()]
    return len(cells) > 1 and cells == [str(i) for i in range(1, len(cells) + 1)]


def _jumlah(item, kolom, salah, negatif=False):
    text = item.get(kolom, "")
    value = cetak.parse_rupiah(text, negatif=negatif)
    if value is None:
        salah.append(
            _("%(kolom)s %(teks)r bukan angka rupiah (tulis 1.004.459.000 atau 1004459000)")
            % {"kolom": kolom, "teks": text}
        )
    elif abs(value) > cetak.BATAS:
        salah.append(_("%(kolom)s %(teks)s terlalu besar") % {"kolom": kolom, "teks": text})
        value = None
    return value


def baca_tabel(text, tambahan=frozenset()):
    """Parse and validate a table. Returns (lines as dicts, [Subtotal], [(row, message)]).

    Lines carry their row number (`nomor`); subtotals are checked separately
    (cetak.periksa_subtotal) because an amendment import checks them on the merged page.
    """
    rows = _rows(text)
    judul = _cari_judul(rows)
    if not any(any(c.strip() for c in r) for r in rows):
        return [], [], [(1, _("Berkas kosong."))]
    header = [_kolom(h) for h in rows[judul or 0]]
    missing = [k for k in WAJIB if k not in header]
    if judul is None or missing:
        return [], [], [(1, _("Kolom wajib tidak ada: %s.") % ", ".join(missing or WAJIB))]
    if sum(1 for r in rows[judul + 1 :] if any(c.strip() for c in r)) > MAX_BARIS:
        return [], [], [(1, _("Paling banyak %d baris per berkas.") % MAX_BARIS)]
    hasil, subtotal, errors, seen = [], [], [], {}
    bagian = cetak.Bagian()
    for nomor, raw in enumerate(rows[judul + 1 :], start=judul + 2):
        if not any(cell.strip() for cell in raw) or (nomor == judul + 2 and _nomor_kolom(raw)):
            continue
        item = {
            k: (buang_awalan(raw[i].strip()) if i < len(raw) else "") for i, k in enumerate(header)
        }
        ada_angka = bool(item.get("anggaran") or item.get("realisasi"))
        jenis, info = cetak.kenali(bagian, nomor, item["kode"], item["uraian"], ada_angka)
        if jenis == cetak.LEWATI:
            continue
        if jenis == cetak.SALAH:
            errors.append((nomor, info))
            continue
        if jenis == cetak.SUBTOTAL:
            salah = []
            for kolom in ("anggaran", "realisasi"):
                if item.get(kolom):
                    setattr(info, kolom, _jumlah(item, kolom, salah, negatif=True))
            if salah:
                errors.append((nomor, "; ".join(salah)))
            elif info.anggaran is not None or info.realisasi is not None:
                subtotal.append(info)
            continue
        baris, salah = _baris(item, bagian, tambahan, seen)
        if salah:
            errors.append((nomor, "; ".join(salah)))
            continue
        seen[baris["kode"]] = nomor
        hasil.append({"nomor": nomor, **baris})
    if not hasil and not errors:
        errors.append((1, _("Tidak ada baris anggaran.")))
    return hasil, subtotal, errors


def _baris(item, bagian, tambahan, seen):
    """One budget line as a dict, and the list of what is wrong with it."""
    salah = []
    kode_error = hitung.cek_kode(cetak.kode_baris(bagian, item["kode"]) or item["kode"], tambahan)
    kode = cetak.kode_baris(bagian, item["kode"])
    if kode_error == "format":
        salah.append(_("kode %r tidak berformat 4.2.1 atau 2.3.01") % item["kode"])
    elif kode_error:
        salah.append(_("kode %s tidak ada dalam daftar kode rekening") % kode)
    elif kode in seen:
        salah.append(
            _("kode %(kode)s sudah dipakai di baris %(baris)d")
            % {"kode": kode, "baris": seen[kode]}
        )
    if not item.get("uraian"):
        salah.append(_("uraian kosong"))
    anggaran = _jumlah(item, "anggaran", salah)
    realisasi = _jumlah(item, "realisasi", salah) if item.get("realisasi") else Decimal(0)
    try:
        tanggal = parse_tanggal(item.get("tanggal_realisasi"))
    except ValueError:
        tanggal = None
        salah.append(_("tanggal %r tidak dikenali (pakai 2026-06-30)") % item["tanggal_realisasi"])
    sumber = item.get("sumber_dana", "").strip().upper()
    sumber = "" if sumber in _SUMBER_KOSONG else sumber
    if sumber and sumber not in SUMBER_DANA:
        salah.append(_("sumber dana %r tidak dikenal") % sumber)
    jenis = item.get("jenis_belanja", "")
    if jenis and jenis not in JENIS_BELANJA:
        salah.append(_("jenis belanja %r tidak dikenal") % jenis)
    baris = {
        "kode": kode,
        "kelompok": hitung.kelompok_kode(kode) if kode else None,
        "uraian": item.get("uraian", "")[:250],
        "jenis_belanja": jenis,
        "lokasi": item.get("lokasi", "")[:150],
        "sumber_dana": sumber,
        "anggaran": anggaran,
        "realisasi": realisasi,
        "tanggal_realisasi": tanggal,
    }
    return baris, salah


def periksa(rows, subtotal):
    """Subtotal errors of parsed lines (dicts or model rows)."""
    objek = [SimpleNamespace(**r) if isinstance(r, dict) else r for r in rows]
    return cetak.periksa_subtotal(objek, subtotal)


def baca_csv(text, tambahan=frozenset()):
    """Parse, validate and check subtotals. Returns (lines as dicts, [(row, message)])."""
    rows, subtotal, errors = baca_tabel(text, tambahan)
    if not errors:
        errors = periksa(rows, subtotal)
    return rows, sorted(errors, key=lambda e: e[0])


def _nilai(value):
    return f"{value:.2f}".rstrip("0").rstrip(".") if value is not None else ""


def _sumber(baris):
    """A belanja line without a source says so; it is never filled in."""
    if baris.sumber_dana or baris.kelompok != hitung.BELANJA:
        return baris.sumber_dana
    return TIDAK_DISEBUTKAN


def export_csv_response(page):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"apbdes-{page.tahun}-{page.versi}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheet programs then read UTF-8 correctly
    writer = csv.writer(response)
    writer.writerow(["kelompok", *KOLOM])
    for b in page.semua_baris:
        writer.writerow(
            [
                *aman_baris([b.kelompok, b.kode, b.uraian, b.jenis_belanja, b.lokasi, _sumber(b)]),
                _nilai(b.anggaran),
                _nilai(b.realisasi),
                b.tanggal_realisasi.isoformat() if b.tanggal_realisasi else "",
            ]
        )
    return response


def export_json_response(page, request):
    r = page.ringkasan

    def jumlah(j):
        return {"anggaran": _nilai(j.anggaran), "realisasi": _nilai(j.realisasi)}

    profil = getattr(request, "desa_profil", None)
    data = {
        "desa": profil.nama_desa if profil else "",
        "tahun": page.tahun,
        "versi": page.versi,
        "nomor_perdes": page.nomor_perdes,
        "url": page.full_url,
        "ringkasan": {
            "pendapatan": jumlah(r.pendapatan),
            "belanja": jumlah(r.belanja),
            "surplus_defisit": jumlah(r.surplus),
            "pembiayaan_penerimaan": jumlah(r.penerimaan),
            "pembiayaan_pengeluaran": jumlah(r.pengeluaran),
            "pembiayaan_netto": jumlah(r.pembiayaan_netto),
            "silpa": jumlah(r.silpa),
        },
        "baris": [
            {
                "kelompok": b.kelompok,
                "kode": b.kode,
                "uraian": b.uraian,
                "jenis_belanja": b.jenis_belanja,
                "lokasi": b.lokasi,
                "sumber_dana": _sumber(b),
                "anggaran": _nilai(b.anggaran),
                "realisasi": _nilai(b.realisasi),
                "tanggal_realisasi": b.tanggal_realisasi.isoformat()
                if b.tanggal_realisasi
                else None,
            }
            for b in page.semua_baris
        ],
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="apbdes-{page.tahun}-{page.versi}.json"'
    return response


def templat_csv():
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(KOLOM)
    writer.writerows(CONTOH)
    return out.getvalue()


def templat_xlsx():
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "APBDes"
    ws.append(KOLOM)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in CONTOH:
        ws.append(row)
    ref = wb.create_sheet("Petunjuk")
    ref.append([_("Kolom"), _("Keterangan")])
    ref.append(["kode", _("4.x.x pendapatan, 6.1.x/6.2.x pembiayaan, bidang.sub.kegiatan belanja")])
    ref.append(["jenis_belanja", ", ".join(JENIS_BELANJA)])
    ref.append(
        ["sumber_dana", ", ".join(SUMBER_DANA) + " " + _("(boleh kosong bila tidak disebutkan)")]
    )
    ref.append(
        [
            "anggaran/realisasi",
            _("1.004.459.000, 1.004.459.000,00, Rp 1.004.459.000 atau 1004459000"),
        ]
    )
    ref.append(
        [
            _("baris kelompok"),
            _(
                "Baris 4, 4.1, 5, bidang 1, sub-bidang 2.3, JUMLAH PENDAPATAN, JUMLAH BELANJA, "
                "SURPLUS/(DEFISIT), PEMBIAYAAN NETTO dan SILPA TAHUN BERJALAN boleh ikut: "
                "tidak disimpan, tetapi dicocokkan dengan jumlah barisnya."
            ),
        ]
    )
    ref.append(["tanggal_realisasi", _("format 2026-06-30")])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def xlsx_ke_csv(data):
    """Read an uploaded XLSX (first sheet) as CSV text, so one validator serves both."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    ws = wb.worksheets[0]
    out = io.StringIO()
    writer = csv.writer(out)
    kosong = 0
    for row in ws.iter_rows(values_only=True):
        # Formatting can stretch a sheet to a million empty rows: stop after a long gap.
        kosong = kosong + 1 if all(v is None for v in row) else 0
        if kosong > 1000:
            break
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif isinstance(value, datetime | date):
                cells.append(value.strftime("%Y-%m-%d"))
            elif isinstance(value, float) and value.is_integer():
                cells.append(str(int(value)))
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return out.getvalue()
