"""An objection (keberatan) lodged through the public PPID receipt page, over HTTP.

The request is registered on the public form; once it is decided, or its deadline has
passed unanswered, the applicant objects on the receipt page within 30 working days.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import formats

from sitecore.kalender.rules import KalenderKerja
from tests.conftest import section
from tests.test_transparansi_ppid import FORM
from transparansi.models import PermohonanInformasi
from transparansi.permohonan import aturan

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")


def _daftar(site, client_for):
    """Register a request on the public form; (client, request, receipt url)."""
    client = client_for(site)
    response = client.post(section(site, "transparansi").url + "permohonan/", FORM)
    assert response.status_code == 302
    return client, PermohonanInformasi.objects.get(site=site), response["Location"]


def _tanggal(moment):
    return formats.date_format(moment.astimezone(WITA), "j F Y")


def test_objection_after_a_refusal(desa_a, client_for):
    client, p, receipt = _daftar(desa_a, client_for)
    # No grounds yet: no form is offered and a POST stores nothing.
    html = client.get(receipt).content.decode()
    assert "Ajukan keberatan" not in html
    client.post(receipt, {"alasan": "ditolak", "uraian": "Terlalu cepat."})
    p.refresh_from_db()
    assert p.keberatan_pada is None and p.status == "diproses"

    aturan.putuskan(
        p,
        "ditolak",
        "Dokumen belum dapat diberikan.",
        alasan_penolakan="dikecualikan",
        dasar_hukum="UU 14/2008 Pasal 17 huruf h",
    ).save()
    html = client.get(receipt).content.decode()
    assert "Ajukan keberatan" in html and 'name="alasan"' in html
    batas = aturan.batas_keberatan(p)
    assert _tanggal(batas) in html

    # Bad input: a clear Indonesian error, nothing stored.
    for alasan in ("", "sembarang"):
        bad = client.post(receipt, {"alasan": alasan, "uraian": "x"})
        assert bad.status_code == 200
        assert "Pilih alasan keberatan." in bad.content.decode(), alasan
    p.refresh_from_db()
    assert p.keberatan_pada is None and p.status == "selesai"

    uraian = "Data anggaran bukan informasi yang dikecualikan."
    ok = client.post(receipt, {"alasan": "ditolak", "uraian": uraian})
    assert ok.status_code == 302 and ok["Location"].endswith(f"permohonan/{p.kode_lacak}/")
    p.refresh_from_db()
    assert p.status == "keberatan" and p.alasan_keberatan == "ditolak"
    assert p.uraian_keberatan == uraian and p.keberatan_pada is not None
    kalender = KalenderKerja.for_site(desa_a)
    assert p.tenggat_keberatan == kalender.deadline(p.keberatan_pada, 30)
    assert p.tenggat_keberatan > p.keberatan_pada + timedelta(days=30)  # working days
    html = client.get(receipt).content.decode()
    assert "Permohonan ditolak berdasarkan Pasal 17" in html
    assert _tanggal(p.tenggat_keberatan) in html
    assert 'name="alasan"' not in html  # one objection per request

    # A second objection is not taken.
    client.post(receipt, {"alasan": "biaya", "uraian": "Lagi."})
    p.refresh_from_db()
    assert p.alasan_keberatan == "ditolak" and p.uraian_keberatan == uraian


def test_objection_when_the_deadline_passed_unanswered(desa_a, client_for):
    client, p, receipt = _daftar(desa_a, client_for)
    kalender = KalenderKerja.for_site(desa_a)
    with time_machine.travel(p.tenggat + timedelta(hours=1), tick=False):
        html = client.get(receipt).content.decode()
        assert "Ajukan keberatan" in html
        ok = client.post(receipt, {"alasan": "tidak_ditanggapi", "uraian": ""})
        assert ok.status_code == 302
    p.refresh_from_db()
    assert p.status == "keberatan" and p.alasan_keberatan == "tidak_ditanggapi"
    assert p.tenggat_keberatan == kalender.deadline(p.keberatan_pada, 30)


def test_objection_after_thirty_working_days_is_refused(desa_a, client_for):
    client, p, receipt = _daftar(desa_a, client_for)
    batas = KalenderKerja.for_site(desa_a).deadline(p.tenggat, 30)
    with time_machine.travel(batas + timedelta(hours=1), tick=False):
        html = client.get(receipt).content.decode()
        assert "Ajukan keberatan" not in html
        response = client.post(receipt, {"alasan": "tidak_ditanggapi"})
        assert response.status_code == 200
    p.refresh_from_db()
    assert p.keberatan_pada is None and p.status == "diproses"
