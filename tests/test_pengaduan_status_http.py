"""The reporter's status page over HTTP: rating and reopening a finished complaint.

The item is filed through the public form, closed by a village complaint officer through
the admin, then rated and reopened on the status page with its PIN, as people do it.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from pengaduan.models import TindakLanjut
from pengaduan.testing import _private_root, lapor  # noqa: F401
from pengaduan.workflow import Status
from sitecore.models import DesaLogEntry
from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = pytest.mark.django_db


def _selesai(site, client_for, make_staff, client):
    """File an item on the public form, close it in the admin; (reporter client, item, url)."""
    item, pin, status_url = lapor(site, client_for, section(site, "pengaduan").url)

    client.force_login(make_staff(site, Peran.PETUGAS_PENGADUAN))
    aksi = f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/"
    # The officer keeps the neutral public title the form suggests.
    judul = client.get(aksi).context["form"]["judul_publik"].value()
    assert (
        client.post(aksi, {"ke_status": "diverifikasi", "judul_publik": judul}).status_code == 302
    )
    selesai = {
        "ke_status": "selesai",
        "hasil": "korektif",
        "pesan_pelapor": "Lubang sudah ditambal kemarin sore.",
        "catatan_publik": "Jalan sudah diperbaiki.",
    }
    assert client.post(aksi, selesai).status_code == 302
    item.refresh_from_db()
    assert item.status == Status.SELESAI

    # A fresh browser: the reporter opens the status page with code and PIN.
    pelapor = client_for(site)
    assert pelapor.post(status_url, {"aksi": "pin", "pin": pin}).status_code == 302
    pelapor.pin = pin
    return pelapor, item, status_url


def _aksi(item):
    return list(
        DesaLogEntry.objects.filter(object_id=str(item.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )


def test_reporter_rates_a_finished_complaint(desa_a, client_for, make_staff, client):
    pelapor, item, status_url = _selesai(desa_a, client_for, make_staff, client)
    page = pelapor.get(status_url).content.decode()
    assert 'name="nilai"' in page and 'name="alasan"' in page  # both forms offered

    # Out of range, missing: a clear Indonesian error, nothing stored.
    for nilai in ("6", "0", "-1", "lima", ""):
        bad = pelapor.post(status_url, {"aksi": "nilai", "nilai": nilai, "komentar": "x"})
        assert bad.status_code == 400, nilai
        html = bad.content.decode()
        pesan = "Pilih nilai antara 1 dan 5." if nilai == "" else "Nilai harus antara 1 dan 5."
        assert pesan in html, nilai
    item.refresh_from_db()
    assert item.penilaian is None
    assert not TindakLanjut.objects.filter(pengaduan=item, jenis="penilaian").exists()
    assert "pengaduan.penilaian" not in _aksi(item)

    ok = pelapor.post(
        status_url, {"aksi": "nilai", "nilai": "4", "komentar": "Cepat, terima kasih."}
    )
    assert ok.status_code == 302 and ok["Location"].endswith(f"lacak/{item.kode}/")
    item.refresh_from_db()
    assert item.penilaian == 4 and item.komentar_penilaian == "Cepat, terima kasih."
    event = TindakLanjut.objects.get(pengaduan=item, jenis="penilaian")
    assert event.oleh_pelapor and event.catatan_publik == "Pelapor memberi nilai 4 dari 5."
    assert _aksi(item).count("pengaduan.penilaian") == 1
    html = pelapor.get(status_url).content.decode()
    assert "Terima kasih atas penilaian Anda." in html
    assert "Pelapor memberi nilai 4 dari 5." in html

    # Without the PIN (another browser) a rating is refused and changes nothing.
    stranger = client_for(desa_a)
    assert stranger.post(status_url, {"aksi": "nilai", "nilai": "1"}).status_code == 404
    item.refresh_from_db()
    assert item.penilaian == 4


def test_reporter_reopens_within_the_window(desa_a, client_for, make_staff, client):
    pelapor, item, status_url = _selesai(desa_a, client_for, make_staff, client)

    bad = pelapor.post(status_url, {"aksi": "buka", "alasan": ""})
    assert bad.status_code == 400
    assert "Tuliskan alasan Anda membuka kembali laporan ini." in bad.content.decode()
    item.refresh_from_db()
    assert item.status == Status.SELESAI and item.dibuka_kembali == 0

    alasan = "Tambalan sudah lepas lagi setelah hujan."
    ok = pelapor.post(status_url, {"aksi": "buka", "alasan": alasan})
    assert ok.status_code == 302 and ok["Location"].endswith(f"lacak/{item.kode}/")
    item.refresh_from_db()
    assert item.status == Status.DIBUKA_KEMBALI and item.dibuka_kembali == 1
    event = TindakLanjut.objects.get(pengaduan=item, ke_status=Status.DIBUKA_KEMBALI)
    assert event.oleh_pelapor and event.alasan == alasan and event.dari_status == Status.SELESAI
    assert _aksi(item)[-1] == "pengaduan.status"
    html = pelapor.get(status_url).content.decode()
    assert "Laporan dibuka kembali dan akan ditangani ulang." in html
    assert "Pelapor belum puas dan membuka kembali laporan." in html
    # Open again: neither form is offered, and a second reopen is refused.
    assert 'name="alasan"' not in html
    pelapor.post(status_url, {"aksi": "buka", "alasan": "Sekali lagi."})
    item.refresh_from_db()
    assert item.dibuka_kembali == 1


def test_reopen_after_fourteen_days_is_refused(desa_a, client_for, make_staff, client):
    pelapor, item, status_url = _selesai(desa_a, client_for, make_staff, client)
    sebelum = TindakLanjut.objects.filter(pengaduan=item).count()
    with time_machine.travel(item.diselesaikan_pada + timedelta(days=14, minutes=1), tick=False):
        assert timezone.now() > item.diselesaikan_pada + timedelta(days=14)
        # Two weeks on, the browser session has lapsed: the reporter types the PIN again.
        assert pelapor.post(status_url, {"aksi": "pin", "pin": pelapor.pin}).status_code == 302
        page = pelapor.get(status_url).content.decode()
        assert 'name="alasan"' not in page  # the form is no longer offered
        refused = pelapor.post(status_url, {"aksi": "buka", "alasan": "Belum beres."})
        assert refused.status_code == 302
        html = pelapor.get(status_url).content.decode()
    assert "Laporan hanya dapat dibuka kembali dalam 14 hari setelah selesai." in html
    item.refresh_from_db()
    assert item.status == Status.SELESAI and item.dibuka_kembali == 0
    assert TindakLanjut.objects.filter(pengaduan=item).count() == sebelum
