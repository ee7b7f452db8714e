"""Every admin page a village role uses speaks Indonesian.

Wagtail's Indonesian catalogue leaves much of the admin in English; locale/id fills the
gaps. Each role signs in, opens the pages of its daily work and the test reads what an
officer sees or hears: visible text, the sidebar's menu labels, and aria-label, title
and placeholder attributes.
"""

import json
import re
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import polib
import pytest

from agenda.models import AgendaPage
from pengaduan import layanan
from pengaduan.models import Pengaduan
from sitecore.models.roles import Peran
from tests.conftest import section
from transparansi.models import PermohonanInformasi
from transparansi.permohonan import aturan

# The admin's language does not depend on the database engine: SQLite pass only.
pytestmark = pytest.mark.sekali

# Unmistakably English interface words and phrases. Words Indonesian shares with English
# ("Status", "Email", "Tag", "Wagtail") are left out, and so is "English", the name of a
# page's language.
ENGLISH = [
    "Reports",
    "Help",
    "More actions",
    "More options",
    "Close",
    "Search",
    "Toggle",
    "Dashboard",
    "Pages",
    "Edit",
    "Delete",
    "Add",
    "Save",
    "Cancel",
    "Settings",
    "Account",
    "Log out",
    "None",
    "True",
    "False",
    "Sort",
    "Filter",
    "Actions",
    "Back",
    "Select",
    "Sidebar",
    "Breadcrumb",
    "Pagination",
    "Keyboard",
    "Shortcuts",
    "Profile",
    "Theme",
    "Preview",
    "Publish",
    "Workflow",
    "History",
    "Comments",
    "Translations",
    "Notifications",
    "Locked",
    "Live",
    "Draft",
    "items",
    "selected",
    "of",
    "by",
    "the",
    "and",
    "with",
]
ROOT = Path(__file__).resolve().parent.parent
ENGLISH_RE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")
ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}
HIDDEN = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Teks(HTMLParser):
    """What a person reads or a screen reader says on an admin page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.open = []  # (tag, hides its text) of the elements around the current data
        self.json = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ATTRIBUTES & attrs.keys():
            if attrs[name]:
                self.found.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button"} and attrs.get("value"):
            self.found.append(attrs["value"])  # the button's label
        if tag in VOID:
            return
        # A side panel's counter is filled in by script; the server leaves "None" there.
        self.open.append((tag, tag in HIDDEN or "data-side-panel-toggle-counter" in attrs))
        # The sidebar is drawn by script from this JSON: its menu labels are visible.
        if attrs.get("id") == "wagtail-sidebar-props":
            self.json = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID or tag not in (t for t, _ in self.open):
            return
        while self.open.pop()[0] != tag:
            pass
        if self.json is not None and tag == "script":
            self.found.extend(labels(json.loads("".join(self.json))))
            self.json = None

    def handle_data(self, data):
        if self.json is not None:
            self.json.append(data)
        elif data.strip() and not any(hides for _, hides in self.open):
            self.found.append(data)


def labels(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "label" and isinstance(item, str):
                yield item
            else:
                yield from labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from labels(item)


def english_on(html):
    parser = Teks()
    parser.feed(html)
    return sorted({" ".join(t.split()) for t in parser.found if ENGLISH_RE.search(t)})


def _isi(site, user):
    """Content each role works on, so list pages show rows and their menus."""
    layanan.buat_pengaduan(
        site=site,
        data={"jenis": "pengaduan", "judul": "Lampu jalan padam", "uraian": "Sudah sepekan."},
    )
    agenda = section(site, "agenda")
    mulai = datetime(2026, 11, 25, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    acara = AgendaPage(title="Posyandu balita", mulai=mulai, tempat="Balai desa")
    agenda.add_child(instance=acara)
    acara.save_revision(user=user).publish()
    aturan.daftarkan(
        PermohonanInformasi(
            site=site,
            nama="Ani",
            alamat="Dusun A",
            jenis_identitas="ktp",
            rincian="Rincian APBDes",
            tujuan="Ingin tahu",
            cara_memperoleh="melihat",
            cara_menerima="ambil",
        )
    )


def _halaman(site, peran):
    """The admin pages `peran` uses, as an officer of that role opens them."""
    home = site.root_page
    common = ["/admin/", "/admin/account/"]
    reports = ["/admin/reports/site-history/", "/admin/reports/aging-pages/"]
    if peran == Peran.EDITOR:
        artikel = section(site, "artikel")
        return [
            *common,
            *reports,
            f"/admin/pages/{home.pk}/",
            f"/admin/pages/{home.pk}/edit/",
            f"/admin/pages/{artikel.pk}/",
            f"/admin/pages/add/sitecore/artikelpage/{artikel.pk}/",
            "/admin/pages/search/?q=desa",
            "/admin/reports/locked/",
            "/admin/komentar/",
            "/admin/images/",
            "/admin/documents/",
        ]
    if peran == Peran.RELAWAN_JID:
        agenda = section(site, "agenda")
        acara = agenda.get_children().get(title="Posyandu balita")
        return [
            *common,
            *reports,
            f"/admin/pages/{agenda.pk}/",
            f"/admin/pages/{acara.pk}/edit/",
            f"/admin/pages/{acara.pk}/history/",
            "/admin/pages/search/?q=posyandu",
        ]
    if peran == Peran.PPID:
        transparansi = section(site, "transparansi")
        permohonan = PermohonanInformasi.objects.get(site=site)
        return [
            *common,
            *reports,
            f"/admin/pages/{transparansi.pk}/",
            f"/admin/pages/{transparansi.pk}/edit/",
            "/admin/pages/search/?q=desa",
            "/admin/permohonan_informasi/",
            f"/admin/permohonan_informasi/inspect/{permohonan.pk}/",
            f"/admin/permohonan_informasi/edit/{permohonan.pk}/",
        ]
    item = Pengaduan.objects.get(site=site)
    pages = common + [
        "/admin/pengaduan/item/",
        "/admin/pengaduan/item/?q=lampu",
        "/admin/pengaduan/item/?terlambat=true",
        f"/admin/pengaduan/item/inspect/{item.pk}/",
        f"/admin/pengaduan/item/edit/{item.pk}/",
        f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/",
        "/admin/pengaduan/item/new/",
        "/admin/pengaduan/laporan/",
        "/admin/pengaduan/template/",
    ]
    if peran == Peran.KOORDINATOR_PENGADUAN:
        pages += ["/admin/pengaduan/kategori/", "/admin/pengaduan/kategori/new/"]
    return pages


@pytest.mark.django_db
@pytest.mark.parametrize("peran", list(Peran), ids=lambda p: p.value)
def test_admin_speaks_indonesian_to_each_village_role(desa_a, make_staff, client, peran):
    officer = make_staff(desa_a, peran)
    _isi(desa_a, officer)
    client.force_login(officer)
    problems = {}
    for url in _halaman(desa_a, peran):
        response = client.get(url, HTTP_HOST=desa_a.hostname)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert re.search(r'<html[^>]* lang="id"', html), url
        if found := english_on(html):
            problems[url] = found
    assert not problems, "English on the admin of a village role:\n" + "\n".join(
        f"{url}\n    " + "\n    ".join(texts) for url, texts in problems.items()
    )


def test_the_parser_reads_text_attributes_and_sidebar_labels_but_not_scripts():
    html = """<html><body><p>Laporan <b>harian</b></p>
    <button aria-label="Toggle sidebar" title="Tutup"></button>
    <input placeholder="Search…"><input type="submit" value="Save"><input value="Edit">
    <script>var x = "Reports";</script>
    <script id="wagtail-sidebar-props" type="application/json">
      {"modules": [{"menuItems": [{"label": "Help", "url": "/admin/"}]}]}
    </script>
    <template><span>More actions</span></template>
    <div data-side-panel-toggle-counter hidden>None</div><br><p>Sort<img alt="Cari"></p>
    </body></html>"""
    assert english_on(html) == ["Help", "Save", "Search…", "Sort", "Toggle sidebar"]


@pytest.mark.django_db
def test_page_search_counts_pages_instead_of_none(desa_a, make_staff, client):
    # Wagtail's search view has no model name: "1-3 of 3 None" (sitecore.explorer).
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    html = client.get("/admin/pages/search/?q=agenda", HTTP_HOST=desa_a.hostname)
    count = re.search(r"\d+–(\d+) dari (\d+) halaman", html.content.decode())
    assert count and count.group(1) == count.group(2) != "0"


def test_indonesian_catalogue_is_complete_and_keeps_placeholders():
    """locale/id is edited by hand: no empty entry, and the same placeholders."""
    placeholder = re.compile(r"%\(\w+\)[sdi]|\{\w+\}")
    problems = []
    for path in sorted((ROOT / "locale" / "id" / "LC_MESSAGES").glob("*.po")):
        for entry in polib.pofile(str(path)):
            sources = set(placeholder.findall(entry.msgid + (entry.msgid_plural or "")))
            texts = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
            for text in texts:
                if not text or "fuzzy" in entry.flags:
                    problems.append(f"untranslated: {entry.msgid!r}")
                elif not set(placeholder.findall(text)) <= sources:
                    problems.append(f"unknown placeholder: {entry.msgid!r} -> {text!r}")
                elif not entry.msgid_plural and set(placeholder.findall(text)) != sources:
                    problems.append(f"placeholder dropped: {entry.msgid!r} -> {text!r}")
    assert not problems, "\n".join(problems)
