"""A budget table as printed (Perkades/Siskeudes): amounts, group and subtotal rows.

A printed APBDes carries its own group rows (4.1, bidang 2, sub-bidang 2.3) and subtotals
(JUMLAH PENDAPATAN, SURPLUS/(DEFISIT), SILPA …). They are never stored as lines: each one
is checked against the sum of the lines it covers, so a typo in one line is caught.
Plain functions, no database.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from sitecore.formatting import format_angka
from transparansi import apbdes as hitung

# Numeric(15, 2) in the database.
BATAS = Decimal("9999999999999.99")

_RUPIAH_RE = re.compile(
    r"^(?P<neg>[-\u2212])?(?:rp\.?)?(?P<neg2>[-\u2212])?"
    r"(?P<angka>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<sen>\d{1,2}|-))?$"
)
_DESIMAL_TITIK_RE = re.compile(r"^(?:rp\.?)?(?P<angka>\d+)\.(?P<sen>\d{1,2})$")

# What the whole-budget metrics are called in hitung.Ringkasan.
PENDAPATAN, BELANJA = "pendapatan", "belanja"
PENERIMAAN, PENGELUARAN = "penerimaan", "pengeluaran"
SURPLUS, NETTO, SILPA = "surplus", "pembiayaan_netto", "silpa"
_KELOMPOK_UKURAN = {
    PENDAPATAN: {hitung.PENDAPATAN},
    BELANJA: {hitung.BELANJA},
    PENERIMAAN: {hitung.PENERIMAAN},
    PENGELUARAN: {hitung.PENGELUARAN},
    SURPLUS: {hitung.PENDAPATAN, hitung.BELANJA},
    NETTO: {hitung.PENERIMAAN, hitung.PENGELUARAN},
    SILPA: set(hitung.KELOMPOK),
}

# Printed labels, reduced to their letters (see _huruf).
LABEL = {
    "JUMLAHPENDAPATAN": PENDAPATAN,
    "TOTALPENDAPATAN": PENDAPATAN,
    "JUMLAHBELANJA": BELANJA,
    "TOTALBELANJA": BELANJA,
    "SURPLUSDEFISIT": SURPLUS,
    "SURPLUSATAUDEFISIT": SURPLUS,
    "SURPLUS": SURPLUS,
    "DEFISIT": SURPLUS,
    "JUMLAHPENERIMAANPEMBIAYAAN": PENERIMAAN,
    "JUMLAHPENGELUARANPEMBIAYAAN": PENGELUARAN,
    "PEMBIAYAANNETTO": NETTO,
    "PEMBIAYAANNETO": NETTO,
    "JUMLAHPEMBIAYAANNETTO": NETTO,
    "SILPA": SILPA,
    "SILPATAHUNBERJALAN": SILPA,
    "SISALEBIHPEMBIAYAANANGGARANTAHUNBERJALAN": SILPA,
    "SISALEBIHPERHITUNGANANGGARANTAHUNBERJALAN": SILPA,
    "SILPASILPATAHUNBERJALAN": SILPA,
}
# Section headings printed without a code.
JUDUL = {
    "PENDAPATAN": ("4", PENDAPATAN),
    "BELANJA": ("5", BELANJA),
    "PEMBIAYAAN": ("6", NETTO),
    "PENERIMAANPEMBIAYAAN": ("6.1", PENERIMAAN),
    "PENGELUARANPEMBIAYAAN": ("6.2", PENGELUARAN),
}


def parse_rupiah(text, negatif=False):
    """Amounts as printed -> Decimal; None when the text is not one of these forms.

    1.004.459.000 · 1.004.459.000,00 · Rp 1.004.459.000 · Rp1.004.459.000,- · 1004459000
    · 1004459000.50 (our own CSV export). Subtotals may be negative: -1.000, (1.000).
    """
    text = (text or "").strip().lower().replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    kurung = negatif and text.startswith("(") and text.endswith(")")
    if kurung:
        text = text[1:-1]
    match = _RUPIAH_RE.match(text)
    if match:
        neg = bool(match["neg"] or match["neg2"])
        angka, sen = match["angka"].replace(".", ""), match["sen"]
    else:
        match = _DESIMAL_TITIK_RE.match(text)
        if not match:
            return None
        neg, angka, sen = False, match["angka"], match["sen"]
    if neg and (kurung or not negatif):
        return None
    try:
        value = Decimal(angka + ("." + sen if sen and sen != "-" else ""))
    except InvalidOperation:
        return None
    return -value if neg or kurung else value


def format_jumlah(value):
    """Rp 1.250.000 (with cents only when there are any), for error messages."""
    value = Decimal(value)
    teks = format_angka(abs(value), 0 if value == value.to_integral() else 2)
    return ("-" if value < 0 else "") + "Rp\u00a0" + teks


def _huruf(text):
    return re.sub(r"[^A-Z]", "", (text or "").upper())


def _segmen(kode):
    kode = (kode or "").strip().replace(" ", "").rstrip(".")
    if not re.fullmatch(r"\d{1,3}(\.\d{1,3})?", kode):
        return None
    return [int(p) for p in kode.split(".")]


@dataclass
class Subtotal:
    """A printed group or subtotal row: what it covers and the amounts it states."""

    nomor: int
    kode: str
    uraian: str
    ukuran: str  # PENDAPATAN … SILPA: the Ringkasan figure it states
    awalan: str = ""  # only lines whose code starts with this ("2.3", "4.1")
    anggaran: Decimal | None = None
    realisasi: Decimal | None = None


@dataclass
class Bagian:
    """Where the reader is in the printed table: 4 and 4.1 mean two things."""

    nama: str = ""  # "", PENDAPATAN, BELANJA or NETTO (pembiayaan)


SUBTOTAL, BARIS, LEWATI, SALAH = "subtotal", "baris", "lewati", "salah"


def kenali(bagian, nomor, kode, uraian, ada_angka=True):
    """(SUBTOTAL, Subtotal) | (BARIS, None) | (LEWATI, None) | (SALAH, message).

    Updates `bagian`. Codes of one or two segments are groups; 4 and 4.1 are pendapatan
    before the BELANJA heading and bidang/sub-bidang after it. A row without a code is a
    subtotal when its label is a known one (the label may sit in the code cell when the
    printed cells were merged), a text row when it has no amounts, and an error otherwise.
    """
    kode, uraian = (kode or "").strip(), (uraian or "").strip()
    seg = _segmen(kode)
    if not kode or (seg is None and not re.match(r"^\d", kode) and not uraian):
        teks = uraian or kode
        label = _huruf(teks)
        if label in LABEL:
            return SUBTOTAL, Subtotal(nomor, "", teks, LABEL[label])
        if label in JUDUL:
            kode_judul, ukuran = JUDUL[label]
            bagian.nama = {"4": PENDAPATAN, "5": BELANJA}.get(kode_judul, NETTO)
            awalan = kode_judul if "." in kode_judul else ""
            return SUBTOTAL, Subtotal(nomor, "", teks, ukuran, awalan)
        if not ada_angka:
            return LEWATI, None
        return SALAH, _(
            "baris tanpa kode dengan uraian %r bukan baris jumlah yang dikenal "
            "(misalnya JUMLAH PENDAPATAN, SURPLUS/(DEFISIT), SILPA TAHUN BERJALAN)"
        ) % teks
    if seg is None:
        return BARIS, None  # three segments, or a bad code the line rules report
    huruf = _huruf(uraian)
    teks = ".".join(str(s) for s in seg)
    if seg[0] == 6:
        bagian.nama = NETTO
        if len(seg) == 1:
            return SUBTOTAL, Subtotal(nomor, teks, uraian, NETTO)
        if seg[1] in (1, 2):
            ukuran = (PENERIMAAN, PENGELUARAN)[seg[1] - 1]
            return SUBTOTAL, Subtotal(nomor, teks, uraian, ukuran, teks)
    elif seg[0] == 4 and bagian.nama != BELANJA and "BIDANG" not in huruf:
        bagian.nama = PENDAPATAN
        return SUBTOTAL, Subtotal(nomor, teks, uraian, PENDAPATAN, teks if len(seg) == 2 else "")
    elif (
        seg == [5]
        and not huruf.startswith(("BIDANG", "PENANGGULANGAN"))
        and (bagian.nama != BELANJA or huruf == "BELANJA")
    ):
        bagian.nama = BELANJA
        return SUBTOTAL, Subtotal(nomor, teks, uraian, BELANJA)
    elif 1 <= seg[0] <= 5:
        if len(seg) == 2 and seg[0] == 5 and huruf.startswith("BELANJA"):
            return SALAH, _(
                "baris %(kode)s %(uraian)s: rincian per jenis belanja belum dapat diimpor; "
                "tulis jenisnya di kolom jenis_belanja pada baris kegiatan"
            ) % {"kode": teks, "uraian": uraian}
        bagian.nama = BELANJA
        return SUBTOTAL, Subtotal(nomor, teks, uraian, BELANJA, teks)
    return SALAH, _("kode %r bukan kode kelompok, bidang atau sub-bidang yang dikenal") % kode


def kode_baris(bagian, kode):
    """A line's normalised code; in the belanja section 4.1.1 is a kegiatan (4.1.01)."""
    norm = hitung.normalisasi_kode(kode)
    if norm and bagian.nama == BELANJA and hitung.kelompok_kode(norm) == hitung.PENDAPATAN:
        first, second, last = norm.split(".")
        return f"{first}.{second}.{int(last):02d}"
    return norm


