"""Pages as a phone shows them: page content first, an inner page carries only its own
sidebar widgets, and the complaint form folds its optional part until it is used.

Heights and overflow are measured in the browser suite (tests/e2e/test_e2e_ponsel.py);
these tests hold the server-side rules that make them possible.
"""

import re

import pytest

from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.models import DesaProfil
from sitecore.sections import DesaWidget
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

# The interface language and layout do not depend on the database engine.
pytestmark = [pytest.mark.django_db, pytest.mark.sekali]


def _widgets(html):
    return re.findall(r'class="widget widget-([a-z-]+)"', html)


def test_widget_belongs_to_the_page_types_it_names():
    class ArtikelPage:
        pass

    class AgendaPage:
        pass

    everywhere = DesaWidget(key="a", area="sidebar", template="x.html")
    artikel_only = DesaWidget(
        key="b", area="sidebar", template="x.html", page_types=("ArtikelPage",)
    )
    assert everywhere.belongs_to(ArtikelPage()) and everywhere.belongs_to(None)
    assert artikel_only.belongs_to(ArtikelPage())
    assert not artikel_only.belongs_to(AgendaPage()) and not artikel_only.belongs_to(None)


def test_inner_pages_carry_only_their_own_widgets(desa_a, client_for):
    artikel = buat_artikel(section(desa_a, "artikel"), "Musim Tanam Dimulai")
    client = client_for(desa_a)
    home = _widgets(client.get("/").text)
    assert "pengunjung" in home and "artikel" not in home
    # News pages: the latest news and comments, not the officials or the budget.
    berita = _widgets(client.get(artikel.relative_url(desa_a)).text)
    assert "artikel" in berita
    assert not {"pengunjung", "apbdes", "aparatur", "sinergi"} & set(berita)


def test_a_page_without_widgets_has_no_sidebar_and_uses_the_full_width(desa_a, client_for):
    html = client_for(desa_a).get(section(desa_a, "pengaduan").relative_url(desa_a)).text
    assert "<aside" not in html and _widgets(html) == []
    assert 'class="wrap layout layout-full"' in html
    home = client_for(desa_a).get("/").text
    assert '<aside class="sidebar"' in home and "layout-full" not in home
    # Page content comes before the sidebar, so a phone shows it first.
    assert home.index('<main id="konten"') < home.index('<aside class="sidebar"')


def _url(site):
    return section(site, "pengaduan").relative_url(site)


def test_complaint_form_folds_its_optional_part_until_it_is_used(desa_a, client_for):
    client = client_for(desa_a)
    html = client.get(_url(desa_a)).text
    # The report, the consent and the send button show; the optional part is folded.
    assert '<details class="bagian-opsional">' in html
    assert html.index('name="uraian"') < html.index('<details class="bagian-opsional">')
    assert html.index('<details class="bagian-opsional">') < html.index('name="persetujuan"')


def test_a_form_sent_back_unfolds_what_the_villager_typed(desa_a, client_for):
    client = client_for(desa_a)
    token = form_token(client, _url(desa_a))
    # An error only in the required part keeps the optional part folded...
    response = client.post(_url(desa_a), isian(token, uraian="pendek", nama="", telepon=""))
    assert response.status_code == 400
    assert '<details class="bagian-opsional">' in response.text
    # ...but what was typed there (or an error there) is never hidden.
    token = form_token(client, _url(desa_a))
    response = client.post(_url(desa_a), isian(token, uraian="pendek", rt="03"))
    assert '<details class="bagian-opsional" open>' in response.text
    assert 'value="03"' in response.text
    token = form_token(client, _url(desa_a))
    response = client.post(_url(desa_a), isian(token, email="bukan-email"))
    assert '<details class="bagian-opsional" open>' in response.text
    assert "bukan-email" in response.text


def test_social_links_carry_inline_icons_and_nothing_from_elsewhere(desa_a, client_for):
    profil = DesaProfil.for_site(desa_a)
    profil.facebook = "https://www.facebook.com/desaalpha"
    profil.youtube = "https://www.youtube.com/@desaalpha"
    profil.save()
    html = client_for(desa_a).get("/").text
    footer = html[html.index('<footer class="site-footer">') :]
    links = re.findall(r'<a href="(https://www\.[a-z]+\.com/[^"]+)"[^>]*>(.*?)</a>', footer, re.S)
    assert {url.split("/")[2] for url, _ in links} >= {"www.facebook.com", "www.youtube.com"}
    for _, inner in links:
        assert '<svg class="ikon-sosmed"' in inner and 'aria-hidden="true"' in inner
    # The icons are drawn in the page: no image, script or style is fetched from the networks.
    assert re.findall(r' src="(https?://[^"]+)"', html) == []
    assert re.findall(r'<link rel="(?:stylesheet|icon)" href="(https?://[^"]+)"', html) == []
