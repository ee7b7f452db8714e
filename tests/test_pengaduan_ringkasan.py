"""The yearly report from monthly summaries: months add up to what one count of the year
gives, and a change recounts only its item's month.

Items are filed on the public form or recorded by an officer, handled in the admin and
rated by their reporters; the report is read on the public page.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import override_settings

from pengaduan import laporan, layanan
from pengaduan.models import Kategori, Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from pengaduan.umpan_balik import ringkasan
from sitecore.models import DesaProfil, Dusun
from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits_as_in_production")]

WITA = ZoneInfo("Asia/Makassar")  # desa_a's time zone
NOW = datetime(2026, 11, 20, 10, tzinfo=WITA)


def _catat(site, officer, when, **data):
    """An item an officer recorded from an offline channel, received at `when`."""
    fields = {"jenis": "pengaduan", "kanal": "kotak_saran", "judul": "x", "uraian": "x", **data}
    return layanan.buat_pengaduan(site=site, data=fields, dicatat_oleh=officer, diterima_pada=when)[
        0
    ]


def _tindak(client, item, ke_status, **post):
    response = client.post(
        f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/", {"ke_status": ke_status, **post}
    )
    assert response.status_code == 302, response.content[:500]
    item.refresh_from_db()


@pytest.fixture
def tahun_ramai(desa_a, client, make_staff):
    """A year of varied items in Desa Alpha: months apart, both sides of a month's edge
    in the village's time zone, categories, hamlets, ratings, abuse, a proposal."""
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    profil = DesaProfil.objects.get(site=desa_a)
    timur = Dusun.objects.create(profil=profil, nama="Dusun Timur")
    barat = Dusun.objects.create(profil=profil, nama="Dusun Barat")
    kategori = list(Kategori.objects.filter(site=desa_a)[:2])
    items = []
    with time_machine.travel(NOW, tick=False):
        specs = [
            (datetime(2026, 1, 31, 23, 30, tzinfo=WITA), {"dusun": timur, "gender": "perempuan"}),
            (datetime(2026, 2, 1, 0, 30, tzinfo=WITA), {"dusun": barat, "kanal": "telepon"}),
            (datetime(2026, 3, 10, 9, tzinfo=WITA), {"jenis": "aspirasi", "dusun": timur}),
            (datetime(2026, 3, 11, 9, tzinfo=WITA), {"kelompok_umur": "u_30_44"}),
            (datetime(2026, 7, 4, 9, tzinfo=WITA), {"jenis": "saran", "dusun": barat}),
            (datetime(2026, 11, 2, 9, tzinfo=WITA), {"rentan_lansia": True}),
        ]
        for i, (when, data) in enumerate(specs):
            if kategori:
                data["kategori"] = kategori[i % len(kategori)]
            items.append(_catat(desa_a, officer, when, judul=f"Item {i}", **data))
        for item in items[:5]:
            _tindak(client, item, "diverifikasi", judul_publik=f"{item.judul} (publik)")
        for item in items[:2]:
            _tindak(
                client,
                item,
                "selesai",
                hasil="korektif",
                pesan_pelapor="Sudah ditangani.",
                catatan_publik="Sudah ditangani bersama warga.",
            )
        layanan.beri_penilaian(items[0], 5, "")
        layanan.beri_penilaian(items[1], 2, "Lambat.")
        # Spam is counted apart, never with the villagers' reports.
        spam = _catat(desa_a, officer, datetime(2026, 7, 5, 9, tzinfo=WITA), judul="Spam")
        _tindak(client, spam, "ditolak", jenis_tolak="penyalahgunaan", alasan="Iklan.")
    return {"site": desa_a, "items": items, "officer": officer}


@pytest.mark.parametrize("kept", [True, False])
def test_months_add_up_to_one_count_of_the_year(tahun_ramai, kept):
    site = tahun_ramai["site"]
    with override_settings(WIDGET_CACHE_ENABLED=kept), time_machine.travel(NOW, tick=False):
        sekaligus = laporan.hitung(site, date(2026, 1, 1), date(2026, 12, 31))
        per_bulan = laporan.tahunan(site, 2026)
    assert per_bulan == sekaligus
    assert sekaligus["total"] == 6 and sekaligus["penyalahgunaan"] == 1
    assert [n for _label, n in sekaligus["per_bulan"]][:3] == [1, 1, 2]
    assert sekaligus["rata_rata"] == 3.5 and sekaligus["dinilai"] == 2


