"""Filing on the web: form, receipt, code, status page, protections."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from pengaduan.kode import ALPHABET, KODE_RE, buat_kode, normalisasi_kode
from pengaduan.models import Pengaduan, TindakLanjut
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from tests.conftest import section

pytestmark = pytest.mark.django_db


def url(site, sub=""):
    return section(site, "pengaduan").url + sub


def test_code_format_and_entropy():
    codes = {buat_kode() for _ in range(2000)}
    assert len(codes) == 2000
    for code in list(codes)[:50]:
        assert KODE_RE.match(code)
        assert not set("01OILU") & set(code.replace("-", ""))
    assert len(ALPHABET) ** 9 >= 2**40
    assert normalisasi_kode("k7m q4p9 x2") == "K7M-Q4P9-X2"
    assert normalisasi_kode("K7M-Q4P9-X0") is None


def test_file_complaint_end_to_end(
    desa_a, client_for, make_staff, django_capture_on_commit_callbacks
):
    from sitecore.models.roles import Peran

    make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client = client_for(desa_a)
    token = form_token(client, url(desa_a))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(desa_a), isian(token, email="siti@example.test"))
    assert response.status_code == 302
    item = Pengaduan.objects.get()
    assert re.match(KODE_RE, item.kode)
    assert response["Location"].endswith(f"terima/{item.kode}/")
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    assert "no-store" in receipt["Cache-Control"]
    html = receipt.content.decode()
    assert item.kode in html
    assert "WITA" in html
    pin = receipt.context["pin"]
    assert pin and item.check_pin(pin) and pin not in item.pin_hash
    local = item.diterima_pada.astimezone(ZoneInfo("Asia/Makassar"))
    assert local.strftime("%H:%M") in html
    assert "wa.me/?text=" in html
    # PIN is shown once only.
    again = client.get(response["Location"])
    assert again.context["pin"] is None
    # Officers and the reporter got mail (through the task queue).
    recipients = sorted(r for m in mail.outbox for r in m.to)
    assert "siti@example.test" in recipients
    assert any(r.startswith("petugas_pengaduan") for r in recipients)
    assert TindakLanjut.objects.filter(pengaduan=item, ke_status="diterima").exists()


def test_bad_input_keeps_values_and_explains(desa_a, client_for):
    client = client_for(desa_a)
    token = form_token(client, url(desa_a))
    response = client.post(url(desa_a), isian(token, uraian="pendek", email="bukan-email"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Uraian terlalu singkat" in html
    assert "Alamat email tidak benar" in html
    assert "Jalan berlubang di depan SD" in html  # typed value kept
    assert not Pengaduan.objects.exists()


def test_resent_post_creates_one_item(desa_a, client_for):
    client = client_for(desa_a)
    token = form_token(client, url(desa_a))
    first = client.post(url(desa_a), isian(token))
    second = client.post(url(desa_a), isian(token))
    assert Pengaduan.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_honeypot_rejects(desa_a, client_for):
    client = client_for(desa_a)
    token = form_token(client, url(desa_a))
    response = client.post(url(desa_a), isian(token, situs_web="http://spam"))
    assert response.status_code == 400
    assert not Pengaduan.objects.exists()


def test_wrong_expired_and_replayed_captcha(desa_a, client_for):
    import re
    from datetime import timedelta

    from captcha.models import CaptchaStore
    from django.utils import timezone

    def kunci(response):
        html = response.content.decode()
        key = re.search(r'name="captcha_0" value="([0-9a-f]{40})"', html).group(1)
        return key, CaptchaStore.objects.get(hashkey=key).challenge

    client = client_for(desa_a)
    page = client.get(url(desa_a))
    key, _jawaban = kunci(page)
    token = page.context["form"]["token"].value()
    wrong = client.post(url(desa_a), isian(token, captcha_0=key, captcha_1="zzzzz"))
    assert wrong.status_code == 400
    assert "Kode keamanan salah" in wrong.content.decode()
    key, jawaban = kunci(wrong)
    CaptchaStore.objects.filter(hashkey=key).update(expiration=timezone.now() - timedelta(1))
    token = wrong.context["form"]["token"].value()
    response = client.post(url(desa_a), isian(token, captcha_0=key, captcha_1=jawaban))
    assert response.status_code == 400
    key, jawaban = kunci(response)
    token = response.context["form"]["token"].value()
    ok = client.post(url(desa_a), isian(token, captcha_0=key, captcha_1=jawaban))
    assert ok.status_code == 302
    other = client_for(desa_a)
    token = form_token(other, url(desa_a))
    replay = other.post(url(desa_a), isian(token, captcha_0=key, captcha_1=jawaban))
    assert replay.status_code == 400
    assert Pengaduan.objects.count() == 1


def test_rate_limit_per_client(desa_a, client_for):
    client = client_for(desa_a)
    for _ in range(5):
        token = form_token(client, url(desa_a))
        assert client.post(url(desa_a), isian(token)).status_code == 302
    token = form_token(client, url(desa_a))
    assert client.post(url(desa_a), isian(token)).status_code == 429
    assert Pengaduan.objects.count() == 5


def test_status_page_pin(desa_a, client_for):
    client = client_for(desa_a)
    token = form_token(client, url(desa_a))
    client.post(url(desa_a), isian(token))
    item = Pengaduan.objects.get()
    stranger = client_for(desa_a)
    status_url = url(desa_a, f"lacak/{item.kode}/")
    page = stranger.get(status_url)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert "Jalan berlubang" not in page.content.decode()  # raw title is private
    assert "Siti" not in page.content.decode()
    wrong = stranger.post(status_url, {"aksi": "pin", "pin": "000000"})
    assert wrong.status_code == 400
    assert "PIN tidak cocok" in wrong.content.decode()
    # Brute force is cut off per code.
    for _ in range(6):
        stranger.post(status_url, {"aksi": "pin", "pin": "111111"})
    blocked = client_for(desa_a).post(status_url, {"aksi": "pin", "pin": "222222"})
    assert blocked.status_code == 429
    # Another village's host cannot see the item.
    assert stranger.get(url(desa_a, "lacak/ZZZ-ZZZZ-ZZ/")).status_code == 404


def test_reporter_adds_information_with_pin(desa_a, client_for):
    from pengaduan import layanan

    item, pin, _ = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "saran", "judul": "Lampu jalan", "uraian": "Mohon lampu jalan dipasang."},
        diterima_pada=datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Makassar")),
    )
    client = client_for(desa_a)
    status_url = url(desa_a, f"lacak/{item.kode}/")
    assert client.post(status_url, {"aksi": "pin", "pin": pin}).status_code == 302
    response = client.post(status_url, {"aksi": "keterangan", "teks": "Tiang nomor 14."})
    assert response.status_code == 302
    assert item.tindak_lanjut.filter(jenis="keterangan", pesan_pelapor="Tiang nomor 14.").exists()
    assert "Tiang nomor 14." in client.get(status_url).content.decode()
