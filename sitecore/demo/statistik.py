"""Demo population statistics that agree with themselves.

Every figure is derived from a few base numbers per village: the population on the
first date, its yearly growth and the share of men. Each snapshot splits that
population by shares per sex, so within a snapshot every population-wide breakdown
adds up to the same men, women and total, and between snapshots each group changes
only as much as the population (and a slowly ageing age profile) does.
"""

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.statistik.admin import rows_to_stream
from sitecore.statistik.models import StatistikData, StatistikIndexPage, StatistikPage

# Snapshots a year apart, oldest first.
TANGGAL = [date(2024, 11, 30), date(2025, 11, 30), date(2026, 11, 30)]

UMUR = ["0–4", "5–9", "10–14", "15–19", "20–24", "25–29", "30–39", "40–49", "50–59", "60+"]
# Yearly shift of the age profile (percentage points): fewer births, more elderly.
GESER_UMUR = [-0.10, -0.08, -0.05, -0.02, 0, 0, 0, 0.05, 0.08, 0.12]
# Women outlive men: the 60+ share is weighted up for women and down for men.
LANSIA = {"laki_laki": Decimal("0.88"), "perempuan": Decimal("1.12")}


def bagi_sisa_terbesar(total, bobot):
    """Split the whole number `total` by the weights `bobot`, summing exactly to `total`.

    Largest-remainder rounding: everyone gets the floor of their exact share, and the
    units left over go to the largest fractional remainders (earlier groups win ties),
    so the parts always add up and none is more than one away from its exact share.
    """
    shares = [Fraction(str(b)) for b in bobot]
    if total < 0 or any(s < 0 for s in shares):
        raise ValueError("total and weights must not be negative")
    whole = sum(shares)
    if not whole:
        if total:
            raise ValueError("weights are all zero")
        return [0] * len(shares)
    exact = [total * s / whole for s in shares]
    parts = [int(e) for e in exact]  # floor: every value is non-negative
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in by_remainder[: total - sum(parts)]:
        parts[i] += 1
    return parts


@dataclass
class Kategori:
    jenis: str
    judul: str
    labels: list | None  # None: the village's dusun
    # Weights per sex, or one list for both; a village may override them in Basis.bobot.
    bobot: dict = field(default_factory=dict)
    keterangan: str = (
        "Seluruh penduduk Desa {desa} menurut {judul}, dari administrasi kependudukan."
    )


KATEGORI = [
    Kategori("jenis_kelamin", "Jenis Kelamin", ["Penduduk"], {"semua": [1]}),
    Kategori("kelompok_umur", "Kelompok Umur", UMUR),
    Kategori(
        "pendidikan",
        "Pendidikan dalam KK",
        [
            "Tidak/belum sekolah",
            "Belum tamat SD",
            "Tamat SD",
            "SLTP",
            "SLTA",
            "Diploma",
            "Sarjana (S1)",
            "S2/S3",
        ],
        {
            "laki_laki": [21.7, 13.2, 24.1, 15.8, 18.6, 2.1, 4.2, 0.3],
            "perempuan": [23.2, 12.9, 25.8, 16.1, 15.9, 2.2, 3.6, 0.3],
        },
        "Pendidikan terakhir seluruh penduduk Desa {desa} seperti tercatat di kartu "
        "keluarga (KK), termasuk anak yang belum sekolah.",
    ),
    Kategori(
        "pekerjaan",
        "Pekerjaan",
        [
            "Petani/pekebun",
            "Buruh tani",
            "Wiraswasta",
            "Pedagang",
            "Pelajar/mahasiswa",
            "Mengurus rumah tangga",
            "PNS/TNI/Polri",
            "Belum/tidak bekerja",
        ],
        {
            "laki_laki": [23.6, 11.2, 10.7, 5.3, 20.8, 0.4, 2.1, 25.9],
            "perempuan": [9.1, 7.8, 6.2, 8.3, 19.6, 25.7, 1.6, 21.7],
        },
        "Pekerjaan seluruh penduduk Desa {desa} seperti tercatat di kartu keluarga (KK); "
        "anak-anak dan warga yang belum bekerja dihitung pada “Belum/tidak bekerja”.",
    ),
    Kategori("agama", "Agama", ["Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu"]),
    Kategori(
        "status_perkawinan",
        "Status Perkawinan",
        ["Belum kawin", "Kawin", "Cerai hidup", "Cerai mati"],
        {"laki_laki": [47.3, 49.6, 1.3, 1.8], "perempuan": [41.2, 49.8, 2.6, 6.4]},
    ),
    Kategori("wilayah", "Wilayah (Dusun)", None),
    Kategori("warga_negara", "Warga Negara", ["WNI", "WNA"], {"semua": [100, 0]}),
    Kategori(
        "golongan_darah",
        "Golongan Darah",
        ["A", "B", "AB", "O", "Tidak tahu"],
        {"semua": [9.6, 11.3, 2.9, 15.4, 60.8]},
    ),
    Kategori(
        "disabilitas",
        "Penyandang Disabilitas",
        ["Tuna daksa", "Tuna netra", "Tuna rungu/wicara", "Disabilitas mental", "Lainnya"],
        {"semua": [38.5, 18.2, 17.4, 15.1, 10.8]},
        "Jumlah penduduk penyandang disabilitas di Desa {desa} menurut jenisnya, dari "
        "pendataan desa (bukan seluruh penduduk).",
    ),
]
# Categories that count only part of the population; the rest cover everyone.
BUKAN_SELURUH_PENDUDUK = {"disabilitas"}


