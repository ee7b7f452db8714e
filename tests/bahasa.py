"""Crawl a village's English pages and report Indonesian left outside `lang="id"`.

Used by the demo test (the demo is built once there) and by test_english_crawl.py.
Text inside an element marked `lang="id"` is allowed: it is Indonesian on purpose (a
villager's comment, content not yet translated) and screen readers read it so.
"""

import re
from collections import Counter
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Common Indonesian words with no English homograph, from menus, headings, buttons,
# forms and running text. Place names are not among them, so "Desa Mekar Sari" passes.
KATA_INDONESIA = frozenset(
    """
    beranda artikel berita statistik pengaduan transparansi galeri kegiatan laporan
    anggaran cari kirim tampilkan semua unduh selengkapnya baca lihat halaman tanggal
    dan yang untuk dengan dari ini itu atau tidak pada oleh sebagai dalam akan telah
    sudah belum warga kepala sekretaris pemerintahan pembangunan kesehatan pertanian
    pendidikan agama pekerjaan perempuan laki jumlah kelompok tahun bulan hari minggu
    senin selasa rabu kamis jumat sabtu pelayanan kantor jam sejarah lembaga misi
    profil struktur organisasi informasi publik permohonan daftar rencana kerja
    pengumuman terbaru dibaca komentar tulis nama pesan wajib kembali
    berikutnya sebelumnya masuk keluar bantuan
    """.split()
)
WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
SKIP_TAGS = {"script", "style", "template"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
SKIP_SUFFIXES = (".csv", ".pdf", ".ics", ".xlsx", ".json", ".png", ".jpg", ".svg", ".xml")
PER_PARENT = 12  # children visited per listing (most are of one page type)
PER_ROUTE = 4  # pages visited per route family (/en/agenda/kalender/…, /en/artikel/tag/…)


class _Teks(HTMLParser):
    """Collects the <title> and visible text outside elements marked lang="id"."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, counts_as_indonesian, skipped)
        self.title = ""
        self.teks = []
        self.links = []
        self.in_svg = False  # an SVG's <title> is the chart's name, not the page's

    def _inside(self, index):
        return any(entry[index] for entry in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in VOID:
            return
        if tag == "svg":
            self.in_svg = True
        lang = (attrs.get("lang") or "").lower()
        hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
        self.stack.append((tag, lang.startswith("id"), tag in SKIP_TAGS or hidden))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = False
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "title" and not self.in_svg:
            self.title += data
        elif data.strip() and not self._inside(1) and not self._inside(2):
            self.teks.append(data.strip())


def kata_indonesia(teks, allowed=()):
    """The Indonesian words in `teks`, once `allowed` phrases (names) are removed."""
    for phrase in allowed:
        teks = teks.replace(phrase, " ")
    return [w for w in WORD.findall(teks) if w.lower() in KATA_INDONESIA]


def periksa(html, allowed=()):
    """(title words, {text: words}, links) for one page."""
    parser = _Teks()
    parser.feed(html)
    judul = kata_indonesia(parser.title, allowed)
    teks = {}
    for t in parser.teks:
        found = kata_indonesia(t, allowed)
        if found:
            teks[t[:120]] = found
    return judul, teks, parser.links


def jelajah(get, start="/en/", allowed=(), hosts=(), extra=(), limit=200):
    """Follow links under `start` from `start` (and `extra` paths, which may have a query);
    returns ({path: problems}, visited paths). Links to `hosts` count as local.

    `get(path)` returns (status, content type, html).
    """
    antrian, dilihat, masalah = [start, *extra], [], {}
    per_parent, per_route = Counter(), Counter()
    while antrian and len(dilihat) < limit:
        path = antrian.pop(0)
        if path in dilihat:
            continue
        dilihat.append(path)
        status, content_type, html = get(path)
        assert status == 200, f"{path}: {status}"
        if not content_type.startswith("text/html"):
            continue
        judul, teks, links = periksa(html, allowed)
        if judul or teks:
            masalah[path] = {"title": judul, "text": teks}
        for href in links:
            parts = urlsplit(href)
            if parts.netloc not in ("", *hosts) or parts.query:
                continue
            if not parts.path.startswith(start):
                continue
            link = parts.path
            if link.endswith(SKIP_SUFFIXES) or link in dilihat or link in antrian:
                continue
            parent = link.rstrip("/").rsplit("/", 1)[0]
            if parent != start.rstrip("/") and per_parent[parent] >= PER_PARENT:
                continue
            # Routes such as calendar months, tags or report years repeat one template.
            route = "/".join(link.split("/")[:4])
            if link.count("/") > 4 and per_route[route] >= PER_ROUTE:
                continue
            per_parent[parent] += 1
            per_route[route] += 1
            antrian.append(link)
    return masalah, dilihat


def teks_respons(response):
    """A response's body as text for the crawl; downloads (CSV, XLSX, PDF) are skipped."""
    if not response.get("Content-Type", "").startswith("text/"):
        return ""
    return response.content.decode()
