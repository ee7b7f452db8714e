"""Journey 2: a complaint with a photo, from the villager's phone to Selesai and back.

The villager files it, keeps the receipt, follows the tracking code on another phone
with the PIN; an officer of the village handles it in the admin with public follow-ups;
the villager reads the answer and rates it; the public register shows it without any
personal data.
"""

import io

import pytest
from PIL import Image

from pengaduan.models import Pengaduan
from pengaduan.workflow import Status
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.e2e.conftest import MOBILE
from tests.e2e.test_e2e_journey_berita import admin_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMA = "Siti Rahmawati"
TELEPON = "0812 3456 7890"


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PENGADUAN_PRIVATE_ROOT = tmp_path / "private"


def foto(tmp_path):
    path = tmp_path / "jalan-berlubang.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (120, 90, 60)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def tindak_lanjut(admin, url, ke_status, catatan, **extra):
    """One step of the workflow through the officer's follow-up form."""
    admin.goto(url)
    admin.locator("#id_ke_status").select_option(ke_status)
    admin.locator("#id_catatan_publik").fill(catatan)
    for field, value in extra.items():
        locator = admin.locator(f"#id_{field}")
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)
    admin.get_by_role("button", name="Simpan", exact=True).click()
    admin.wait_for_url(lambda u: "tindak-lanjut" not in u)


def test_complaint_with_photo_to_selesai(
    desa_a, make_staff, page_factory, village_url, live_sites, shot, tmp_path
):
    live_sites(desa_a)
    halaman = section(desa_a, "pengaduan").get_url_parts()[2]

    # The villager files a complaint with a photo.
    warga = page_factory(MOBILE)
    warga.goto(village_url(desa_a, halaman))
    warga.locator("input[name=jenis][value=pengaduan]").check()
    warga.locator("#id_judul").fill("Jalan berlubang di depan SD")
    warga.locator("#id_uraian").fill(
        "Lubang besar di jalan desa membahayakan anak sekolah setiap pagi."
    )
    # The optional part (photo, identity) is folded on a phone until opened.
    warga.get_by_text("Lengkapi laporan").click()
    warga.locator("#id_lampiran").set_input_files(str(foto(tmp_path)))
    warga.locator("#id_nama").fill(NAMA)
    warga.locator("#id_telepon").fill(TELEPON)
    warga.locator("#id_persetujuan").check()
    warga.locator("#id_captcha_1").fill("PASSED")
    shot(warga, "formulir")
    warga.get_by_role("button", name="Kirim laporan").click()
    warga.wait_for_url("**/terima/**")
    kode = warga.locator("dd.kode-besar").first.inner_text().strip()
    pin = warga.locator("#pin").inner_text().strip()
    assert len(pin) == 6
    shot(warga, "tanda-terima")
    item = Pengaduan.objects.get(kode=kode)
    assert item.site_id == desa_a.pk and item.nama == NAMA
    assert item.lampiran.count() == 1

    # Later, on another phone: the tracking code, then the PIN for the answers.
    hp = page_factory(MOBILE)
    hp.goto(village_url(desa_a, halaman + "lacak/"))
    hp.locator("#id_kode").fill(kode.lower())
    hp.get_by_role("button", name="Lacak").click()
    hp.wait_for_url(f"**/lacak/{kode}/")
    assert "Diterima" in hp.locator("main").inner_text()
    shot(hp, "status-awal")

    # An officer of the village handles it in the admin, with public follow-ups.
    petugas = make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN)
    admin = page_factory(MOBILE)
    admin_login(admin, village_url(desa_a, "/admin/login/"), petugas)
    url_tl = village_url(desa_a, f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/")
    # Leaving Diterima puts the item in the public register: the form asks for its public
    # title there, suggesting a neutral one (never the reporter's words).
    admin.goto(url_tl)
    saran = admin.locator("#id_judul_publik").input_value()
    assert saran.startswith("Pengaduan") and "Jalan berlubang di depan SD" not in saran
    tindak_lanjut(
        admin,
        url_tl,
        "diverifikasi",
        "Laporan sudah kami cek di lokasi.",
        judul_publik="Jalan berlubang dekat sekolah",
        ringkasan_publik="Lubang di jalan desa dekat sekolah dasar.",
    )
    item.refresh_from_db()
    assert item.judul_publik == "Jalan berlubang dekat sekolah"
    tindak_lanjut(admin, url_tl, "ditindaklanjuti", "Perbaikan dijadwalkan pekan ini.")
    shot(admin, "admin")
    tindak_lanjut(
        admin,
        url_tl,
        "selesai",
        "Lubang sudah ditambal dengan aspal.",
        hasil="korektif",
        pesan_pelapor="Terima kasih, lubang sudah kami tambal hari ini.",
    )
    item.refresh_from_db()
    assert item.status == Status.SELESAI

    # Without the PIN the status page shows the public progress only.
    hp.reload()
    tanpa_pin = hp.locator("main").inner_text()
    assert "Selesai" in tanpa_pin and "Lubang sudah ditambal dengan aspal." in tanpa_pin
    assert "Terima kasih, lubang sudah kami tambal hari ini." not in tanpa_pin
    # The villager reads the answer with the PIN and rates it.
    hp.locator("#id_pin").fill(pin)
    hp.get_by_role("button", name="Masuk").click()
    main = hp.locator("main")
    assert "Selesai" in main.inner_text()
    assert "Lubang sudah ditambal dengan aspal." in main.inner_text()
    assert "Terima kasih, lubang sudah kami tambal hari ini." in main.inner_text()
    hp.locator("input[name=nilai][value='5']").check()
    hp.get_by_role("button", name="Kirim nilai").click()
    assert "Terima kasih atas penilaian Anda." in hp.locator("main").inner_text()
    shot(hp, "status-selesai")
    item.refresh_from_db()
    assert item.penilaian == 5

    # The public register: the item and its follow-ups, no name, no phone.
    publik = page_factory(MOBILE)
    publik.goto(village_url(desa_a, halaman + "register/"))
    assert "Jalan berlubang dekat sekolah" in publik.locator("main").inner_text()
    publik.get_by_role("link", name="Jalan berlubang dekat sekolah").first.click()
    publik.wait_for_url(f"**/register/{kode}/")
    teks = publik.content()
    assert "Lubang sudah ditambal dengan aspal." in teks
    assert "Laporan sudah kami cek di lokasi." in teks  # every public follow-up
    # The private message to the reporter and the photo stay private.
    assert "Terima kasih, lubang sudah kami tambal" not in teks
    assert "jalan-berlubang" not in teks and "/lampiran/" not in teks
    for pribadi in (NAMA, TELEPON, TELEPON.replace(" ", ""), "Rahmawati"):
        assert pribadi not in teks
    shot(publik, "register")