def _rentang(nomor):
    """[5, 6, 7, 9] -> "5–7, 9"."""
    parts, nomor = [], sorted(nomor)
    start = prev = None
    for n in nomor + [None]:
        if start is not None and (n is None or n != prev + 1):
            parts.append(str(start) if start == prev else f"{start}–{prev}")
            start = None
        if n is not None and start is None:
            start = n
        prev = n
    return ", ".join(parts)


def periksa_subtotal(semua_baris, subtotal):
    """[(row number, message)] for every subtotal that disagrees with its lines.

    `semua_baris`: objects with kode, kelompok (or derivable), anggaran, realisasi and an
    optional `nomor` (row in the file; None for a line kept from the page).
    """
    errors = []
    for sub in subtotal:
        kelompok = _KELOMPOK_UKURAN[sub.ukuran]
        dipakai = [
            b
            for b in semua_baris
            if (getattr(b, "kelompok", None) or hitung.kelompok_kode(b.kode)) in kelompok
            and (not sub.awalan or hitung.normalisasi_kode(b.kode).startswith(sub.awalan + "."))
        ]
        ringkasan = hitung.ringkasan(dipakai)
        jumlah = getattr(ringkasan, sub.ukuran)
        nomor = [b.nomor for b in dipakai if getattr(b, "nomor", None)]
        lama = len(dipakai) - len(nomor)
        if nomor:
            asal = _("jumlah baris %s") % _rentang(nomor)
            if lama:
                asal += _(" dan %d baris yang sudah ada") % lama
        elif lama:
            asal = _("jumlah %d baris yang sudah ada") % lama
        else:
            asal = _("tidak ada baris rinciannya, jumlahnya")
        nama = " ".join(filter(None, [sub.kode, sub.uraian]))
        for kolom, tertulis, hitungan in (
            (_("anggaran"), sub.anggaran, jumlah.anggaran),
            (_("realisasi"), sub.realisasi, jumlah.realisasi),
        ):
            if tertulis is not None and tertulis != hitungan:
                errors.append(
                    (
                        sub.nomor,
                        _(
                            "%(nama)s: %(kolom)s tertulis %(tertulis)s, "
                            "sedangkan %(asal)s %(hitungan)s"
                        )
                        % {
                            "nama": nama,
                            "kolom": kolom,
                            "tertulis": format_jumlah(tertulis),
                            "asal": asal,
                            "hitungan": format_jumlah(hitungan),
                        },
                    )
                )
    return errors


def gabung_perubahan(lama, baru):
    """Amendment import of changed lines only: a line whose code is imported is replaced
    in place, new codes follow in file order, every other line stays."""
    per_kode = {b["kode"]: b for b in baru}
    hasil = []
    for baris in lama:
        kode = hitung.normalisasi_kode(baris.kode) or baris.kode
        hasil.append(per_kode.pop(kode, baris))
    return hasil + list(per_kode.values())
