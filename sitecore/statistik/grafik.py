"""Geometry of the trend line chart: plain numbers the template draws as SVG.

The viewBox is 360 units wide and the picture scales with its container, so on a
360 px phone the 12-unit text stays readable; margins leave room for the tick labels
on the left and for a date label centred on the last point on the right.
"""

import math

LEBAR = 360
TINGGI = 210
KIRI = 50  # tick labels ("3.850") end left of the plot
SISIP = 24  # the first point sits this far inside, so its label clears the tick labels
KANAN = 40  # half a date label ("30 Nov 2026") right of the last point
ATAS = 26  # value label above the highest point
BAWAH = 34  # date labels under the axis
JARAK_LABEL = 78  # least distance between two labelled points


def langkah_rapi(rentang, jumlah=4):
    """A round tick step (1, 2 or 5 times a power of ten) giving about `jumlah` steps."""
    if rentang <= 0:
        return 1
    kasar = rentang / jumlah
    pangkat = 10 ** math.floor(math.log10(kasar))
    for faktor in (1, 2, 5, 10):
        if faktor * pangkat >= kasar:
            return max(1, int(faktor * pangkat))
    return max(1, int(10 * pangkat))  # pragma: no cover - the loop always returns


RENTANG_MIN = 0.1  # the axis spans at least this share of the largest value


def skala(nilai, jumlah=4):
    """(lowest, highest, step) of a value axis covering `nilai` with round ticks.

    The axis need not start at zero, so a village's yearly change of about one percent
    is visible, but it spans at least a tenth of the largest value, so such a change
    does not look like a leap; the tick labels say where it starts.
    """
    lo, hi = min(nilai), max(nilai)
    kurang = hi * RENTANG_MIN - (hi - lo)
    if kurang > 0:
        lo, hi = max(0, lo - kurang / 2), hi + kurang / 2
    step = langkah_rapi(hi - lo, jumlah) if hi > lo else langkah_rapi(max(hi, 1) / 10, 1)
    bawah = int(lo // step) * step
    atas = int(-((-hi) // step)) * step
    if atas == bawah:
        bawah, atas = max(0, bawah - step), atas + step
    return bawah, atas, step


def _berlabel(xs):
    """Which points get labels: the first and last, and between them every point far
    enough from its labelled neighbours (the rest keep their value in a tooltip)."""
    pilih = [False] * len(xs)
    pilih[-1] = True
    sebelumnya = None
    for i, x in enumerate(xs[:-1]):
        jauh = sebelumnya is None or x - sebelumnya >= JARAK_LABEL
        if jauh and xs[-1] - x >= JARAK_LABEL:
            pilih[i] = True
            sebelumnya = x
    return pilih


def garis_tren(titik, lebar=LEBAR, tinggi=TINGGI):
    """[(date, value)] -> the chart geometry, or None with fewer than two points.

    Points sit at their date on a time axis (snapshots need not be evenly spaced).
    """
    titik = sorted(titik)
    if len(titik) < 2:
        return None
    awal, akhir = titik[0][0], titik[-1][0]
    hari = (akhir - awal).days or 1
    kanan = lebar - KANAN
    dasar = tinggi - BAWAH
    bawah, atas, step = skala([v for _t, v in titik])

    mulai = KIRI + SISIP

    def x_of(tanggal):
        return round(mulai + (kanan - mulai) * (tanggal - awal).days / hari, 1)

    def y_of(nilai):
        return round(dasar - (dasar - ATAS) * (nilai - bawah) / (atas - bawah), 1)

    xs = [x_of(t) for t, _v in titik]
    labels = _berlabel(xs)
    points = [
        {"tanggal": t, "nilai": v, "x": x, "y": y_of(v), "label": lbl}
        for (t, v), x, lbl in zip(titik, xs, labels, strict=True)
    ]
    ticks = [{"nilai": n, "y": y_of(n)} for n in range(bawah, atas + 1, step)]
    return {
        "lebar": lebar,
        "tinggi": tinggi,
        "kiri": KIRI,
        "kanan": kanan,
        "dasar": dasar,
        "titik": points,
        "ticks": ticks,
        "garis": " ".join(f"{p['x']},{p['y']}" for p in points),
    }
