"""A holiday correction entered in the admin moves the deadlines stored on open items."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.models import DesaLogEntry
from tests.conftest import section
from transparansi.models import PermohonanInformasi
from transparansi.permohonan import aturan

WIB = ZoneInfo("Asia/Jakarta")
RABU = datetime(2026, 12, 23, 9, 0, tzinfo=WIB)

pytestmark = pytest.mark.django_db


def _end(y, m, d):
    return datetime(y, m, d, 23, 59, 59, tzinfo=WIB)


def _permohonan(site):
    p = PermohonanInformasi(
        site=site,
        nama="Ahmad",
        alamat="Dusun Krajan RT 01",
        jenis_identitas="ktp",
        rincian="Salinan APBDes 2026",
        tujuan="Bahan diskusi warga",
        cara_memperoleh="melihat",
        cara_menerima="ambil",
    )
    return aturan.daftarkan(p, now=RABU)


def test_correction_in_the_admin_recounts_open_deadlines(
    desa_b, client_for, client, superuser, django_capture_on_commit_callbacks
):
    resident = client_for(desa_b)
    url = section(desa_b, "pengaduan").url
    with time_machine.travel(RABU, tick=False):
        token = form_token(resident, url)
        assert resident.post(url, isian(token)).status_code == 302
        request = _permohonan(desa_b)
    item = Pengaduan.objects.get(site=desa_b)
    # With the 24 December collective leave: Monday 28 Dec; the PPID answer 12 Jan 2027.
    assert item.tenggat_tanggapan == _end(2026, 12, 28)
    assert request.tenggat == _end(2027, 1, 12)

    client.force_login(superuser)
    with (
        time_machine.travel(datetime(2026, 12, 3, 9, 0, tzinfo=WIB)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            "/admin/snippets/sitecore/harilibur/add/",
            {"tanggal": "2026-12-24", "nama": "Cuti bersama dibatalkan", "jenis": "masuk"},
        )
    assert response.status_code == 302

    item.refresh_from_db()
    request.refresh_from_db()
    assert item.tenggat_tanggapan == _end(2026, 12, 24)
    assert request.tenggat == _end(2027, 1, 11)
    entry = DesaLogEntry.objects.for_instance(item).get(action="desa.tenggat_dihitung_ulang")
    assert entry.site_id == desa_b.pk
    assert datetime.fromisoformat(entry.data["sebelum"][0]) == _end(2026, 12, 28)
    assert datetime.fromisoformat(entry.data["sesudah"][0]) == _end(2026, 12, 24)
    assert (
        DesaLogEntry.objects.for_instance(request)
        .filter(action="desa.tenggat_dihitung_ulang")
        .exists()
    )


def test_closed_items_keep_their_deadlines(desa_b, client_for, django_capture_on_commit_callbacks):
    from pengaduan import layanan
    from sitecore.models import HariLibur

    resident = client_for(desa_b)
    url = section(desa_b, "pengaduan").url
    with time_machine.travel(RABU, tick=False):
        token = form_token(resident, url)
        resident.post(url, isian(token))
        item = Pengaduan.objects.get(site=desa_b)
        layanan.ubah_status(
            item,
            "ditolak",
            data={"alasan": "Laporan ganda", "judul_publik": "Pengaduan di Dusun Krajan"},
        )
    item.refresh_from_db()
    before = item.tenggat_tanggapan
    with django_capture_on_commit_callbacks(execute=True):
        HariLibur.objects.create(
            tanggal=datetime(2026, 12, 24).date(), nama="Batal", jenis=HariLibur.Jenis.MASUK
        )
    item.refresh_from_db()
    assert item.tenggat_tanggapan == before
    assert not DesaLogEntry.objects.filter(action="desa.tenggat_dihitung_ulang").exists()
