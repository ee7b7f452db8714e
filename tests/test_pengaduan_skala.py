"""Query budgets at scale: public register, open data and report cost the same SQL
whatever the number of items (20 or 2,000)."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pengaduan.kode import buat_kode
from pengaduan.models import Kategori, Pengaduan, TindakLanjut
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status
from sitecore.models import DesaProfil, Dusun
from tests.conftest import section

WITA = ZoneInfo("Asia/Makassar")
STATUSES = [Status.DIVERIFIKASI, Status.DITINDAKLANJUTI, Status.SELESAI, Status.DITOLAK]


def _tambah(site, n, start=0):
    """Bulk-create `n` public items (and two public events each) across two years."""
    rng = random.Random(start)
    kategori = list(Kategori.objects.filter(site=site))
    profil = DesaProfil.objects.get(site=site)
    dusun = list(Dusun.objects.filter(profil=profil))
    if not dusun:
        dusun = [Dusun.objects.create(profil=profil, nama=f"Dusun {i}") for i in range(3)]
    items = []
    for i in range(start, start + n):
        t = datetime(2025 + i % 2, 1 + i % 12, 1 + i % 28, 9, tzinfo=WITA)
        status = STATUSES[i % len(STATUSES)]
        closed = status in (Status.SELESAI, Status.DITOLAK)
        items.append(
            Pengaduan(
                site=site,
                kode=buat_kode(),
                pin_hash="x",
                jenis=["pengaduan", "saran", "aspirasi"][i % 3],
                kategori=kategori[i % len(kategori)],
                kanal=["web", "sms", "kantor"][i % 3],
                judul=f"Judul asli {i}",
                uraian="Uraian asli yang tidak boleh tampil.",
                dusun=dusun[i % len(dusun)],
                nama="Siti Rahmawati",
                telepon="0812 3456 7890",
                gender=["perempuan", "laki_laki", ""][i % 3],
                kelompok_umur="u_30_44" if i % 2 else "",
                rentan_lansia=i % 5 == 0,
                diterima_pada=t,
                diverifikasi_pada=t + timedelta(hours=3),
                ditanggapi_pada=t + timedelta(hours=3),
                diselesaikan_pada=t + timedelta(days=2) if closed else None,
                hari_tanggapan=rng.choice([0, 1, 2]),
                hari_selesai=rng.choice([1, 2, 3, 6]) if closed else None,
                tepat_tanggapan=True,
                tepat_selesai=True if closed else None,
                status=status,
                judul_publik=f"Judul publik {i}",
                ringkasan_publik="Ringkasan publik.",
                penilaian=1 + i % 5 if status == Status.SELESAI else None,
            )
        )
    Pengaduan.objects.bulk_create(items, batch_size=500)
    items = Pengaduan.objects.filter(site=site, judul__in=[p.judul for p in items])
    events = []
    for p in items:
        events.append(
            TindakLanjut(
                pengaduan=p,
                ke_status=Status.DITERIMA,
                waktu=p.diterima_pada,
                catatan_publik="Diterima.",
            )  # fmt: skip
        )
        events.append(
            TindakLanjut(
                pengaduan=p,
                dari_status=Status.DITERIMA,
                ke_status=p.status,
                waktu=p.diverifikasi_pada,
                catatan_publik="Ditangani.",
            )  # fmt: skip
        )
    TindakLanjut.objects.bulk_create(events, batch_size=1000)


def _urls(site):
    base = section(site, "pengaduan").url
    kategori = Kategori.objects.filter(site=site).first()
    dusun = Dusun.objects.filter(profil__site=site).first()
    kode = Pengaduan.objects.filter(site=site).order_by("id").values_list("kode", flat=True)[0]
    reg = base + "register/"
    return {
        "register": reg,
        "register halaman 2": reg + "?halaman=2",
        "register status": reg + "?status=selesai",
        "register jenis+tahun": reg + "?jenis=saran&tahun=2026",
        "register kategori+dusun": reg + f"?kategori={kategori.pk}&dusun={dusun.pk}",
        "register cari": reg + "?q=publik",
        "permalink": reg + f"{kode}/",
        "rss": reg + "rss/",
        "csv": reg + "csv/",
        "json": reg + "json/",
        "csv tersaring": reg + "csv/?status=selesai&jenis=pengaduan",
        "laporan": base + "laporan/2025/",
        "laporan csv": base + "laporan/2025/csv/",
        "laporan xlsx": base + "laporan/2025/xlsx/",
    }


def _hitung_kueri(client, urls):
    counts = {}
    for name, url in urls.items():
        client.get(url)  # warm per-process caches (site root paths, settings)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        assert b"Siti Rahmawati" not in response.content and b"3456" not in response.content
        counts[name] = len(ctx.captured_queries)
    return counts


@pytest.mark.django_db
def test_public_outputs_cost_the_same_queries_with_2000_items(desa_a, client_for):
    client = client_for(desa_a)
    _tambah(desa_a, 20)
    urls = _urls(desa_a)
    kecil = _hitung_kueri(client, urls)
    _tambah(desa_a, 1980, start=20)
    assert Pengaduan.objects.filter(site=desa_a).count() == 2000
    besar = _hitung_kueri(client, urls)
    assert besar == kecil
    # The rest is the shared page frame (menus, widgets), itself bounded.
    assert max(besar.values()) <= 45, besar
    # The exports really carry every public item.
    assert client.get(urls["json"]).json()["data"].__len__() == 2000
    assert client.get(urls["csv"]).content.count(b"\n") == 2001


@pytest.mark.django_db
def test_report_figures_at_scale_match_a_direct_count(desa_a):
    from datetime import date
    from statistics import median

    from pengaduan.laporan import hitung

    _tambah(desa_a, 600)
    d = hitung(desa_a, date(2025, 1, 1), date(2025, 12, 31))
    qs = Pengaduan.objects.filter(site=desa_a, diterima_pada__year=2025)
    assert d["total"] == qs.count() == 300
    expected = median(qs.exclude(hari_selesai=None).values_list("hari_selesai", flat=True))
    assert d["median_selesai"] == expected
    expected = median(qs.values_list("hari_tanggapan", flat=True))
    assert d["median_tanggapan"] == expected


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "selesai"},
        {"jenis": "saran"},
        {"kategori": "K"},
        {"dusun": "D"},
        {"tahun": "2025"},
    ],  # fmt: skip
    ids=lambda p: ",".join(p) or "semua",
)
def test_register_filters_use_an_index(desa_a, params):
    from pengaduan.publik.register import queryset

    _tambah(desa_a, 5)
    params = {
        k: str(
            {"K": Kategori.objects.filter(site=desa_a).first().pk,
             "D": Dusun.objects.filter(profil__site=desa_a).first().pk}.get(v, v)
        )
        for k, v in params.items()
    }  # fmt: skip
    sql, args = queryset(desa_a, params)[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, args)
        plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
    main = [step for step in plan.split(" | ") if "pengaduan_pengaduan" in step]
    assert main and all("INDEX" in step for step in main), plan


@pytest.mark.django_db
def test_admin_report_and_list_cost_the_same_queries_with_2000_items(desa_a, make_staff, client):
    from sitecore.models.roles import Peran

    client.force_login(make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN))
    q = f"?site={desa_a.pk}&mulai=2025-01-01&sampai=2026-12-31"
    urls = {
        "laporan": "/admin/pengaduan/laporan/" + q,
        "laporan xlsx": "/admin/pengaduan/laporan/" + q + "&format=xlsx",
        "daftar": "/admin/pengaduan/item/",
        "daftar tersaring": "/admin/pengaduan/item/?status=selesai&jenis=saran",
        "ekspor csv": "/admin/pengaduan/item/?export=csv",
        "ekspor xlsx": "/admin/pengaduan/item/?export=xlsx&terlambat=false",
    }

    def hitung():
        counts = {}
        for name, url in urls.items():
            client.get(url)
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
                assert response.status_code == 200, name
                body = b"".join(response.streaming_content) if response.streaming else b""
            if name == "ekspor csv":
                assert body.count(b"\n") == Pengaduan.objects.count() + 1
            counts[name] = len(ctx.captured_queries)
        return counts

    _tambah(desa_a, 20)
    kecil = hitung()
    _tambah(desa_a, 1980, start=20)
    assert hitung() == kecil
