"""Journey 6: a person requests public information; the PPID answers it in the admin;
the public request register shows the decision (never the requester's identity)."""

import pytest

from sitecore.models.roles import Peran
from tests.conftest import section
from tests.e2e.conftest import MOBILE
from tests.e2e.test_e2e_journey_berita import admin_login
from transparansi.models import PermohonanInformasi

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMA = "Wayan Sudarsana"
TELEPON = "0819 2233 4455"


def test_information_request_answered_by_ppid(
    desa_a, make_staff, page_factory, village_url, live_sites, shot
):
    live_sites(desa_a)
    transparansi = section(desa_a, "transparansi").get_url_parts()[2]

    pemohon = page_factory(MOBILE)
    pemohon.goto(village_url(desa_a, transparansi))
    pemohon.get_by_role("link", name="Ajukan permohonan informasi").first.click()
    pemohon.wait_for_url("**/permohonan/")
    pemohon.locator("#id_nama").fill(NAMA)
    pemohon.locator("#id_alamat").fill("Dusun Mekar Sari RT 02")
    pemohon.locator("#id_pekerjaan").fill("Petani")
    pemohon.locator("#id_telepon").fill(TELEPON)
    pemohon.locator("#id_jenis_identitas").select_option("ktp")
    pemohon.locator("#id_rincian").fill("Salinan laporan realisasi Dana Desa tahun lalu.")
    pemohon.locator("#id_tujuan").fill("Bahan diskusi kelompok tani.")
    pemohon.locator("input[name=cara_memperoleh][value=salinan_digital]").check()
    pemohon.locator("input[name=cara_menerima][value=ambil]").check()
    pemohon.locator("#id_setuju").check()
    pemohon.locator("#id_captcha_1").fill("PASSED")
    shot(pemohon, "formulir")
    pemohon.get_by_role("button", name="Kirim permohonan").click()
    pemohon.wait_for_url("**/permohonan/*/")
    permohonan = PermohonanInformasi.objects.get(site=desa_a)
    assert permohonan.nomor in pemohon.locator("main").inner_text()
    shot(pemohon, "tanda-terima")

    # The register lists it at once, still in process, without the requester.
    publik = page_factory(MOBILE)
    publik.goto(village_url(desa_a, transparansi + "register/"))
    baris = publik.locator("tbody tr", has_text=permohonan.nomor)
    assert "Sedang diproses" in baris.inner_text()

    # The PPID decides in the admin.
    ppid = make_staff(desa_a, Peran.PPID)
    admin = page_factory(MOBILE)
    admin_login(admin, village_url(desa_a, "/admin/login/"), ppid)
    admin.goto(village_url(desa_a, "/admin/permohonan_informasi/"))
    assert permohonan.nomor in admin.content()
    admin.goto(village_url(desa_a, f"/admin/permohonan_informasi/edit/{permohonan.pk}/"))
    admin.locator("#id_ringkasan_publik").fill("Laporan realisasi Dana Desa 2025")
    admin.locator("#id_tindakan").select_option("putuskan")
    admin.locator("#id_keputusan_baru").select_option("penuh")
    admin.locator("#id_jawaban_baru").fill("Salinan dapat diambil di kantor desa.")
    shot(admin, "ppid")
    admin.locator("#main footer button[type=submit]").first.click()
    admin.wait_for_url(lambda u: "/edit/" not in u)
    permohonan.refresh_from_db()
    assert permohonan.keputusan == "penuh"

    publik.reload()
    baris = publik.locator("tbody tr", has_text=permohonan.nomor)
    teks = baris.inner_text()
    assert "Laporan realisasi Dana Desa 2025" in teks
    assert "Dikabulkan seluruhnya" in teks
    halaman = publik.content()
    for pribadi in (NAMA, "Sudarsana", TELEPON, "Bahan diskusi"):
        assert pribadi not in halaman
    shot(publik, "register")
