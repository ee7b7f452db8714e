"""A visitor browses both villages on a phone and a desktop and switches language."""

import pytest

from sitecore.models import DesaProfil
from tests.e2e.conftest import DESKTOP, MOBILE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.parametrize("viewport", [MOBILE, DESKTOP], ids=["360", "1280"])
def test_visitor_browses_both_villages(desa_a, desa_b, page_factory, village_url, shot, viewport):
    for site in (desa_a, desa_b):
        profil = DesaProfil.for_site(site)
        profil.alamat_kantor = f"Jalan Kantor Desa {profil.nama_desa} No. 1"
        profil.save()
    page = page_factory(viewport)
    for site, other in ((desa_a, desa_b), (desa_b, desa_a)):
        page.goto(village_url(site))
        heading = page.locator("h1").first.inner_text()
        assert heading == site.site_name
        assert other.site_name not in page.content()
        assert f"Jalan Kantor Desa {site.site_name.removeprefix('Desa ')}" in page.content()
        # Nothing wider than the screen on a phone.
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= viewport["width"]
        shot(page, site.hostname.split(".")[0])
        page.get_by_role("link", name="Agenda", exact=True).first.click()
        assert page.url.endswith("/agenda/")


def test_keyboard_user_can_skip_to_content(desa_a, page_factory, village_url):
    page = page_factory(MOBILE)
    page.goto(village_url(desa_a))
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert "Langsung ke isi utama" in focused
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "konten"


def test_switch_to_english_and_back(desa_a, page_factory, village_url, shot):
    page = page_factory(MOBILE)
    page.goto(village_url(desa_a))
    page.get_by_role("link", name="EN – English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_text("Skip to main content").count() == 1
    shot(page, "english")
    page.get_by_role("link", name="ID – Bahasa Indonesia").click()
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.url == village_url(desa_a, "/")
