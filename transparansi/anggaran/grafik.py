"""Geometry of the server-side SVG charts: plain numbers the templates draw."""

from decimal import Decimal

LEBAR = 320  # viewBox width; scales down to a 360 px phone without losing text size much
TINGGI_BARIS = 46


def batang(items, lebar=LEBAR):
    """Horizontal bars for [(label, Jumlah)]: anggaran bar with the realisasi inside it."""
    items = list(items)
    maks = max((j.anggaran for _label, j in items), default=Decimal(0)) or Decimal(1)
    rows = []
    for i, (label, jumlah) in enumerate(items):
        y = i * TINGGI_BARIS
        w_anggaran = float(jumlah.anggaran / maks) * lebar
        w_realisasi = (
            min(float(jumlah.realisasi / maks) * lebar, w_anggaran) if jumlah.anggaran else 0
        )
        rows.append(
            {
                "label": label,
                "jumlah": jumlah,
                "y_teks": y + 14,
                "y_batang": y + 20,
                "w_anggaran": round(max(w_anggaran, 1), 1),
                "w_realisasi": round(w_realisasi, 1),
            }
        )
    return {"rows": rows, "lebar": lebar, "tinggi": len(rows) * TINGGI_BARIS + 4}


def progres(items, lebar=LEBAR):
    """Realisation bars (0–100 %) for [(label, Jumlah)]."""
    rows = []
    for i, (label, jumlah) in enumerate(items):
        pct = jumlah.persen
        w = float(min(pct, Decimal(100))) / 100 * lebar if pct is not None else 0
        rows.append(
            {
                "label": label,
                "jumlah": jumlah,
                "persen": pct,
                "y_teks": i * TINGGI_BARIS + 14,
                "y_batang": i * TINGGI_BARIS + 20,
                "w": round(w, 1),
            }
        )
    return {"rows": rows, "lebar": lebar, "tinggi": len(rows) * TINGGI_BARIS + 4}
