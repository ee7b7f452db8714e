"""transparansi for the benchmark data set: one APBDes with many budget lines."""

from decimal import Decimal as D

from django.utils import timezone

from bench.data.core import BenchPage
from transparansi import apbdes as hitung
from transparansi.data.kode_rekening import BIDANG, REKENING
from transparansi.models import APBDesPage, BarisAPBDes, TransparansiIndexPage

SUMBER = ["DDS", "ADD", "PAD", "BKK"]
JENIS = ["5.1", "5.2", "5.3", "5.4"]


def _index(site):
    return (
        TransparansiIndexPage.objects.child_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )


def _page(index, tahun):
    page = APBDesPage.objects.child_of(index).filter(tahun=tahun, versi="murni").first()
    if page is None:
        page = APBDesPage(title=f"APBDes {tahun}", slug=f"apbdes-{tahun}", tahun=tahun)
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
    return page


def _codes():
    """Valid codes, income first: rekening 4.x.y, then kegiatan under every sub-bidang."""
    pendapatan = [k for k in REKENING if k.startswith("4.") and k.count(".") == 2]
    sub_bidang = [k for k in BIDANG if k.count(".") == 1]
    yield from pendapatan
    n = 0
    while True:
        n += 1
        for sub in sub_bidang:
            yield f"{sub}.{n:02d}"


def isi_apbdes(site, n):
    """Fill this year's APBDes (created when missing) up to `n` budget lines."""
    index = _index(site)
    if index is None or n <= 0:
        return None
    tahun = timezone.localdate().year
    page = _page(index, tahun)
    existing = BarisAPBDes.objects.filter(page=page)
    used = set(existing.values_list("kode", flat=True))
    start = existing.count()
    rows = []
    codes = (c for c in _codes() if c not in used)
    for i in range(start, n):
        kode = next(codes)
        kelompok = hitung.kelompok_kode(kode)
        belanja = kelompok == hitung.BELANJA
        anggaran = D(5_000_000 + (i * 7919) % 95_000_000)
        rows.append(
            BarisAPBDes(
                page=page,
                kode=kode,
                kelompok=kelompok,
                uraian=f"Kegiatan {kode} tahun {tahun}" if belanja else REKENING[kode],
                sumber_dana=SUMBER[i % len(SUMBER)] if belanja else "",
                jenis_belanja=JENIS[i % len(JENIS)] if belanja else "",
                lokasi=f"Dusun {1 + i % 5}" if belanja else "",
                anggaran=anggaran,
                realisasi=(anggaran * D(i % 100) / 100).quantize(D(1000)),
                sort_order=i,
            )
        )
    BarisAPBDes.objects.bulk_create(rows, batch_size=500)
    return page


def generate(site, scale):
    isi_apbdes(site, scale.baris_apbdes)


def pages(site):
    index = _index(site)
    if index is None:
        return []
    # The page the generator fills: the current year's original budget.
    page = (
        APBDesPage.objects.child_of(index)
        .live()
        .filter(tahun=timezone.localdate().year, versi="murni")
        .first()
    )
    if page is None:
        return []
    return [BenchPage("apbdes", "APBDes", page.relative_url(site), order=60)]
