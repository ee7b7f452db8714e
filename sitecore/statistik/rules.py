"""Population statistics rules: totals, percentages, trend, CSV and the SVG chart.

Plain functions so they are tested without pages; templates only display the results.
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from sitecore.ekspor import aman_csv, buang_awalan
from sitecore.formatting import format_angka

MAX_CSV_ROWS = 500
MAX_LABEL = 120


def persen(part, whole):
    """Share of `whole` as a Decimal with one decimal; 0 when there is nothing to share."""
    if not whole:
        return Decimal("0.0")
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)


@dataclass
class BarisStatistik:
    label: str
    laki_laki: int
    perempuan: int
    jumlah: int = 0
    persen: Decimal = Decimal("0.0")
    persen_laki_laki: Decimal = Decimal("0.0")
    persen_perempuan: Decimal = Decimal("0.0")


@dataclass
class TabelStatistik:
    baris: list = field(default_factory=list)
    laki_laki: int = 0
    perempuan: int = 0
    jumlah: int = 0

    @property
    def persen_laki_laki(self):
        return persen(self.laki_laki, self.jumlah)

    @property
    def persen_perempuan(self):
        return persen(self.perempuan, self.jumlah)

    @property
    def maksimum(self):
        return max([max(b.laki_laki, b.perempuan) for b in self.baris] or [0])


def hitung_tabel(rows):
    """rows: [(label, laki_laki, perempuan)] -> TabelStatistik with totals and shares.

    Each row's percentages are of the grand total (as villages publish them), so the
    `persen` column adds up to 100 apart from rounding.
    """
    tabel = TabelStatistik()
    for label, laki, perempuan in rows:
        laki, perempuan = int(laki or 0), int(perempuan or 0)
        tabel.baris.append(BarisStatistik(label, laki, perempuan, laki + perempuan))
        tabel.laki_laki += laki
        tabel.perempuan += perempuan
    tabel.jumlah = tabel.laki_laki + tabel.perempuan
    for b in tabel.baris:
        b.persen = persen(b.jumlah, tabel.jumlah)
        b.persen_laki_laki = persen(b.laki_laki, tabel.jumlah)
        b.persen_perempuan = persen(b.perempuan, tabel.jumlah)
    return tabel


def ringkasan_penduduk(pages):
    """Headline figures for the index: the sex breakdown if entered, else the first data."""
    chosen = None
    for page in pages:
        if page.terbaru is None:
            continue
        if page.jenis == "jenis_kelamin":
            chosen = page
            break
        chosen = chosen or page
    if chosen is None:
        return None
    snap = chosen.terbaru
    tabel = hitung_tabel(snap.rows())
    kk = next((p.terbaru.jumlah_kk for p in pages if p.terbaru and p.terbaru.jumlah_kk), None)
    return {
        "jumlah": tabel.jumlah,
        "laki_laki": tabel.laki_laki,
        "perempuan": tabel.perempuan,
        "kk": kk,
        "tanggal": snap.tanggal,
        "page": chosen,
    }


def tren(snapshots):
    """Totals per group across snapshots (oldest first), or None with fewer than two."""
    if len(snapshots) < 2:
        return None
    ordered = sorted(snapshots, key=lambda s: s.tanggal)
    tables = [hitung_tabel(s.rows()) for s in ordered]
    labels = []
    for t in tables:
        for b in t.baris:
            if b.label not in labels:
                labels.append(b.label)
    rows = []
    for label in labels:
        values = []
        for t in tables:
            match = next((b.jumlah for b in t.baris if b.label == label), None)
            values.append(match)
        rows.append({"label": label, "nilai": values})
    return {
        "tanggal": [s.tanggal for s in ordered],
        "baris": rows,
        "jumlah": [t.jumlah for t in tables],
    }


# --- SVG chart -------------------------------------------------------------------------

CHART_WIDTH = 360
LABEL_HEIGHT = 19
BAR_HEIGHT = 13
ROW_GAP = 10
LEGEND_HEIGHT = 26
BAR_LEFT = 4
NUMBER_SPACE = 64


def bar_chart_svg(tabel, title, chart_id="grafik"):
    """Horizontal paired bars (men, women) per group, sized for a 360 px wide screen.

    Each group gets its own label line above the bars, so long labels never squeeze
    the bars; the picture scales with its container and needs no script.
    """
    chart_id = re.sub(r"[^A-Za-z0-9_-]", "", chart_id) or "grafik"
    row_height = LABEL_HEIGHT + 2 * BAR_HEIGHT + 2 + ROW_GAP
    height = LEGEND_HEIGHT + row_height * len(tabel.baris) + 4
    usable = CHART_WIDTH - BAR_LEFT - NUMBER_SPACE
    top = tabel.maksimum or 1
    laki_label, perempuan_label = _("Laki-laki"), _("Perempuan")
    desc = _(
        "Grafik batang jumlah laki-laki dan perempuan per kelompok; angka lengkap ada di tabel."
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
        f'aria-labelledby="{chart_id}-judul {chart_id}-ket">',
        f'<title id="{chart_id}-judul">{escape(title)}</title>',
        f'<desc id="{chart_id}-ket">{escape(desc)}</desc>',
        '<g class="legenda" font-size="12">',
        f'<rect x="{BAR_LEFT}" y="6" width="12" height="12" class="bar-l"/>',
        f'<text x="{BAR_LEFT + 16}" y="16">{escape(laki_label)}</text>',
        f'<rect x="{BAR_LEFT + 110}" y="6" width="12" height="12" class="bar-p"/>',
        f'<text x="{BAR_LEFT + 126}" y="16">{escape(perempuan_label)}</text>',
        "</g>",
    ]
    y = LEGEND_HEIGHT
    for b in tabel.baris:
        parts.append('<g class="baris" font-size="14">')
        parts.append(f'<text x="{BAR_LEFT}" y="{y + 14}" class="label">{escape(b.label)}</text>')
        for offset, value, css, who in (
            (LABEL_HEIGHT, b.laki_laki, "bar-l", laki_label),
            (LABEL_HEIGHT + BAR_HEIGHT + 2, b.perempuan, "bar-p", perempuan_label),
        ):
            width = round(usable * value / top, 1)
            bar_y = y + offset
            tip = f"{b.label}, {who}: {format_angka(value)}"
            parts.append(
                f'<rect x="{BAR_LEFT}" y="{bar_y}" width="{width}" height="{BAR_HEIGHT}" '
                f'class="{css}"><title>{escape(tip)}</title></rect>'
            )
            parts.append(
                f'<text x="{BAR_LEFT + width + 4}" y="{bar_y + 11}" font-size="12">'
                f"{escape(format_angka(value))}</text>"
            )
        parts.append("</g>")
        y += row_height
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


# --- CSV -------------------------------------------------------------------------------

HEADER_LABEL = {"label", "kelompok", "kategori", "uraian", "nama"}
HEADER_L = {"laki_laki", "laki-laki", "laki laki", "l", "lk"}
HEADER_P = {"perempuan", "p", "pr"}
NUMBER_RE = re.compile(r"^\d{1,3}(\.\d{3})+$|^\d+$")


class CsvError(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def _number(text):
    text = (text or "").strip().replace(" ", "")
    if not NUMBER_RE.match(text):
        return None
    return int(text.replace(".", ""))


def parse_csv(text):
    """CSV text -> [(label, laki_laki, perempuan)]; raises CsvError listing bad rows.

    Accepts comma or semicolon separators (spreadsheets in Indonesian locale write
    semicolons), an optional header row and thousands dots ("1.234").
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise CsvError([_("Berkas CSV kosong.")])
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows, errors, seen = [], [], set()
    for number, cells in enumerate(reader, start=1):
        if not any(c.strip() for c in cells):
            continue
        if number == 1 and cells and cells[0].strip().lower() in HEADER_LABEL:
            continue
        if len(cells) != 3:
            errors.append(
                _("Baris %(n)d: harus ada 3 kolom (kelompok, laki-laki, perempuan).")
                % {"n": number}
            )
            continue
        label = buang_awalan(cells[0].strip())
        laki, perempuan = _number(cells[1]), _number(cells[2])
        if not label:
            errors.append(_("Baris %(n)d: nama kelompok kosong.") % {"n": number})
        elif len(label) > MAX_LABEL:
            errors.append(
                _("Baris %(n)d: nama kelompok lebih dari %(max)d huruf.")
                % {"n": number, "max": MAX_LABEL}
            )
        elif label.lower() in seen:
            errors.append(
                _("Baris %(n)d: kelompok “%(label)s” sudah ada.") % {"n": number, "label": label}
            )
        if laki is None:
            errors.append(
                _("Baris %(n)d: jumlah laki-laki “%(v)s” bukan bilangan bulat nol atau lebih.")
                % {"n": number, "v": cells[1].strip()}
            )
        if perempuan is None:
            errors.append(
                _("Baris %(n)d: jumlah perempuan “%(v)s” bukan bilangan bulat nol atau lebih.")
                % {"n": number, "v": cells[2].strip()}
            )
        seen.add(label.lower())
        rows.append((label, laki, perempuan))
        if len(rows) > MAX_CSV_ROWS:
            errors.append(_("Terlalu banyak baris (paling banyak %d).") % MAX_CSV_ROWS)
            break
    if not rows and not errors:
        errors.append(_("Tidak ada baris data di berkas CSV."))
    if errors:
        raise CsvError(errors)
    return rows


def export_csv(rows, out):
    """Write the rows under a header; the output imports back unchanged."""
    writer = csv.writer(out)
    writer.writerow(["kelompok", "laki_laki", "perempuan"])
    for label, laki, perempuan in rows:
        writer.writerow([aman_csv(label), laki, perempuan])
