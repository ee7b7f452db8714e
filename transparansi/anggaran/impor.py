"""CSV import, CSV/JSON open-data export and the spreadsheet template of APBDes lines.

Import is all-or-nothing: every row is checked first, and only a file without errors
becomes a new draft revision of the page (adminviews.impor_ke_halaman; published through
the usual moderation).
"""

import csv
import io
import json
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from sitecore.ekspor import aman_baris, buang_awalan
from transparansi import apbdes as hitung
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
CONTOH = [
    ["4.2.1", "Dana Desa", "", "", "", "1000000000", "600000000", "2026-06-30"],
    ["4.2.3", "Alokasi Dana Desa", "", "", "", "450000000", "225000000", "2026-06-30"],
    [
        "1.1.01",
        "Penghasilan tetap kepala desa dan perangkat",
        "5.1",
        "Kantor desa",
        "ADD",
        "380000000",
        "190000000",
        "2026-06-30",
    ],
    [
        "2.3.01",
        "Rehabilitasi jalan usaha tani",
        "5.3",
        "Dusun Karang Bedil",
        "DDS",
        "250000000",
        "100000000",
        "2026-06-30",
    ],
    ["6.1.1", "SiLPA tahun sebelumnya", "", "", "", "35000000", "35000000", "2026-06-30"],
    ["6.2.2", "Penyertaan modal BUMDes", "", "", "", "50000000", "0", ""],
]
MAX_BARIS = 5000


def parse_rupiah(text):
    """ "Rp 1.250.000", "1250000", "1.250.000,50" and "1250000.50" -> Decimal."""
    text = (text or "").strip().replace("Rp", "").replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or re.search(r"\.\d{3}$", text):
        text = text.replace(".", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


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


def baca_csv(text, tambahan=frozenset()):
    """Parse and validate a CSV. Returns (rows as dicts, [(line number, message)])."""
    rows = _rows(text)
    if not rows:
        return [], [(1, _("Berkas kosong."))]
    header = [h.strip().lower() for h in rows[0]]
    missing = [k for k in WAJIB if k not in header]
    if missing:
        return [], [(1, _("Kolom wajib tidak ada: %s.") % ", ".join(missing))]
    if len(rows) - 1 > MAX_BARIS:
        return [], [(1, _("Paling banyak %d baris per berkas.") % MAX_BARIS)]
    hasil, errors, seen = [], [], {}
    for nomor, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        item = {
            k: (buang_awalan(raw[i].strip()) if i < len(raw) else "") for i, k in enumerate(header)
        }
        salah = []
        kode_error = hitung.cek_kode(item.get("kode", ""), tambahan)
        kode = hitung.normalisasi_kode(item.get("kode", ""))
        if kode_error == "format":
            salah.append(_("kode %r tidak berformat 4.2.1 atau 2.3.01") % item.get("kode", ""))
        elif kode_error:
            salah.append(_("kode %s tidak ada dalam daftar kode rekening") % kode)
        elif kode in seen:
            salah.append(
                _("kode %(kode)s sudah dipakai di baris %(baris)d")
                % {"kode": kode, "baris": seen[kode]}
            )
        if not item.get("uraian"):
            salah.append(_("uraian kosong"))
        anggaran = parse_rupiah(item.get("anggaran"))
        if anggaran is None or anggaran < 0:
            salah.append(_("anggaran %r bukan angka rupiah") % item.get("anggaran", ""))
        realisasi = parse_rupiah(item.get("realisasi")) if item.get("realisasi") else Decimal(0)
        if realisasi is None or realisasi < 0:
            salah.append(_("realisasi %r bukan angka rupiah") % item.get("realisasi", ""))
        try:
            tanggal = parse_tanggal(item.get("tanggal_realisasi"))
        except ValueError:
            tanggal = None
            salah.append(
                _("tanggal %r tidak dikenali (pakai 2026-06-30)") % item["tanggal_realisasi"]
            )
        sumber = item.get("sumber_dana", "").upper()
        if sumber and sumber not in SUMBER_DANA:
            salah.append(_("sumber dana %r tidak dikenal") % sumber)
        jenis = item.get("jenis_belanja", "")
        if jenis and jenis not in JENIS_BELANJA:
            salah.append(_("jenis belanja %r tidak dikenal") % jenis)
        if not kode_error and hitung.kelompok_kode(kode) == hitung.BELANJA and not sumber:
            salah.append(_("belanja kegiatan wajib diberi sumber dana"))
        if salah:
            errors.append((nomor, "; ".join(salah)))
            continue
        seen[kode] = nomor
        hasil.append(
            {
                "kode": kode,
                "uraian": item["uraian"][:250],
                "jenis_belanja": jenis,
                "lokasi": item.get("lokasi", "")[:150],
                "sumber_dana": sumber,
                "anggaran": anggaran,
                "realisasi": realisasi,
                "tanggal_realisasi": tanggal,
            }
        )
    if not hasil and not errors:
        errors.append((1, _("Tidak ada baris anggaran.")))
    return hasil, errors


def _nilai(value):
    return f"{value:.2f}".rstrip("0").rstrip(".") if value is not None else ""


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
                *aman_baris(
                    [b.kelompok, b.kode, b.uraian, b.jenis_belanja, b.lokasi, b.sumber_dana]
                ),
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
                "sumber_dana": b.sumber_dana,
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
    ref.append(["sumber_dana", ", ".join(SUMBER_DANA)])
    ref.append(["anggaran/realisasi", _("angka rupiah tanpa titik, misalnya 1250000")])
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
    for row in ws.iter_rows(values_only=True):
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


def json_dumps(data):
    return json.dumps(data, ensure_ascii=False)
