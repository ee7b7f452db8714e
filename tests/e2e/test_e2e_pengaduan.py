"""A villager files a complaint on a 360 px phone, keeps the receipt and tracks it."""

import io
import re
import shutil

import pytest
from PIL import Image
from playwright.sync_api import expect

from pengaduan.kode import KODE_RE
from pengaduan.models import Lampiran, Pengaduan
from pengaduan.testing import _private_root  # noqa: F401
from tests.conftest import section
from tests.e2e.conftest import MOBILE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _png():
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 120, 60)).save(out, "PNG")
    return out.getvalue()


def _fits(page):
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"], wide
    return True


def test_villager_files_a_complaint_at_360px(desa_a, page_factory, village_url, shot):
    page = page_factory(MOBILE)
    base = section(desa_a, "pengaduan").get_url(current_site=desa_a)
    page.goto(village_url(desa_a, base))
    assert page.locator("h1").inner_text() == "Sampaikan pengaduan, saran atau usulan"
    assert _fits(page)

    page.get_by_label("Pengaduan", exact=True).check()
    page.get_by_label("Judul singkat").fill("Lampu jalan padam di gang masjid")
    page.get_by_label("Uraian").fill(
        "Tiga lampu jalan di gang menuju masjid padam sejak minggu lalu, jalan gelap."
    )
    # The optional part (photo, identity protection) is folded until opened.
    page.get_by_text("Lengkapi laporan").click()
    page.locator("input[name='lampiran']").set_input_files(
        {"name": "lampu.png", "mimeType": "image/png", "buffer": _png()}
    )
    page.get_by_label("Rahasiakan identitas saya").check()
    page.get_by_label("Saya setuju data laporan ini diproses", exact=False).check()
    page.locator("#id_captcha_1").fill("PASSED")
    shot(page, "formulir")
    page.get_by_role("button", name="Kirim laporan").click()

    page.wait_for_url(re.compile(r".*/terima/[0-9A-Z-]+/$"))
    assert page.locator("h1").inner_text() == "Tanda terima laporan"
    kode = page.locator(".kode-besar").first.inner_text().strip()
    pin = page.locator("#pin").inner_text().strip()
    assert KODE_RE.match(kode) and re.fullmatch(r"\d{6}", pin)
    assert "WITA" in page.content() and "Janji layanan" in page.content()
    assert _fits(page)
    shot(page, "tanda-terima")

    item = Pengaduan.objects.get(kode=kode)
    assert item.site == desa_a and item.rahasiakan_identitas and item.check_pin(pin)
    assert Lampiran.objects.filter(pengaduan=item, content_type="image/png").count() == 1

    page.get_by_role("link", name="Lihat status").click()
    page.wait_for_url(re.compile(rf".*/lacak/{kode}/$"))
    assert kode in page.locator("main").inner_text()
    assert "Diterima" in page.locator("main").inner_text()
    assert _fits(page)
    shot(page, "status")

    # A fresh phone (no session) tracks it by typing the code, then proves it with the PIN.
    other = page_factory(MOBILE)
    other.goto(village_url(desa_a, base + "lacak/"))
    other.get_by_label("Kode lacak").fill(kode.lower().replace("-", " "))
    other.get_by_role("button", name="Lacak").click()
    other.wait_for_url(re.compile(rf".*/lacak/{kode}/$"))
    other.get_by_label("PIN").fill(pin)
    other.get_by_role("button", name="Masuk").click()
    assert other.get_by_role("heading", name="Tambah keterangan").count() == 1


@pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")
def test_blind_user_listens_to_the_code_and_asks_for_a_new_one(
    desa_a, page_factory, village_url, shot
):
    page = page_factory(MOBILE)
    base = section(desa_a, "pengaduan").get_url(current_site=desa_a)
    page.goto(village_url(desa_a, base))
    audio = page.get_by_label("Dengarkan kode keamanan", exact=True)
    src = audio.get_attribute("src")
    key = page.locator("input[name='captcha_0']").input_value()
    assert src == f"?captcha_suara={key}"
    # Fetched by the page itself, with its session, as the player does.
    wav = page.evaluate(
        """async (src) => {
            const r = await fetch(src, {credentials: "same-origin"});
            const head = new Uint8Array(await r.arrayBuffer()).slice(0, 4);
            return {status: r.status, type: r.headers.get("content-type"),
                    head: String.fromCharCode(...head)};
        }""",
        src,
    )
    assert wav == {"status": 200, "type": "audio/wav", "head": "RIFF"}
    # "Ganti kode" swaps image, key and recording in place; what was typed stays.
    page.get_by_label("Judul singkat").fill("Jadwal posyandu diumumkan lewat WhatsApp")
    page.get_by_role("button", name="Ganti kode").click()
    # (expect() polls from Python: the page's CSP forbids wait_for_function's eval.)
    expect(page.locator("input[name='captcha_0']")).not_to_have_value(key)
    assert page.locator("#id_captcha_1").evaluate("e => e === document.activeElement")
    assert key not in audio.get_attribute("src")
    assert page.get_by_label("Judul singkat").input_value().startswith("Jadwal posyandu")
    page.get_by_label("Saran", exact=True).check()
    page.get_by_label("Uraian").fill("Mohon jadwal posyandu juga diumumkan di grup WhatsApp dusun.")
    page.get_by_label("Saya setuju data laporan ini diproses", exact=False).check()
    # Test mode: "PASSED" stands for the digits heard.
    page.get_by_label("Kode keamanan", exact=True).fill("PASSED")
    assert _fits(page)
    shot(page, "kode-suara")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url(re.compile(r".*/terima/[0-9A-Z-]+/$"))
    assert Pengaduan.objects.get(site=desa_a).jenis == "saran"
