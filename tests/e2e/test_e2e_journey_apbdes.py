"""Journey 3: a PPID editor creates a year's APBDes in the admin, imports its lines from
a CSV file, publishes it; the public infographic shows the computed totals."""

import csv

import pytest

from sitecore.models.roles import Peran
from tests.conftest import section
from tests.e2e.conftest import MOBILE
from tests.e2e.test_e2e_journey_berita import admin_login
from transparansi.anggaran.impor import KOLOM
from transparansi.models import APBDesPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BARIS = [
    ["4.2.1", "Dana Desa", "", "", "", "1000000000", "600000000", "2026-06-30"],
    ["4.2.3", "Alokasi Dana Desa", "", "", "", "450000000", "225000000", "2026-06-30"],
    [
        "1.1.01",
        "Penghasilan tetap perangkat",
        "5.1",
        "Kantor desa",
        "ADD",
        "380000000",
        "190000000",
        "2026-06-30",
    ],  # fmt: skip
    [
        "2.3.01",
        "Rehabilitasi jalan usaha tani",
        "5.3",
        "Dusun Karang Bedil",
        "DDS",
        "250000000",
        "100000000",
        "2026-06-30",
    ],  # fmt: skip
    ["6.1.1", "SiLPA tahun sebelumnya", "", "", "", "35000000", "35000000", "2026-06-30"],
    ["6.2.2", "Penyertaan modal BUMDes", "", "", "", "50000000", "0", ""],
]


def open_footer_menu(admin):
    """The publish action sits in the editor footer's 'more actions' menu."""
    toggle = admin.locator("#main footer .w-dropdown__toggle").first
    toggle.click()


def test_ppid_publishes_apbdes_with_csv_import(
    desa_a, make_staff, page_factory, village_url, live_sites, shot, tmp_path
):
    live_sites(desa_a)
    index = section(desa_a, "transparansi")
    ppid = make_staff(desa_a, Peran.PPID)
    berkas = tmp_path / "apbdes-2026.csv"
    with berkas.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(KOLOM)
        writer.writerows(BARIS)

    admin = page_factory(MOBILE)
    admin_login(admin, village_url(desa_a, "/admin/login/"), ppid)
    # A new APBDes page under the village's transparency section.
    admin.goto(village_url(desa_a, f"/admin/pages/add/transparansi/apbdespage/{index.pk}/"))
    admin.locator("#id_title").fill("APBDes 2026")
    admin.locator("#id_tahun").fill("2026")
    admin.locator("#main [role=tab]").nth(1).click()  # "Promote": the slug
    admin.locator("#id_slug").fill("apbdes-2026")
    admin.locator("#main footer button[type=submit]").first.click()
    admin.wait_for_url("**/admin/pages/*/edit/**")
    page = APBDesPage.objects.get(tahun=2026, alias_of__isnull=True)
    assert page.get_parent().pk == index.pk and not page.live

    # The CSV import (admin screen of the transparansi app) fills the lines as a draft.
    admin.goto(village_url(desa_a, f"/admin/transparansi/apbdes/{page.pk}/impor/"))
    admin.locator("input[type=file][name=berkas]").set_input_files(str(berkas))
    shot(admin, "impor")
    admin.locator("#main form button[type=submit]").click()
    admin.wait_for_url(f"**/admin/pages/{page.pk}/edit/**")
    assert "6 baris diimpor" in admin.content()
    shot(admin, "editor")
    open_footer_menu(admin)
    admin.locator("button[name=action-publish]").click()
    admin.wait_for_url(lambda u: f"/pages/{page.pk}/edit/" not in u)
    page.refresh_from_db()
    assert page.live and page.baris.count() == 6

    # The public infographic: totals computed from the imported lines.
    warga = page_factory(MOBILE)
    warga.goto(village_url(desa_a, page.get_url_parts()[2]))
    ringkasan = warga.locator("table.apbdes-ringkasan").inner_text().replace("\xa0", " ")
    assert "Rp 1.450.000.000" in ringkasan  # income: 1 billion + 450 million
    assert "Rp 630.000.000" in ringkasan  # spending: 380 + 250 million
    assert "Rp 820.000.000" in ringkasan  # surplus
    assert "Rp 805.000.000" in ringkasan  # SiLPA: surplus + 35 million - 50 million
    assert warga.locator("svg").count() >= 1  # server-side chart
    assert warga.evaluate("document.documentElement.scrollWidth") <= MOBILE["width"]
    shot(warga, "infografis")
