"""Journey 1: a villager reads the news and comments; an editor approves; it appears."""

import pytest

from sitecore.models import Komentar
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.e2e.conftest import DESKTOP, MOBILE
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "rahasia-desa-123"  # noqa: S105 - the make_staff fixture's test password


def admin_login(page, url, user):
    """Log in through the Wagtail admin's own login form."""
    page.goto(url)
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url("**/admin/")


@pytest.fixture(autouse=True)
def _counter_cache():
    from sitecore.klien import counter_cache

    counter_cache().clear()
    yield
    counter_cache().clear()


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["360", "1280"])
def test_villager_comments_editor_approves(
    desa_a, make_staff, page_factory, village_url, live_sites, shot, viewport
):
    live_sites(desa_a)
    index = section(desa_a, "artikel")
    buat_artikel(index, "Kerja bakti membersihkan saluran irigasi")
    artikel = buat_artikel(index, "Musyawarah desa membahas RKPDes")

    warga = page_factory(viewport)
    warga.goto(village_url(desa_a))
    warga.get_by_role("link", name="Artikel", exact=True).first.click()
    warga.wait_for_url("**/artikel/")
    assert warga.get_by_role("heading", name="Musyawarah desa membahas RKPDes").count() == 1
    shot(warga, "daftar-berita")
    warga.get_by_role("link", name="Musyawarah desa membahas RKPDes").first.click()
    warga.wait_for_url(f"**/artikel/{artikel.slug}/")
    assert warga.locator("h1").inner_text() == "Musyawarah desa membahas RKPDes"
    if viewport == MOBILE:
        assert warga.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]

    # The comment form lives on its own page (the article stays cacheable).
    warga.get_by_role("link", name="Tulis komentar").first.click()
    warga.wait_for_url("**/komentar/")
    warga.get_by_label("Nama").fill("Rina Wulandari")
    warga.get_by_label("Komentar").fill("Semoga hasil musyawarah segera dilaksanakan.")
    warga.locator("#id_captcha_1").fill("PASSED")
    shot(warga, "form-komentar")
    warga.get_by_role("button", name="Kirim komentar").click()
    warga.wait_for_url(f"**/artikel/{artikel.slug}/#komentar")
    assert "akan tampil setelah diperiksa" in warga.content()
    assert "Semoga hasil musyawarah" not in warga.locator("main").inner_text()
    komentar = Komentar.objects.get(page=artikel)
    assert komentar.status == Komentar.Status.MENUNGGU

    editor = make_staff(desa_a, Peran.EDITOR)
    admin = page_factory(viewport)
    admin_login(admin, village_url(desa_a, "/admin/login/"), editor)
    admin.goto(village_url(desa_a, "/admin/komentar/"))
    assert "Rina Wulandari" in admin.content()
    shot(admin, "admin-komentar")
    admin.goto(village_url(desa_a, f"/admin/komentar/edit/{komentar.pk}/"))
    admin.locator("select[name=status]").select_option("disetujui")
    admin.locator("#main footer button[type=submit]").first.click()
    admin.wait_for_url("**/admin/komentar/")
    komentar.refresh_from_db()
    assert komentar.status == Komentar.Status.DISETUJUI

    warga.goto(village_url(desa_a, f"/artikel/{artikel.slug}/"))
    daftar = warga.locator("#komentar")
    assert "Semoga hasil musyawarah segera dilaksanakan." in daftar.inner_text()
    assert "Rina Wulandari" in daftar.inner_text()
    shot(warga, "komentar-tampil")
