"""Demo population statistics: every category, two snapshots for some."""

import random
from datetime import date

from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.statistik.admin import rows_to_stream
from sitecore.statistik.models import StatistikData, StatistikIndexPage, StatistikPage

# jenis -> (title, groups); counts are drawn from a seeded generator per village.
KATEGORI = [
    ("jenis_kelamin", "Jenis Kelamin", ["Penduduk"]),
    (
        "kelompok_umur",
        "Kelompok Umur",
        ["0–4", "5–9", "10–14", "15–19", "20–24", "25–29", "30–39", "40–49", "50–59", "60+"],
    ),
    (
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
    ),
    (
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
    ),
    ("agama", "Agama", ["Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu"]),
    (
        "status_perkawinan",
        "Status Perkawinan",
        ["Belum kawin", "Kawin", "Cerai hidup", "Cerai mati"],
    ),
    ("wilayah", "Wilayah (Dusun)", None),
    ("warga_negara", "Warga Negara", ["WNI", "WNA"]),
    ("golongan_darah", "Golongan Darah", ["A", "B", "AB", "O", "Tidak tahu"]),
    (
        "disabilitas",
        "Penyandang Disabilitas",
        ["Tuna daksa", "Tuna netra", "Tuna rungu/wicara", "Disabilitas mental", "Lainnya"],
    ),
]
WEIGHTS = {
    "agama": [90, 3, 2, 4, 1, 0],
    "warga_negara": [100, 0],
    "disabilitas": [4, 2, 2, 1, 1],
}
TANGGAL = [date(2025, 6, 30), date(2025, 12, 31)]
TREND_FOR = {"jenis_kelamin", "kelompok_umur", "wilayah"}


def _rows(rng, labels, weights, total):
    weights = weights or [rng.randint(3, 12) for _ in labels]
    s = sum(weights) or 1
    rows = []
    for label, w in zip(labels, weights, strict=True):
        n = total * w // s
        laki = n // 2 + rng.randint(-n // 20 - 1, n // 20 + 1) if n else 0
        laki = max(0, min(n, laki))
        rows.append((label, laki, n - laki))
    return rows


def seed_statistik(site, data):
    index = (
        StatistikIndexPage.objects.descendant_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )
    if index is None:
        return
    for jenis, title, labels in KATEGORI:
        slug = jenis.replace("_", "-")
        if index.get_children().filter(slug=slug).exists():
            continue
        if labels is None:
            labels = [f"Dusun {nama}" for nama, _kadus in data["dusun"]]
        rng = random.Random(f"{data['slug']}-{jenis}")
        base = 3800 if data["slug"] == "mekar-sari" else 3100
        total = base if jenis != "disabilitas" else 40
        tanggal = TANGGAL if jenis in TREND_FOR else TANGGAL[1:]
        snapshots = []
        for i, tgl in enumerate(tanggal):
            grown = total + i * rng.randint(20, 60)
            snapshots.append(
                StatistikData(
                    tanggal=tgl,
                    sort_order=i,
                    jumlah_kk=(grown // 3 + 17) if jenis == "jenis_kelamin" else None,
                    baris=rows_to_stream(_rows(rng, labels, WEIGHTS.get(jenis), grown)),
                )
            )
        page = StatistikPage(
            title=title,
            slug=slug,
            jenis=jenis,
            live=False,
            keterangan=f"Data {title.lower()} penduduk Desa {data['nama']} dari administrasi "
            "kependudukan desa.",
        )
        page.data = snapshots
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(page.__class__.objects.get(pk=page.pk))
