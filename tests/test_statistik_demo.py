"""The demo's statistics agree with themselves, on every snapshot and every page."""

import re
from itertools import pairwise

import pytest

from sitecore.demo.statistik import (
    BASIS,
    BUKAN_SELURUH_PENDUDUK,
    KATEGORI,
    TANGGAL,
    bagi_sisa_terbesar,
    penduduk,
)
from sitecore.demo.statistik import seed_statistik as seed
from sitecore.demo.villages import KARANGSARI, MEKAR_SARI
from sitecore.formatting import format_angka
from sitecore.models import StatistikPage
from sitecore.statistik.rules import hitung_tabel

# Between two snapshots a year apart a group may change by this share, or by a few
# people (a group of 3 Buddhists becoming 4 is not implausible).
PERUBAHAN_MAKS = 0.15
ORANG_MAKS = 5


def test_split_adds_up_and_gives_leftovers_to_largest_remainders():
    assert bagi_sisa_terbesar(10, [1, 1, 1]) == [4, 3, 3]  # tie: the earlier group
    assert bagi_sisa_terbesar(100, [50, 30, 20]) == [50, 30, 20]
    assert bagi_sisa_terbesar(7, [0.5, 0.25, 0.25]) == [3, 2, 2]  # 3.5, 1.75, 1.75
    # Exact shares 3.33, 3.33, 0.33 plus 3.0 → floors 3, 3, 0, 3 and one left over.
    assert bagi_sisa_terbesar(10, [10, 10, 1, 9]) == [4, 3, 0, 3]
    assert bagi_sisa_terbesar(0, [0, 0]) == [0, 0]
    for total in (0, 1, 2, 3097, 3851):
        parts = bagi_sisa_terbesar(total, [8.2, 8.4, 0, 15, 0.05])
        assert sum(parts) == total
        exact = [total * w / 31.65 for w in (8.2, 8.4, 0, 15, 0.05)]
        assert all(abs(p - e) < 1 for p, e in zip(parts, exact, strict=True))


def test_split_refuses_what_cannot_be_split():
    with pytest.raises(ValueError):
        bagi_sisa_terbesar(5, [0, 0])
    with pytest.raises(ValueError):
        bagi_sisa_terbesar(5, [1, -1])


def _snapshots(site):
    """{jenis: [(tanggal, tabel, jumlah_kk)], oldest first} of a village's published pages."""
    pages = StatistikPage.objects.live().filter(
        path__startswith=site.root_page.path, locale=site.root_page.locale
    )
    return {
        page.jenis: [
            (s.tanggal, hitung_tabel(s.rows()), s.jumlah_kk) for s in reversed(page.snapshots)
        ]
        for page in pages
    }


def _check_village(site, data):
    data_per_jenis = _snapshots(site)
    assert set(data_per_jenis) == {k.jenis for k in KATEGORI}
    jenis_kelamin = data_per_jenis["jenis_kelamin"]
    dates = [tanggal for tanggal, _t, _kk in jenis_kelamin]
    assert len(dates) >= 2
    assert all((b - a).days in (365, 366) for a, b in pairwise(dates))  # a year apart
    dusun = [nama for nama, _kadus in data["dusun"]]
    for jenis, snaps in data_per_jenis.items():
        assert [t for t, _tabel, _kk in snaps] == dates, jenis
        for (tanggal, tabel, _kk), (_t, semua, kk) in zip(snaps, jenis_kelamin, strict=True):
            assert tabel.laki_laki + tabel.perempuan == tabel.jumlah > 0
            if jenis in BUKAN_SELURUH_PENDUDUK:
                assert tabel.jumlah < semua.jumlah / 20, (jenis, tanggal)
                continue
            # Every population-wide breakdown has the same men, women and total.
            assert (tabel.laki_laki, tabel.perempuan) == (
                semua.laki_laki,
                semua.perempuan,
            ), (jenis, tanggal)
            assert 2.8 < semua.jumlah / kk < 4.2  # people per household
            if jenis == "wilayah":
                assert [b.label for b in tabel.baris] == dusun
        for (t0, before, _), (t1, after, _) in pairwise(snaps):
            assert [b.label for b in before.baris] == [b.label for b in after.baris]
            for old, new in zip(before.baris, after.baris, strict=True):
                change = abs(new.jumlah - old.jumlah)
                assert change <= max(ORANG_MAKS, PERUBAHAN_MAKS * old.jumlah), (
                    jenis,
                    old.label,
                    t0,
                    t1,
                )
    totals = [tabel.jumlah for _t, tabel, _kk in jenis_kelamin]
    assert all(a < b <= a * 1.03 for a, b in pairwise(totals))  # slow growth
    return totals


@pytest.mark.django_db
def test_demo_statistics_add_up_and_the_two_villages_differ(desa_a, desa_b):
    seed(desa_a, MEKAR_SARI)
    seed(desa_b, KARANGSARI)
    mekar = _check_village(desa_a, MEKAR_SARI)
    karang = _check_village(desa_b, KARANGSARI)
    assert set(mekar).isdisjoint(karang)
    agama = {
        site.hostname: {b.label: b.jumlah for b in _snapshots(site)["agama"][-1][1].baris}
        for site in (desa_a, desa_b)
    }
    # Lombok Barat has a Hindu community; Purbalingga hardly any.
    assert agama["alpha.test"]["Hindu"] > 100 > agama["beta.test"]["Hindu"]


def _total_in_footer(html):
    footer = re.search(r"<tfoot>.*?</tfoot>", html, re.S).group(0)
    return re.findall(r'<td class="num">([\d.]+)</td>', footer)[0]


@pytest.mark.django_db
def test_every_demo_statistics_page_shows_the_same_population(desa_a, client_for):
    seed(desa_a, MEKAR_SARI)
    client = client_for(desa_a)
    index = client.get("/statistik/").content.decode()
    total = re.search(r"Total penduduk</dt><dd>([\d.]+)</dd>", index).group(1)
    basis = BASIS[MEKAR_SARI["slug"]]
    assert total == format_angka(sum(penduduk(basis, len(TANGGAL) - 1)))  # the latest
    home = client.get("/").content.decode()
    assert f"<dd>{total}</dd>" in home  # the sidebar's summary
    for kategori in KATEGORI:
        if kategori.jenis in BUKAN_SELURUH_PENDUDUK:
            continue
        page = client.get(f"/statistik/{kategori.jenis.replace('_', '-')}/")
        assert page.status_code == 200
        assert _total_in_footer(page.content.decode()) == total, kategori.jenis
        older = client.get(
            f"/statistik/{kategori.jenis.replace('_', '-')}/?per={TANGGAL[0].isoformat()}"
        )
        assert _total_in_footer(older.content.decode()) == format_angka(sum(penduduk(basis, 0))), (
            kategori.jenis
        )
