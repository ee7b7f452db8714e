"""English pages: real translations through wagtail-localize, lang="id" where Indonesian
stays, standard labels in the visitor's language.

The crawl of every page type of both demo villages runs in test_demo.py, on the one
demo build; these tests check the parts on a fresh village, fast.
"""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation
from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.demo.terjemahan import UMUM, terjemahkan
from sitecore.models import Komentar
from tests.bahasa import jelajah, periksa, teks_respons
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

# The interface language and layout do not depend on the database engine.
pytestmark = [pytest.mark.django_db, pytest.mark.sekali]


def _en(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def _get(client):
    def get(path):
        response = client.get(path, follow=True)
        return response.status_code, response.get("Content-Type", ""), teks_respons(response)

    return get


def _translate_village(site, kamus):
    en = Locale.objects.get(language_code="en")
    home = site.root_page.specific
    home_texts = {
        "Desa Alpha": "Desa Alpha",  # the village's name
        "Selamat datang di situs resmi Desa Alpha.": "Welcome to Desa Alpha's site.",
    }
    missing = terjemahkan(home, {**home_texts, **kamus}, en)
    for page in home.get_descendants().live().specific():
        missing += terjemahkan(page, kamus, en)
    return missing


def test_an_untranslated_english_page_is_caught(desa_a, client_for):
    """Before translation /en/ shows the Indonesian aliases: the crawler must see it."""
    html = client_for(desa_a).get(_en(section(desa_a, "pengaduan")).url).content.decode()
    judul, teks, _links = periksa(html, allowed=["Desa Alpha"])
    assert judul == ["Pengaduan"]
    assert any("Transparansi" in words for words in teks.values()), teks


def test_translated_village_is_english_with_the_indonesian_menu_order(desa_a, client_for):
    # An article, so the news section has a page type of its own to translate.
    artikel = buat_artikel(section(desa_a, "artikel"), "Panen Raya di Dusun Krajan")
    create_aliases_for_new_page(artikel)
    kamus = {
        **UMUM,
        "Panen Raya di Dusun Krajan": "Harvest Festival in Krajan",
        "Ringkasan Panen Raya di Dusun Krajan": "Farmers celebrate the harvest.",
    }
    assert _translate_village(desa_a, kamus) == []
    en = Locale.objects.get(language_code="en")
    assert StringTranslation.objects.filter(locale=en, data="Complaints").exists()
    pengaduan_en = _en(section(desa_a, "pengaduan"))
    assert pengaduan_en.locale == en and pengaduan_en.alias_of_id is None

    client = client_for(desa_a)
    home = client.get("/en/").content.decode()
    menu = home.split('class="main-nav"')[1].split("</nav>")[0]
    order = [
        _en(section(desa_a, key)).title
        for key in ("artikel", "agenda", "statistik", "pengaduan", "transparansi")
    ]
    positions = [menu.index(f">{title}<") for title in order]
    assert order == ["News", "Events", "Statistics", "Complaints", "Transparency"]
    assert positions == sorted(positions)  # the Indonesian menu's order
    page = client.get(pengaduan_en.url).content.decode()
    assert "<title>Complaints · Desa Alpha</title>" in page
    masalah, dilihat = jelajah(_get(client), allowed=["Desa Alpha"], hosts=[desa_a.hostname])
    assert "/en/artikel/panen-raya-di-dusun-krajan/" in dilihat
    assert not masalah, masalah


def test_villagers_comments_show_on_the_english_article_marked_indonesian(desa_a, client_for):
    artikel = buat_artikel(section(desa_a, "artikel"), "Gotong royong")
    create_aliases_for_new_page(artikel)
    Komentar.objects.create(
        site=desa_a,
        page=artikel,
        nama="Rina",
        pesan="Semoga rutin diadakan.",
        status=Komentar.Status.DISETUJUI,
    )
    english = _en(artikel)
    html = client_for(desa_a).get(english.url).content.decode()
    assert '<div lang="id"><p>Semoga rutin diadakan.</p></div>' in html
    # The same comment on the Indonesian page carries no lang: it is the page's language.
    html_id = client_for(desa_a).get(artikel.url).content.decode()
    assert "<div><p>Semoga rutin diadakan.</p></div>" in html_id


def test_builtin_complaint_categories_follow_the_language(desa_a, client_for):
    from pengaduan.models import Kategori

    Kategori.objects.create(site=desa_a, nama="Irigasi subak", urutan=99)
    client = client_for(desa_a)
    english = client.get(_en(section(desa_a, "pengaduan")).url).content.decode()
    indonesian = client.get(section(desa_a, "pengaduan").url).content.decode()
    assert ">Infrastructure</option>" in english and ">Other</option>" in english
    assert ">Infrastruktur</option>" in indonesian
    # A village's own category is its own words, in both languages.
    assert ">Irigasi subak</option>" in english and ">Irigasi subak</option>" in indonesian


def test_standard_statistics_labels_follow_the_language(desa_a, client_for):
    from datetime import date

    from sitecore.statistik.admin import rows_to_stream
    from sitecore.statistik.models import StatistikData, StatistikPage

    index = section(desa_a, "statistik")
    page = StatistikPage(
        title="Status Perkawinan", slug="status-perkawinan", jenis="status_perkawinan"
    )
    page.data = [
        StatistikData(
            tanggal=date(2025, 12, 31),
            baris=rows_to_stream([("Belum kawin", 10, 12), ("Kawin siri", 1, 1)]),
        )
    ]
    index.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    create_aliases_for_new_page(StatistikPage.objects.get(pk=page.pk))
    english = _en(page)
    html = client_for(desa_a).get(english.url).content.decode()
    assert '<th scope="row">Never married</th>' in html
    assert '<th scope="row">Kawin siri</th>' in html  # not a standard label: as typed
    html_id = client_for(desa_a).get(page.url).content.decode()
    assert '<th scope="row">Belum kawin</th>' in html_id


def test_an_untranslated_english_page_marks_its_content_indonesian(desa_a, client_for):
    artikel = buat_artikel(section(desa_a, "artikel"), "Panen Raya di Dusun Krajan")
    create_aliases_for_new_page(artikel)
    english = _en(artikel)
    assert english.alias_of_id == artikel.pk  # not translated yet
    html = client_for(desa_a).get(english.url).content.decode()
    assert '<html lang="en">' in html
    assert '<h1 lang="id">Panen Raya di Dusun Krajan</h1>' in html
    assert '<p class="lead" lang="id">Ringkasan Panen Raya di Dusun Krajan</p>' in html
    # The interface around it is English, and not marked.
    assert ">Write a comment</a>" in html
