"""Site content (sitecore) for the benchmark data set: articles, and a statistics page."""

import random
from datetime import timedelta

from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model

from bench.data.core import BenchPage, bulk_child_pages
from sitecore.artikel.models import ArtikelTag
from sitecore.models import (
    ArtikelIndexPage,
    ArtikelPage,
    DesaProfil,
    KategoriArtikel,
    StatistikIndexPage,
    StatistikPage,
)

TOPIK = [
    "Musyawarah desa",
    "Posyandu",
    "Kerja bakti",
    "Panen raya",
    "BUMDes",
    "Pelatihan",
    "Jalan usaha tani",
    "Air bersih",
]
TAGS = ["musdes", "kesehatan", "pertanian", "gotong-royong", "pemuda", "anggaran"]
PARAGRAF = (
    "Pemerintah desa bersama warga membahas {topik} di balai desa. Kegiatan dihadiri "
    "kepala dusun, BPD, kader PKK dan tokoh masyarakat. Warga menyampaikan usulan, "
    "pertanyaan dan catatan untuk perbaikan layanan desa pada tahun berikutnya."
)


def _index(site, model):
    return model.objects.child_of(site.root_page).filter(locale=site.root_page.locale).first()


def tambah_artikel(site, n, seed=0):
    """Bulk-insert `n` live articles under the village's article index."""
    index = _index(site, ArtikelIndexPage)
    if index is None or n <= 0:
        return []
    kategori = list(KategoriArtikel.objects.filter(index_page=index))
    if not kategori:
        kategori = [
            KategoriArtikel.objects.create(index_page=index, nama=nama, sort_order=i)
            for i, nama in enumerate(["Berita desa", "Pengumuman", "Kegiatan"])
        ]
    tags = [Tag.objects.get_or_create(name=t, defaults={"slug": t})[0] for t in TAGS]
    profil = DesaProfil.objects.filter(site=site).first()
    images = []
    if profil and profil.koleksi_id:
        images = list(
            get_image_model().objects.filter(collection=profil.koleksi_id).order_by("pk")[:6]
        )
    rng = random.Random(f"{site.hostname}-{seed}")
    now = timezone.now()
    pages = []
    for i in range(n):
        topik = TOPIK[i % len(TOPIK)]
        pages.append(
            ArtikelPage(
                title=f"{topik} di Desa, laporan ke-{seed + i + 1}",
                slug=f"bench-{seed + i + 1:05d}",
                # Spread over about five years so archives and months fill up.
                tanggal_terbit=now - timedelta(hours=8 * (i + 1) + rng.randint(0, 5)),
                penulis="Tim Media Desa",
                kategori=kategori[i % len(kategori)],
                gambar=images[i % len(images)] if images else None,
                ringkasan=f"Ringkasan kegiatan {topik.lower()} yang dihadiri warga desa.",
                body=[
                    {"type": "paragraf", "value": f"<p>{PARAGRAF.format(topik=topik)}</p>"}
                    for _ in range(4)
                ],
                jumlah_dibaca=rng.randint(0, 400),
            )
        )
    bulk_child_pages(index, pages)
    ArtikelTag.objects.bulk_create(
        [
            ArtikelTag(content_object_id=page.pk, tag=tags[(i + k) % len(tags)])
            for i, page in enumerate(pages)
            for k in range(2)
        ],
        batch_size=1000,
    )
    return pages


def pastikan_statistik(site):
    """A village without statistics gets the demo's categories, inserted in bulk.

    The same pages and snapshots as `sitecore.demo.statistik.seed_statistik`, without
    its publish per page (about 0.8 s a village): live pages, no revisions.
    """
    from dataclasses import replace

    from sitecore.demo.statistik import BASIS, KATEGORI, TANGGAL, baris_snapshot, jumlah_kk
    from sitecore.statistik.admin import rows_to_stream
    from sitecore.statistik.models import StatistikData

    index = _index(site, StatistikIndexPage)
    if index is None or StatistikPage.objects.child_of(index).exists():
        return
    profil = DesaProfil.objects.filter(site=site).first()
    nama = profil.nama_desa if profil else site.site_name
    dusun = [d.nama for d in profil.dusun.all()] if profil else []
    dusun = dusun or ["Satu"]
    basis = replace(BASIS["karangsari"], dusun=[1] * len(dusun))
    pages, snapshots = [], []
    for kategori in KATEGORI:
        pages.append(
            StatistikPage(
                title=kategori.judul,
                slug=kategori.jenis.replace("_", "-"),
                jenis=kategori.jenis,
                keterangan=kategori.keterangan.format(judul=kategori.judul.lower(), desa=nama),
            )
        )
        snapshots.append(
            [
                StatistikData(
                    tanggal=tanggal,
                    sort_order=tahun_ke,
                    jumlah_kk=jumlah_kk(basis, tahun_ke)
                    if kategori.jenis == "jenis_kelamin"
                    else None,
                    baris=rows_to_stream(
                        baris_snapshot(kategori, basis, kategori.labels or dusun, tahun_ke)
                    ),
                )
                for tahun_ke, tanggal in enumerate(TANGGAL)
            ]
        )
    bulk_child_pages(index, pages)
    rows = []
    for page, data in zip(pages, snapshots, strict=True):
        for row in data:
            row.page_id = page.pk
            rows.append(row)
    StatistikData.objects.bulk_create(rows)


def generate(site, scale):
    pastikan_statistik(site)
    tambah_artikel(site, scale.artikel)


def pages(site):
    result = [BenchPage("home", "Home", site.root_page.relative_url(site), order=10)]
    index = _index(site, ArtikelIndexPage)
    if index is not None:
        result.append(BenchPage("article_list", "Article list", index.relative_url(site), order=20))
        artikel = (
            ArtikelPage.objects.child_of(index).live().order_by("-tanggal_terbit", "-pk").first()
        )
        if artikel is not None:
            result.append(BenchPage("article", "Article", artikel.relative_url(site), order=30))
    stat_index = _index(site, StatistikIndexPage)
    if stat_index is not None:
        stat = StatistikPage.objects.child_of(stat_index).live().order_by("path").first()
        if stat is not None:
            result.append(
                BenchPage("statistics", "Statistics page", stat.relative_url(site), order=50)
            )
    return result