@dataclass
class Basis:
    penduduk: int  # on the first date
    tumbuh: Decimal  # percent a year
    persen_laki_laki: Decimal
    orang_per_kk: Decimal
    persen_disabilitas: Decimal
    umur: list  # percent per age group on the first date
    dusun: list  # weights, in the order of the village's dusun
    bobot: dict = field(default_factory=dict)  # jenis -> weights overriding Kategori.bobot


BASIS = {
    # Lombok Barat: a young population, men working abroad, a Hindu Sasak-Balinese dusun.
    "mekar-sari": Basis(
        penduduk=3768,
        tumbuh=Decimal("1.1"),
        persen_laki_laki=Decimal("49.2"),
        orang_per_kk=Decimal("3.4"),
        persen_disabilitas=Decimal("1.1"),
        umur=[8.2, 8.4, 8.6, 8.5, 8.0, 7.8, 15.0, 13.5, 11.0, 11.0],
        dusun=[27.4, 22.7, 18.9, 16.8, 14.2],
        bobot={
            "agama": {"semua": [93.6, 0.4, 0.2, 5.7, 0.1, 0]},
            "warga_negara": {"semua": [99.95, 0.05]},
        },
    ),
    # Purbalingga: an older population, the young leaving for the cities, farmers of
    # vegetables rather than rice.
    "karangsari": Basis(
        penduduk=3094,
        tumbuh=Decimal("0.5"),
        persen_laki_laki=Decimal("50.3"),
        orang_per_kk=Decimal("3.1"),
        persen_disabilitas=Decimal("1.4"),
        umur=[6.8, 7.0, 7.4, 7.6, 6.6, 6.4, 14.2, 14.6, 13.4, 16.0],
        dusun=[33.6, 25.3, 21.8, 19.3],
        bobot={
            "agama": {"semua": [98.6, 0.8, 0.5, 0, 0.1, 0]},
            "pekerjaan": {
                "laki_laki": [28.7, 9.3, 8.8, 4.1, 20.3, 0.4, 1.6, 26.8],
                "perempuan": [12.6, 7.2, 5.3, 6.9, 19.4, 25.8, 1.1, 21.7],
            },
        },
    ),
}


def penduduk(basis, tahun_ke):
    """(men, women) `tahun_ke` years after the first date."""
    total = round(basis.penduduk * (1 + basis.tumbuh / 100) ** tahun_ke)
    laki = round(total * basis.persen_laki_laki / 100)
    return laki, total - laki


def _bobot(kategori, basis, tahun_ke):
    """Weights per sex for one category in one year."""
    if kategori.jenis == "kelompok_umur":
        umur = [Decimal(str(u + tahun_ke * g)) for u, g in zip(basis.umur, GESER_UMUR, strict=True)]
        return {sex: umur[:-1] + [umur[-1] * faktor] for sex, faktor in LANSIA.items()}
    if kategori.jenis == "wilayah":
        bobot = {"semua": basis.dusun}
    else:
        bobot = basis.bobot.get(kategori.jenis) or kategori.bobot
    if "semua" in bobot:
        return {"laki_laki": bobot["semua"], "perempuan": bobot["semua"]}
    return bobot


def baris_snapshot(kategori, basis, labels, tahun_ke):
    """[(label, men, women)] of one category on one date."""
    laki, perempuan = penduduk(basis, tahun_ke)
    if kategori.jenis in BUKAN_SELURUH_PENDUDUK:
        laki = round(laki * basis.persen_disabilitas / 100)
        perempuan = round(perempuan * basis.persen_disabilitas / 100)
    bobot = _bobot(kategori, basis, tahun_ke)
    kolom_l = bagi_sisa_terbesar(laki, bobot["laki_laki"])
    kolom_p = bagi_sisa_terbesar(perempuan, bobot["perempuan"])
    return list(zip(labels, kolom_l, kolom_p, strict=True))


def jumlah_kk(basis, tahun_ke):
    return round(sum(penduduk(basis, tahun_ke)) / basis.orang_per_kk)


def seed_statistik(site, data):
    index = (
        StatistikIndexPage.objects.descendant_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )
    if index is None:
        return
    # A village without its own base numbers (bench data, a new demo village) borrows
    # Karangsari's, spread evenly over its own dusun.
    basis = BASIS.get(data["slug"]) or replace(BASIS["karangsari"], dusun=[1] * len(data["dusun"]))
    for kategori in KATEGORI:
        slug = kategori.jenis.replace("_", "-")
        if index.get_children().filter(slug=slug).exists():
            continue
        # The same names as the village's Dusun records (seeded from the same list).
        labels = kategori.labels or [nama for nama, _kadus in data["dusun"]]
        page = StatistikPage(
            title=kategori.judul,
            slug=slug,
            jenis=kategori.jenis,
            live=False,
            keterangan=kategori.keterangan.format(judul=kategori.judul.lower(), desa=data["nama"]),
        )
        page.data = [
            StatistikData(
                tanggal=tanggal,
                sort_order=tahun_ke,
                jumlah_kk=jumlah_kk(basis, tahun_ke) if kategori.jenis == "jenis_kelamin" else None,
                baris=rows_to_stream(baris_snapshot(kategori, basis, labels, tahun_ke)),
            )
            for tahun_ke, tanggal in enumerate(TANGGAL)
        ]
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(page.__class__.objects.get(pk=page.pk))
