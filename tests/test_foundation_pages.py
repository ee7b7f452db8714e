"""Base templates, meta tags, sitemap, robots, search, 404 and languages."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from sitecore.models import Aparatur, DesaProfil, StandardPage
from tests.conftest import section

pytestmark = pytest.mark.django_db


@pytest.fixture
def profil_a(desa_a):
    profil = DesaProfil.for_site(desa_a)
    profil.alamat_kantor = "Jalan Raya Suranadi No. 12"
    profil.telepon = "0370 671234"
    profil.whatsapp = "0819 0712 3456"
    profil.email = "kantor@alpha.example"
    profil.jam_pelayanan = "Senin–Kamis: 08.00–15.00\nJumat: 08.00–11.30"
    profil.latitude, profil.longitude = "-8.573400", "116.205100"
    profil.facebook = "https://www.facebook.com/desaalpha"
    profil.slogan = "Terbuka dan sejahtera"
    profil.save()
    Aparatur.objects.create(profil=profil, nama="Lalu Saleh", jabatan="Kepala Desa")
    return profil


def test_base_template_renders_village_profile(profil_a, desa_a, client_for):
    html = client_for(desa_a).get("/").text
    assert '<html lang="id">' in html
    assert "Jalan Raya Suranadi No. 12" in html
    assert 'href="tel:0370671234"' in html
    assert 'href="https://wa.me/6281907123456"' in html
    assert "mailto:kantor@alpha.example" in html
    assert "Jumat: 08.00–11.30" in html and "WITA" in html
    assert "https://www.facebook.com/desaalpha" in html
    assert "openstreetmap.org/export/embed.html" in html and 'loading="lazy"' in html
    assert "Kabupaten Lombok Barat" in html
    # The officials belong to the profile pages, not to every page's sidebar.
    assert "Lalu Saleh" not in html
    profil = StandardPage(title="Profil Desa", slug="profil")
    desa_a.root_page.add_child(instance=profil)
    profil.save_revision().publish()
    assert "Lalu Saleh" in client_for(desa_a).get("/profil/").text
    # Accessibility basics.
    assert 'class="skip-link" href="#konten"' in html
    assert '<main id="konten"' in html
    assert 'aria-label="Menu utama"' in html


def test_navigation_lists_live_sections(desa_a, client_for):
    html = client_for(desa_a).get("/").text
    for title in ("Artikel", "Agenda", "Statistik", "Pengaduan", "Transparansi"):
        assert f">{title}</a>" in html


def test_open_graph_meta_on_every_page(profil_a, desa_a, client_for):
    page = StandardPage(title="Sejarah Desa", slug="sejarah", ringkasan="Asal-usul Desa Alpha.")
    desa_a.root_page.add_child(instance=page)
    page.save_revision().publish()
    html = client_for(desa_a).get("/sejarah/").text
    assert '<meta property="og:title" content="Sejarah Desa">' in html
    assert '<meta property="og:description" content="Asal-usul Desa Alpha.">' in html
    assert '<meta property="og:url" content="http://alpha.test/sejarah/">' in html
    assert '<meta name="twitter:card"' in html
    assert "<title>Sejarah Desa · Desa Alpha</title>" in html


def test_no_third_party_assets_on_public_pages(profil_a, desa_a, client_for):
    import re

    html = client_for(desa_a).get("/").text
    for match in re.finditer(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
        url = match.group(1)
        assert url.startswith("/") or url.startswith("http://alpha.test"), url
    # The only external frame is the map, inside a closed <details> (loads on demand).
    assert html.count("<iframe") == 1


def test_sitemap_lists_only_live_pages_of_the_village(desa_a, desa_b, client_for):
    draft = StandardPage(title="Konsep", slug="konsep", live=False)
    desa_a.root_page.add_child(instance=draft)
    draft.save_revision()
    response = client_for(desa_a).get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locs = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "http://alpha.test/" in locs
    assert "http://alpha.test/agenda/" in locs
    assert not any("konsep" in loc for loc in locs)
    assert not any("beta.test" in loc for loc in locs)


def test_robots_txt_points_to_sitemap(desa_a, client_for):
    response = client_for(desa_a).get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://alpha.test/sitemap.xml" in response.text
    assert "Disallow: /admin/" in response.text


def test_friendly_404(desa_a, client_for):
    response = client_for(desa_a).get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.text
    assert "Desa Alpha" in response.text  # still the village's look


def test_500_page_is_static_and_friendly(rf):
    from sitecore.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Maaf, terjadi gangguan" in response.content


def test_search_finds_only_this_villages_pages(desa_a, desa_b, client_for):
    for site, title in ((desa_a, "Embung Alpha"), (desa_b, "Embung Beta")):
        page = StandardPage(title=title, slug="embung", ringkasan="Embung desa untuk irigasi")
        site.root_page.add_child(instance=page)
        page.save_revision().publish()
    html = client_for(desa_a).get("/cari/", {"q": "embung"}).text
    assert "Embung Alpha" in html and "Embung Beta" not in html
    empty = client_for(desa_a).get("/cari/", {"q": "zzzzqqq"}).text
    assert "Tidak ada hasil" in empty
    # Bad paging never errors.
    assert client_for(desa_a).get("/cari/", {"q": "embung", "page": "x"}).status_code == 200


def test_search_does_not_list_unpublished_pages(desa_a, client_for):
    draft = StandardPage(title="Embung Rahasia", slug="rahasia", live=False)
    desa_a.root_page.add_child(instance=draft)
    html = client_for(desa_a).get("/cari/", {"q": "rahasia"}).text
    assert "Embung Rahasia" not in html


def test_language_switch_to_english_and_back(desa_a, client_for):
    client = client_for(desa_a)
    html_id = client.get("/").text
    assert '<html lang="id">' in html_id
    assert "Langsung ke isi utama" in html_id
    assert 'hreflang="en"' in html_id
    response = client.get("/en/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.text
    assert "Skip to main content" in response.text
    # English versions of section pages exist (kept in sync by wagtail-localize).
    assert client.get("/en/agenda/").status_code == 200
    # And back: the Indonesian link of the English page goes to the Indonesian URL.
    assert 'href="/" hreflang="id"' in response.text


def test_new_pages_get_english_aliases(desa_a):
    agenda = section(desa_a, "agenda")
    translations = agenda.get_translations()
    assert translations.filter(locale__language_code="en").exists()
    assert Page.objects.filter(alias_of=agenda).exists()


def test_rupiah_and_number_formatting():
    from django.utils import translation

    from sitecore.formatting import format_angka, format_persen, format_rupiah

    with translation.override("id"):
        assert format_rupiah(1250000) == "Rp\u00a01.250.000"
        assert format_rupiah(-500) == "-Rp\u00a0500"
        assert format_persen(87.456) == "87,5%"
        assert format_angka("1234567.891", 2) == "1.234.567,89"
    with translation.override("en"):
        assert format_rupiah(1250000) == "Rp\u00a01,250,000"
    assert format_rupiah("bukan angka") == ""


def test_indonesian_dates(desa_a, client_for):
    from datetime import date

    from django.template import Context, Template
    from django.utils import translation

    with translation.override("id"):
        out = Template('{{ d|date:"DATE_FORMAT" }}').render(Context({"d": date(2026, 8, 17)}))
    assert out == "17 Agustus 2026"


def test_admin_speaks_indonesian(desa_a, make_staff, client):
    from sitecore.models.roles import Peran

    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="id"' in response.text
    assert "Halaman" in response.text and "Keluar" in response.text
