"""Every public page type of both demo villages, as a phone and a desktop show it.

The demo is built once into the live server's database; each page type is opened at
360x800, measured and saved under test-artifacts/e2e/halaman/ so anyone can look at
them, and saved at 1280x900 for the first village (the second village's desktop pages
use the same templates); the main English pages are measured on the phone too. On a phone: the
home page at most 6,000 px tall, the complaint form and a complaint's status page at most
2,500 px, and nothing wider than the screen outside a scroll container (a wide table
scrolls with its first column kept in view, or stacks its rows).
"""

import os

import pytest
from django.core.management import call_command
from django.db.models import Q
from wagtail.models import Collection, Locale, Page, Site

from pengaduan.models import Pengaduan
from tests import basisdata
from tests.conftest import _ensure_wagtail_roots
from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
BUDGET = {"beranda": 6000, "pengaduan-formulir": 2500, "pengaduan-status": 2500}
# English pages measured on the phone too: the budgeted ones and those with the longest
# words and widest tables (the rest share these templates).
ENGLISH = {*BUDGET, "APBDesPage", "DaftarInformasiPage", "StatistikPage", "pengaduan-laporan"}

# Elements reaching past the right edge of the screen, unless a scroll container holds
# them; and each scrolling table whose first column does not stay in view.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || r.right <= width + 1) continue;
    let p = el.parentElement, held = false;
    while (p) {
      const o = getComputedStyle(p).overflowX;
      if (o === "auto" || o === "scroll" || o === "hidden") { held = true; break; }
      p = p.parentElement;
    }
    if (!held) out.push(el.tagName + "." + el.className + " → " + Math.round(r.right));
  }
  for (const box of document.querySelectorAll(".table-scroll")) {
    const cell = box.querySelector("tbody tr > :first-child");
    if (box.scrollWidth > box.clientWidth && cell && !box.querySelector("table.kalender")
        && getComputedStyle(cell).position !== "sticky") {
      const label = box.getAttribute("aria-labelledby") || box.className;
      out.push("table without a sticky first column: " + label);
    }
  }
  return out.slice(0, 8);
}"""


# Lazy images load only when scrolled to; load them all so the screenshots show them.
EAGER_IMAGES_JS = """async () => {
  const images = [...document.images];
  images.forEach((img) => { img.loading = "eager"; });
  await Promise.all(images.map((img) => img.complete ? null : new Promise((done) => {
    img.onload = img.onerror = done;
    setTimeout(done, 3000);
  })));
}"""


def _page_types(site):
    """(name, path) for one page of every public page type and route of a village."""
    indonesian = Locale.objects.get(language_code="id")
    pages = (
        Page.objects.descendant_of(site.root_page, inclusive=True)
        .live()
        .public()
        .filter(locale=indonesian)
        .specific()
        .order_by("path")
    )
    first = {}
    for page in pages:
        first.setdefault(type(page).__name__, page)
    paths = [("beranda", "/")]
    for name, page in sorted(first.items()):
        if name != "DesaHomePage":
            paths.append((name, page.relative_url(site)))
    pengaduan = first["PengaduanIndexPage"].relative_url(site)
    closed = max(
        Pengaduan.objects.filter(site=site, status="selesai", laporan_rahasia=False),
        key=lambda p: p.tindak_lanjut.count(),
    )
    transparansi = first["TransparansiIndexPage"].relative_url(site)
    paths += [
        ("pengaduan-formulir", pengaduan),
        ("pengaduan-status", f"{pengaduan}lacak/{closed.kode}/"),
        ("pengaduan-register", f"{pengaduan}register/"),
        ("pengaduan-register-item", f"{pengaduan}register/{closed.kode}/"),
        ("pengaduan-laporan", f"{pengaduan}laporan/"),
        ("permohonan-informasi", f"{transparansi}permohonan/"),
        ("register-permohonan", f"{transparansi}register/"),
        ("agenda-kalender", f"{first['AgendaIndexPage'].relative_url(site)}kalender/"),
        ("cari", "/cari/?q=air"),
        ("hari-kerja", "/hari-kerja/"),
    ]
    return paths


def _demo(port, media_root):
    """The demo in the live server's database, its sites on the live server's port.

    test_demo keeps the demo it builds in the SQLite pass (tests/basisdata.py); a copy
    of it is what `seed_demo` would make here. Without one (another code version, or
    `make e2e` alone) it is built here, and kept in turn."""
    from django.core.cache import cache
    from django.db import connection

    from sitecore.demo.villages import DEMO_VILLAGES

    connection.ensure_connection()
    if basisdata.load_demo(connection.connection, media_root):
        hostnames = [data["hostname"] for data in DEMO_VILLAGES]
        Site.objects.filter(Q(hostname__in=hostnames) | Q(is_default_site=True)).update(port=port)
        cache.clear()  # Wagtail's cached site list still has the old ports
        return
    # A transactional test may start on a flushed database (no root page) or on one
    # restored with the test villages' tree rows but not their parents' child counts.
    _ensure_wagtail_roots()
    Page.fix_tree()
    Collection.fix_tree()
    with open(os.devnull, "w") as out:
        call_command("seed_demo", port=port, stdout=out)
    basisdata.save_demo(connection.connection, media_root)


def test_every_public_page_type_on_a_phone_and_a_desktop(live_server, page_factory, settings):
    port = int(live_server.url.rsplit(":", 1)[1])
    _demo(port, settings.MEDIA_ROOT)
    folder = ARTIFACTS / "halaman"
    folder.mkdir(parents=True, exist_ok=True)
    phone, desktop = page_factory(PHONE), page_factory(DESKTOP)
    problems = []
    for hostname in ("mekarsari.localhost", "karangsari.localhost"):
        site = Site.objects.get(hostname=hostname)
        village = hostname.split(".")[0]
        for name, path in _page_types(site):
            base = f"http://{hostname}:{port}"
            # Indonesian on the phone (and the desktop, first village), saved; English
            # pages (same slugs under /en/) are held to the same phone rules.
            runs = [(PHONE, phone, path, True)]
            if hostname == "mekarsari.localhost":
                runs.append((DESKTOP, desktop, path, True))
            if name in ENGLISH:
                runs.append((PHONE, phone, f"/en{path}", False))
            for viewport, page, url, save in runs:
                label = f"{village} {name} {url}"
                response = page.goto(base + url)
                if response.status != 200:
                    problems.append(f"{label}: HTTP {response.status}")
                    continue
                if save:
                    page.evaluate(EAGER_IMAGES_JS)
                    page.screenshot(
                        path=str(folder / f"{village}-{name}-{viewport['width']}.png"),
                        full_page=True,
                    )
                if viewport is DESKTOP:
                    continue
                problems += _phone_problems(page, label, BUDGET.get(name))
    assert not problems, "\n".join(problems)


def _phone_problems(page, label, budget):
    problems = []
    height = page.evaluate("document.documentElement.scrollHeight")
    if budget and height > budget:
        problems.append(f"{label}: {height} px tall at 360 px (at most {budget})")
    for offender in page.evaluate(OVERFLOW_JS):
        problems.append(f"{label}: {offender}")
    wide = page.evaluate("document.documentElement.scrollWidth")
    if wide > PHONE["width"]:
        problems.append(f"{label}: page {wide} px wide at 360 px")
    return problems
