"""The yearly report's question about proposals: how many were accommodated, and for whom.

Shares by dusun and by reporter group (women, female household heads, people with
disabilities, the elderly, the young): the groups the Keran Desa survey asks villages to
watch in planning. A fixed number of queries whatever the volume.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from pengaduan.models.pengaduan import Gender, Jenis, KelompokUmur
from pengaduan.usulan.models import HasilUsulan

DITAMPUNG = Q(jalur_usulan__hasil__in=[HasilUsulan.DITAMPUNG_DESA, HasilUsulan.DITAMPUNG_LUAR])

KELOMPOK = [
    (gettext_noop("Semua usulan"), Q()),
    (gettext_noop("Perempuan"), Q(gender=Gender.PEREMPUAN)),
    (gettext_noop("Kepala keluarga perempuan"), Q(rentan_kk_perempuan=True)),
    (gettext_noop("Penyandang disabilitas"), Q(rentan_disabilitas=True)),
    (gettext_noop("Lanjut usia"), Q(rentan_lansia=True) | Q(kelompok_umur=KelompokUmur.LANSIA)),
    (gettext_noop("Pemuda (17–29 tahun)"), Q(kelompok_umur=KelompokUmur.MUDA)),
]


def persen(bagian, total):
    return round(100 * bagian / total) if total else None


def _baris(label, total, ditampung):
    return {
        "label": label,
        "total": total,
        "ditampung": ditampung,
        "persen": persen(ditampung, total),
    }


def ringkas(qs):
    """Raw counts of the proposals among `qs` (one period's items, spam left out):
    numbers and {dusun id: counts}, which add up across periods."""
    usulan = qs.filter(jenis=Jenis.ASPIRASI)
    agg = {}
    for i, (_label, q) in enumerate(KELOMPOK):
        agg[f"t{i}"] = Count("pk", filter=q)
        agg[f"d{i}"] = Count("pk", filter=q & DITAMPUNG)
    for hasil in HasilUsulan.values:
        agg[hasil] = Count("pk", filter=Q(jalur_usulan__hasil=hasil))
    agg["dibahas"] = Count("pk", filter=Q(jalur_usulan__isnull=False))
    per_dusun = {
        row["dusun_id"]: {"total": row["total"], "ditampung": row["ditampung"]}
        for row in usulan.values("dusun_id")
        .annotate(total=Count("pk"), ditampung=Count("pk", filter=DITAMPUNG))
        .order_by()
    }
    return {"n": usulan.aggregate(**agg), "dusun": per_dusun}


def rekap(raw, nama_dusun):
    """Figures for the proposals from `ringkas` (summed over a period); `nama_dusun`
    maps dusun ids to names."""
    n = raw["n"]
    per_kelompok = [
        _baris(_(label), n[f"t{i}"], n[f"d{i}"])
        for i, (label, _q) in enumerate(KELOMPOK)
        if i == 0 or n[f"t{i}"]
    ]
    rows = sorted(
        ((nama_dusun.get(pk), c) for pk, c in raw["dusun"].items() if c["total"]),
        key=lambda row: (row[0] is None, row[0] or ""),
    )
    per_dusun = [_baris(nama or _("Tidak diisi"), c["total"], c["ditampung"]) for nama, c in rows]
    total = n["t0"]
    return {
        "total": total,
        "dibahas": n["dibahas"],
        "ditampung": n["d0"],
        "persen": persen(n["d0"], total),
        "per_hasil": [(str(label), n[value]) for value, label in HasilUsulan.choices],
        "per_kelompok": per_kelompok,
        "per_dusun": per_dusun,
    }


def baris_ekspor(data):
    """Rows for the CSV/XLSX export."""
    yield []
    yield [_("Usulan pembangunan"), _("Jumlah")]
    yield [_("Usulan masuk"), data["total"]]
    yield [_("Sudah dibahas"), data["dibahas"]]
    for label, n in data["per_hasil"]:
        yield [label, n]
    for judul, rows in (
        (_("Usulan ditampung menurut kelompok pengusul"), data["per_kelompok"]),
        (_("Usulan ditampung menurut dusun"), data["per_dusun"]),
    ):
        yield []
        yield [judul, _("Usulan"), _("Ditampung"), _("Persen ditampung")]
        for r in rows:
            yield [r["label"], r["total"], r["ditampung"], r["persen"]]
