"""Issue 17: what probing the demo from outside found, replayed as regression tests."""

import json

import pytest
from django.test import Client

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = pytest.mark.django_db


def _api_complaint(site, make_staff, client_for, ref):
    from wagtail.models import APIToken

    bot = make_staff(site, Peran.PETUGAS_PENGADUAN)
    _t, token = APIToken.create_token(user=bot, name="WA bot")
    response = client_for(site).post(
        "/api/pengaduan/",
        json.dumps({"judul": "Air mati", "uraian": "Dua hari air mati.", "ref": ref}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 201
    return Pengaduan.objects.get(kode=response.json()["kode"])


def test_web_form_never_reveals_the_code_of_an_api_complaint(desa_a, make_staff, client_for):
    """Probe 2: POST /pengaduan/ with token=api:<id>:<ref> redirected to the receipt."""
    item = _api_complaint(desa_a, make_staff, client_for, "wa-msg-8842")
    assert item.token_form.startswith("api:")
    url = section(desa_a, "pengaduan").url
    attacker = client_for(desa_a)
    attacker.get(url)  # a session and a CSRF cookie, as a browser would have
    for data in (
        {"token": item.token_form},  # only the token
        {**isian(form_token(attacker, url)), "token": item.token_form},  # a complete form
    ):
        response = attacker.post(url, data)
        assert item.kode not in response.get("Location", ""), data
        assert item.kode not in response.content.decode(), data
    assert Pengaduan.objects.filter(token_form=item.token_form).count() == 1


def test_resent_form_of_the_same_browser_still_goes_to_its_receipt(desa_a, client_for):
    url = section(desa_a, "pengaduan").url
    warga = client_for(desa_a)
    token = form_token(warga, url)
    assert token.startswith("web:")
    first = warga.post(url, isian(token))
    item = Pengaduan.objects.get(site=desa_a)
    assert first.status_code == 302 and first["Location"].endswith(f"terima/{item.kode}/")
    again = warga.post(url, isian(token))  # the same POST sent again (double click, retry)
    assert again.status_code == 302 and again["Location"].endswith(f"terima/{item.kode}/")
    assert Pengaduan.objects.filter(site=desa_a).count() == 1
    # Another browser replaying that token learns nothing and files nothing.
    other = client_for(desa_a)
    form_token(other, url)
    replay = other.post(url, isian(token))
    assert item.kode not in replay.get("Location", "") + replay.content.decode()
    assert Pengaduan.objects.filter(site=desa_a).count() == 1


def test_wrong_pins_block_the_guesser_not_the_owner(desa_a, client_for):
    """Probe 6: after 6 wrong PINs from anywhere, the correct PIN also answered 429."""
    url = section(desa_a, "pengaduan").url
    warga = client_for(desa_a)
    warga.post(url, isian(form_token(warga, url)))
    item = Pengaduan.objects.get(site=desa_a)
    pin = warga.get(f"{url}terima/{item.kode}/").context["pin"]
    status_url = f"{url}lacak/{item.kode}/"

    attacker = Client(HTTP_HOST="alpha.test", REMOTE_ADDR="203.0.113.7")
    answers = [
        attacker.post(status_url, {"aksi": "pin", "pin": f"{n:06d}"}).status_code
        for n in range(8)
        if f"{n:06d}" != pin
    ][:7]
    assert answers[:6] == [400] * 6 and answers[6] == 429  # refused, then blocked

    owner = Client(HTTP_HOST="alpha.test", REMOTE_ADDR="198.51.100.20")
    ok = owner.post(status_url, {"aksi": "pin", "pin": pin})
    assert ok.status_code == 302
    assert "Tambah keterangan" in owner.get(status_url).content.decode()
    # The guesser stays blocked, even with the right PIN.
    assert attacker.post(status_url, {"aksi": "pin", "pin": pin}).status_code == 429


def test_a_flood_of_cached_pages_does_not_reset_the_submission_limit(desa_a, client_for, settings):
    """Probe 1: limits shared the 300-entry page cache; 400 `GET /?ev=N` flushed them."""
    from django.core.cache import cache

    from pengaduan.pembatas import BATAS_KIRIM

    url = section(desa_a, "pengaduan").url
    warga = client_for(desa_a)
    for _ in range(BATAS_KIRIM[0]):
        assert warga.post(url, isian(form_token(warga, url))).status_code == 302
    limited = warga.post(url, isian(form_token(warga, url)))
    assert limited.status_code == 429 and limited["Retry-After"] == str(BATAS_KIRIM[1])
    flood = Client(HTTP_HOST="alpha.test")
    for n in range(40):
        assert flood.get(f"/?ev={n}").status_code == 200
    if "locmem" in settings.CACHES["default"]["BACKEND"].lower():
        # What the flood does to the 300-entry in-memory page cache, to the last entry.
        # (Redis has no such cap, and clearing it would flush the limits' database too.)
        cache.clear()
    assert warga.post(url, isian(form_token(warga, url))).status_code == 429
    assert Pengaduan.objects.filter(site=desa_a).count() == BATAS_KIRIM[0]


def _masuk(username, password, ip):
    return Client(REMOTE_ADDR=ip).post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


def test_password_spraying_is_limited_per_address_not_per_user(desa_a, make_staff):
    """Probe 5: 26 usernames with one wrong password each were never slowed."""
    from sitecore.auth import GAGAL_PER_ALAMAT

    officer = make_staff(desa_a, Peran.EDITOR, password="rahasia-desa-123")
    penyerang = "203.0.113.50"
    for n in range(GAGAL_PER_ALAMAT[0] + 1):
        response = _masuk(f"tebakan{n}", "Desa12345!", penyerang)
        assert response.status_code == 200, n  # the form again: one failure per username
    blocked = _masuk(officer.username, "rahasia-desa-123", penyerang)
    assert blocked.status_code == 429 and blocked["Retry-After"] == str(GAGAL_PER_ALAMAT[1])
    assert "berbagai nama pengguna" in blocked.content.decode()
    # The officer, from their own address, signs in as usual.
    assert _masuk(officer.username, "rahasia-desa-123", "198.51.100.9").status_code == 302


@pytest.mark.sekali
def test_two_gunicorn_workers_on_the_sqlite_default_share_one_limit(tmp_path):
    """Probe 1, second half: without Redis each worker kept its own counters, so every
    limit was multiplied by the number of workers."""
    import requests

    from pengaduan.pembatas import BATAS_LACAK
    from tests import basisdata
    from tests.subproses import manage
    from tests.test_security_reliability import _env, _Server

    db = basisdata.copy_sqlite_template(tmp_path / "batas.sqlite3")
    env = _env(tmp_path, f"sqlite:///{db}")
    manage(env, "buat_desa", "Batas", "--hostname", "batas.test", "--zona", "wib")
    server = _Server(env, tmp_path / "server.log", workers=2)
    try:
        server.wait()
        assert len(server.workers()) == 2
        session = requests.Session()
        url = f"{server.url}/pengaduan/lacak/ABC-DEFG-HJ/"  # well-formed, unknown: 404
        answers = [
            session.get(url, headers={"Host": "batas.test", "Connection": "close"}, timeout=30)
            for _ in range(BATAS_LACAK[0] + 1)
        ]
    finally:
        server.stop()
    assert [r.status_code for r in answers[:-1]] == [404] * BATAS_LACAK[0]
    assert answers[-1].status_code == 429
    assert answers[-1].headers["Retry-After"] == str(BATAS_LACAK[1])
