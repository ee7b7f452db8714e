"""Journey 5: a visitor switches to English and back, searches, and browses statistics."""

import pytest

from sitecore.demo.artikel import seed_artikel
from sitecore.demo.statistik import seed_statistik
from sitecore.demo.villages import MEKAR_SARI
from sitecore.models import StatistikPage
from tests.e2e.conftest import MOBILE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_language_search_statistics(desa_a, page_factory, village_url, live_sites, shot):
    live_sites(desa_a)
    seed_artikel(desa_a, MEKAR_SARI)
    seed_statistik(desa_a, MEKAR_SARI)
    page = page_factory(MOBILE)
    page.goto(village_url(desa_a))

    # English and back: the same page in the other language, the interface translated.
    page.get_by_role("link", name="EN – English").click()
    page.wait_for_url("**/en/**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("navigation", name="Main menu").get_by_role("link").count() > 3
    shot(page, "english")
    page.get_by_role("link", name="ID – Bahasa Indonesia").click()
    assert page.locator("html").get_attribute("lang") == "id"
    assert page.url == village_url(desa_a, "/")

    # Search: on a phone the header's search button opens the search page.
    assert not page.locator("#nav-q").is_visible()
    page.get_by_role("link", name="Cari di situs desa").click()
    page.wait_for_url("**/cari/")
    page.locator("#q").fill("posyandu")
    page.locator("#q").press("Enter")
    page.wait_for_url("**/cari/?q=posyandu")
    hasil = page.locator("ol.search-results > li")
    assert hasil.count() >= 1
    assert "osyandu" in hasil.first.inner_text()
    shot(page, "cari")
    hasil.first.get_by_role("link").click()
    assert "osyandu" in page.locator("main").inner_text()

    # Statistics: the index, then one category with its chart and table.
    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Statistik").click()
    page.wait_for_url("**/statistik/")
    shot(page, "statistik-index")
    kategori = StatistikPage.objects.live().get(
        jenis="pendidikan", locale__language_code="id", path__startswith=desa_a.root_page.path
    )
    page.get_by_role("link", name=kategori.title).first.click()
    page.wait_for_url(f"**/statistik/{kategori.slug}/")
    assert page.locator("figure.grafik-wrap svg").count() == 1
    tabel = page.locator("table.statistik-tabel").first
    assert "Tamat SD" in tabel.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    shot(page, "statistik")
