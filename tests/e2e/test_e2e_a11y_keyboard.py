"""Keyboard only: the complaint form filled and sent with Tab, Shift+Tab, Space, Enter
and typing, focus visible on every stop, past the captcha's spoken version."""

import pytest

from pengaduan.models import Pengaduan
from tests.conftest import section
from tests.e2e.conftest import MOBILE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Which element has focus, and whether a sighted keyboard user can see it.
FOCUS_JS = """() => {
    const e = document.activeElement;
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow && s.boxShadow !== "none";
    return {
        tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute("name") || "",
        type: e.getAttribute("type") || "", href: e.getAttribute("href") || "",
        text: (e.innerText || e.value || "").trim().slice(0, 60),
        visible: outline || shadow,
    };
}"""


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PENGADUAN_PRIVATE_ROOT = tmp_path / "private"


def tab_to(page, match, stops, backwards=False, limit=120):
    """Press Tab (or Shift+Tab) until `match(focus)`; every stop must show its focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        focus = page.evaluate(FOCUS_JS)
        stops.append(focus)
        assert focus["visible"], f"focus not visible on {focus}"
        if match(focus):
            return focus
    raise AssertionError(f"never reached the element; stops: {stops[-10:]}")


def test_complaint_form_by_keyboard_only(desa_a, page_factory, village_url, live_sites, shot):
    live_sites(desa_a)
    halaman = section(desa_a, "pengaduan").get_url_parts()[2]
    page = page_factory(MOBILE)
    page.goto(village_url(desa_a, halaman))
    stops = []

    # The captcha's spoken version is reachable by keyboard and announced by its name.
    suara = tab_to(page, lambda f: "captcha_suara=" in f["href"], stops)
    assert "Dengarkan kode keamanan" in suara["text"]
    assert "Ketik lima angka" in page.locator("#id_captcha_helptext").inner_text()
    assert page.locator("#id_captcha_1").get_attribute("aria-describedby") == (
        "id_captcha_helptext"
    )

    # From the top of the page, fill the whole form in order.
    page.goto(village_url(desa_a, halaman))
    stops.clear()
    jenis = tab_to(page, lambda f: f["name"] == "jenis", stops)
    # Arrow keys move within a radio group; Space selects the focused one.
    page.keyboard.press("Space")
    assert page.locator(f"#{jenis['id']}").is_checked()
    tab_to(page, lambda f: f["id"] == "id_judul", stops)
    page.keyboard.type("Saluran air tersumbat di RT 03")
    tab_to(page, lambda f: f["id"] == "id_uraian", stops)
    page.keyboard.type("Air meluap ke jalan setiap hujan deras, mohon dibersihkan.")
    tab_to(page, lambda f: f["id"] == "id_persetujuan", stops)
    page.keyboard.press("Space")
    assert page.locator("#id_persetujuan").is_checked()
    tab_to(page, lambda f: f["id"] == "id_captcha_1", stops)
    page.keyboard.type("salah")
    # Shift+Tab goes back through the form; Tab comes forward again.
    tab_to(page, lambda f: f["id"] == "id_persetujuan", stops, backwards=True)
    tab_to(page, lambda f: f["id"] == "id_captcha_1", stops)
    page.keyboard.press("Control+A")
    page.keyboard.type("PASSED")  # test mode stands in for the digits heard or seen
    shot(page, "terisi")
    tab_to(page, lambda f: f["tag"] == "button" and f["type"] == "submit", stops)
    page.keyboard.press("Enter")
    page.wait_for_url("**/terima/**")
    shot(page, "tanda-terima")

    item = Pengaduan.objects.get(site=desa_a)
    assert item.judul == "Saluran air tersumbat di RT 03"
    assert item.kode in page.locator("main").inner_text()
    # Every kind of control on the way was reached and showed its focus.
    kinds = {(s["tag"], s["type"]) for s in stops}
    assert {("input", "radio"), ("input", "text"), ("textarea", ""), ("a", "")} <= kinds
    assert ("input", "checkbox") in kinds and ("button", "submit") in kinds