def _watch(monkeypatch):
    """Which months get counted from the database."""
    counted = []
    original = ringkasan._bulan_ini

    def counting(semua, tahun, bulan, tz):
        counted.append(bulan)
        return original(semua, tahun, bulan, tz)

    monkeypatch.setattr(ringkasan, "_bulan_ini", counting)
    return counted


@override_settings(PAGE_CACHE_ENABLED=True, WIDGET_CACHE_ENABLED=True)
def test_a_change_recounts_only_its_month(tahun_ramai, client, client_for, monkeypatch):
    site, items = tahun_ramai["site"], tahun_ramai["items"]
    counted = _watch(monkeypatch)
    url = section(site, "pengaduan").url + "laporan/2026/"
    pengunjung = client_for(site)
    with time_machine.travel(NOW, tick=False):
        first = pengunjung.get(url)
        assert first["X-Desa-Cache"] == "miss"
        assert sorted(counted) == list(range(1, 13))
        assert first.context["d"]["per_status"][0] == ("Diverifikasi", 3)

        # The officer closes the March item: only March is counted again, and the page
        # shows the new status.
        counted.clear()
        _tindak(client, items[3], "selesai", hasil="korektif", pesan_pelapor="Beres.",
                catatan_publik="Sudah diperbaiki.")  # fmt: skip
        after = pengunjung.get(url)
        assert after["X-Desa-Cache"] == "miss"
        assert counted == [3]
        assert dict(after.context["d"]["per_status"])["Selesai"] == 3

        # A village-wide change (the profile) renders the page again from kept months.
        counted.clear()
        profil = DesaProfil.objects.get(site=site)
        profil.kecamatan = "Kecamatan Baru"
        profil.save()
        again = pengunjung.get(url)
        assert again["X-Desa-Cache"] == "miss" and counted == []
        assert again.context["d"] == after.context["d"]

        # A new item nobody verified yet drops nothing: the page stays as it was.
        formulir = section(site, "pengaduan").url
        pelapor = client_for(site)
        assert pelapor.post(formulir, isian(form_token(pelapor, formulir))).status_code == 302
        assert pengunjung.get(url)["X-Desa-Cache"] == "hit" and counted == []


@override_settings(WIDGET_CACHE_ENABLED=True)
def test_an_item_moved_to_another_month_recounts_both(tahun_ramai, client_for, monkeypatch):
    site, items = tahun_ramai["site"], tahun_ramai["items"]
    counted = _watch(monkeypatch)
    url = section(site, "pengaduan").url + "laporan/2026/"
    with time_machine.travel(NOW, tick=False):
        client_for(site).get(url)
        counted.clear()
        # A corrected received date (an officer mistyped a letter's date).
        item = Pengaduan.objects.get(pk=items[4].pk)
        item.diterima_pada = datetime(2026, 5, 4, 9, tzinfo=WITA)
        item.save()
        response = client_for(site).get(url)
    assert sorted(counted) == [5, 7]
    bulan = dict(response.context["d"]["per_bulan"])
    assert bulan["Mei"] == 1 and bulan["Juli"] == 0


def test_month_kinds_follow_the_village_time_zone(tahun_ramai):
    first, second = tahun_ramai["items"][:2]
    # 31 January 23:30 and 1 February 00:30 WITA are both 31 January in UTC.
    assert ringkasan.kinds_untuk(first) == ("pengaduan-bulan:2026-01",)
    assert ringkasan.kinds_untuk(second) == ("pengaduan-bulan:2026-02",)


def test_home_widget_reads_the_kept_months_with_the_same_figures(tahun_ramai):
    from pengaduan.umpan_balik.beranda import ringkasan_tahun

    site = tahun_ramai["site"]
    profil = DesaProfil.objects.get(site=site)
    with time_machine.travel(NOW, tick=False):
        with override_settings(WIDGET_CACHE_ENABLED=False):
            counted = ringkasan_tahun(site, 2026, profil)
        with override_settings(WIDGET_CACHE_ENABLED=True):
            kept = ringkasan_tahun(site, 2026, profil)
    assert kept == counted
    assert (kept["total"], kept["ditanggapi"], kept["rata_rata"]) == (6, 5, 3.5)
