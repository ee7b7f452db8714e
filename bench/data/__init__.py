"""Benchmark data set (`make bench`): many villages, one of them very large.

One module per content area, each with `generate(site, scale)`, which fills one village
with `scale` rows (bulk inserts, no per-row signals), and `pages(site)`, the village's
public pages to measure as `BenchPage` objects. They run in the order of AREAS.
"""

from django.db import transaction
from wagtail.models import Site

from bench.data import agenda, konten, pengaduan, transparansi
from bench.data.core import (
    BIG_HOSTNAME,
    BenchPage,
    BenchScale,
    bulk_child_pages,
    tanpa_indeks_otomatis,
)

__all__ = [
    "AREAS",
    "BIG_HOSTNAME",
    "BenchPage",
    "BenchScale",
    "bench_pages",
    "bulk_child_pages",
    "extra_villages",
    "generate",
    "generate_village",
]

# Site content (articles, statistics) first: the order the apps are installed in.
AREAS = (konten, agenda, pengaduan, transparansi)


def generate_village(site, scale):
    """Run every area's generator for one village."""
    for area in AREAS:
        area.generate(site=site, scale=scale)


def bench_pages(site):
    """Every area's public pages to measure for `site`, in report order."""
    pages = []
    for area in AREAS:
        pages.extend(area.pages(site=site))
    return sorted(pages, key=lambda p: p.order)


def terjemahkan_beranda(site):
    """The village's home as a real English translation (not an alias), made with
    wagtail-localize's machinery the way the demo translates its villages
    (`sitecore.demo.terjemahan`): the English tree then has a translated root."""
    from wagtail.models import Locale

    from sitecore.demo.terjemahan import UMUM, terjemahkan

    home = site.root_page.specific
    nama = home.title.removeprefix("Desa ")
    kamus = {
        **UMUM,
        home.title: home.title,
        home.intro: f"Welcome to the official site of {nama} village.",
    }
    terjemahkan(home, kamus, Locale.objects.get(language_code="en"))


def extra_villages(total, small=None, log=print):
    """Provision villages until the installation has `total` village sites.

    Each one through `buat_desa`, as an administrator creates a village (site, profile,
    sections, English aliases, role groups, the apps' hooks), its home then translated
    into English, and given `small` content when set. One transaction per village (on
    SQLite a commit costs as much as the work), without search and reference index
    updates (`tanpa_indeks_otomatis`).
    """
    from sitecore.models import DesaProfil
    from sitecore.provisioning import buat_desa

    created = []
    n = DesaProfil.objects.count()
    i = 0
    with tanpa_indeks_otomatis():
        while n < total:
            i += 1
            hostname = f"desa{i:03d}.bench.localhost"
            if Site.objects.filter(hostname=hostname).exists():
                continue
            zona = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"][i % 3]
            with transaction.atomic():
                site = buat_desa(
                    f"Bench {i:03d}",
                    hostname,
                    slug=f"bench-{i:03d}",
                    zona_waktu=zona,
                    kecamatan="Kecamatan Uji",
                    kabupaten="Kabupaten Uji",
                    provinsi="Provinsi Uji",
                )
                terjemahkan_beranda(site)
                if small is not None:
                    generate_village(site, small)
            created.append(site)
            n += 1
            if n % 50 == 0:
                log(f"  {n} desa")
    return created


def generate(
    villages, big_hostname=BIG_HOSTNAME, big=None, small=None, log=print, big_content=True
):
    """The data set on top of whatever the database holds (e.g. the demo): villages up to
    `villages` in total, each new one with `small` content, and the busy village with
    `big` content unless `big_content` is false (it already has it: the 500-village set
    is the 5-village set plus villages)."""
    big = big or BenchScale.besar()
    small = small or BenchScale.kecil()
    site = Site.objects.get(hostname=big_hostname)
    if big_content:
        log(f"  {big_hostname}: {big.as_dict()}")
        generate_village(site, big)
    extra_villages(villages, small=small, log=log)
    return site
