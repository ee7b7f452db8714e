"""axe-core on every public page type: no serious or critical violation, on a phone.

The village gets the demo content (every app's demo seeder) so each page type has real
text, tables, charts, photos and forms to check, not empty shells.
"""

from datetime import date

import pytest
from wagtail import hooks
from wagtail.models import Site

from agenda.models import AgendaPage
from pengaduan.models import Pengaduan
from sitecore.demo.seed import ensure_directory
from sitecore.demo.villages import MEKAR_SARI
from sitecore.models import ArtikelPage, StatistikPage
from tests.conftest import section
from tests.e2e.conftest import DESKTOP, MOBILE
from transparansi.models import APBDesPage, DaftarInformasiPage, RKPDesPage, SertaMertaPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PENGADUAN_PRIVATE_ROOT = tmp_path / "private"


def seed_village(site):
    """Every app's demo content in `site` (the same hooks `seed_demo` runs)."""
    for fn in hooks.get_hooks("register_demo_seeder"):
        fn(site=site, data=MEKAR_SARI)


def _first(model, site):
    pages = model.objects.live().descendant_of(site.root_page)
    return pages.filter(locale__language_code="id").order_by("path")[0]


def _path(page):
    """The page's path on its own site (page.url is absolute when several sites exist)."""
    return page.get_url_parts()[2]


def public_paths(site):
    """(name, path) for every public page type of a seeded village."""
    artikel = _first(ArtikelPage, site)
    rkpdes = _first(RKPDesPage, site)
    kegiatan = rkpdes.kegiatan.first()
    item = Pengaduan.objects.filter(site=site).publik().order_by("-diterima_pada").first()
    pengaduan = _path(section(site, "pengaduan"))
    transparansi = _path(section(site, "transparansi"))
    paths = [
        ("beranda", "/"),
        ("beranda-en", "/en/"),
        ("artikel-index", _path(section(site, "artikel"))),
        ("artikel", _path(artikel)),
        ("komentar-form", _path(artikel) + "komentar/"),
        ("statistik-index", _path(section(site, "statistik"))),
        ("statistik", _path(_first(StatistikPage, site))),
        ("agenda-index", _path(section(site, "agenda"))),
        ("agenda-kalender", _path(section(site, "agenda")) + "kalender/"),
        ("agenda-acara", _path(_first(AgendaPage, site))),
        ("pengaduan-form", pengaduan),
        ("pengaduan-lacak", pengaduan + "lacak/"),
        ("pengaduan-status", f"{pengaduan}lacak/{item.kode}/"),
        ("pengaduan-register", pengaduan + "register/"),
        ("pengaduan-register-item", f"{pengaduan}register/{item.kode}/"),
        ("pengaduan-laporan", f"{pengaduan}laporan/{date.today().year}/"),
        ("transparansi-index", transparansi),
        ("apbdes", _path(_first(APBDesPage, site))),
        ("rkpdes", _path(rkpdes)),
        ("rkpdes-kegiatan", f"{_path(rkpdes)}kegiatan/{kegiatan.pk}/"),
        ("dip", _path(_first(DaftarInformasiPage, site))),
        ("serta-merta", _path(_first(SertaMertaPage, site))),
        ("permohonan-form", transparansi + "permohonan/"),
        ("permohonan-register", transparansi + "register/"),
        ("ppid-laporan", transparansi + "laporan/"),
        ("galeri", _path(section(site, "galeri"))),
        ("cari", "/cari/?q=jalan"),
        ("404", "/halaman-yang-tidak-ada/"),
    ]
    # The English interface of the forms and the busiest pages.
    english = ("pengaduan-form", "permohonan-form", "agenda-kalender", "artikel")
    paths += [(f"{name}-en", "/en" + path) for name, path in list(paths) if name in english]
    return paths


def _check(page, axe, url, name, shot=None, expect_status=200):
    response = page.goto(url)
    assert response.status == expect_status, (name, url, response.status)
    if shot:
        shot(page, name)
    violations = axe(page)
    # Mobile first: nothing wider than the screen (wide tables scroll in their own box).
    width = page.viewport_size["width"]
    if (scroll := page.evaluate("document.documentElement.scrollWidth")) > width:
        violations.append({"id": "horizontal-overflow", "impact": "serious", "width": scroll})
    return violations


def test_every_public_page_type_has_no_serious_violation(
    desa_a, page_factory, village_url, axe, shot, live_sites
):
    port = live_sites(desa_a)
    seed_village(desa_a)
    ensure_directory(port)
    Site.objects.filter(is_default_site=True).update(hostname="direktori.test")
    page = page_factory(MOBILE, bypass_csp=True)
    found = {}
    for name, path in public_paths(desa_a):
        status = 404 if name == "404" else 200
        violations = _check(page, axe, village_url(desa_a, path), name, shot, status)
        if violations:
            found[name] = violations
    # A complaint filed in the browser: the receipt and the status page with the answer.
    page.goto(village_url(desa_a, _path(section(desa_a, "pengaduan"))))
    page.locator("input[name=jenis][value=pengaduan]").check()
    page.locator("#id_judul").fill("Lampu jalan mati di dekat masjid")
    page.locator("#id_uraian").fill("Sudah seminggu lampu jalan di dekat masjid padam total.")
    page.locator("#id_persetujuan").check()
    page.locator("#id_captcha_1").fill("PASSED")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/terima/**")
    shot(page, "pengaduan-terima")
    if violations := axe(page):
        found["pengaduan-terima"] = violations
    # The reporter's own status page: answer forms (add detail, rate, reopen).
    kode = page.locator("dd.kode-besar").first.inner_text().strip()
    status_url = village_url(desa_a, f"{_path(section(desa_a, 'pengaduan'))}lacak/{kode}/")
    if violations := _check(page, axe, status_url, "pengaduan-status-pelapor", shot):
        found["pengaduan-status-pelapor"] = violations
    # The installation's directory of villages (default site).
    direktori = f"http://direktori.test:{port}/"
    if violations := _check(page, axe, direktori, "direktori", shot):
        found["direktori"] = violations
    assert not found, axe.describe(found)


def test_home_and_forms_on_desktop_have_no_serious_violation(
    desa_a, page_factory, village_url, axe
):
    seed_village(desa_a)
    page = page_factory(DESKTOP, bypass_csp=True)
    found = {}
    for name, path in public_paths(desa_a):
        if name in ("beranda", "artikel", "pengaduan-form", "apbdes", "agenda-kalender"):
            if violations := _check(page, axe, village_url(desa_a, path), name):
                found[name] = violations
    assert not found, axe.describe(found)
