"""The demo (`make demo`): two villages that differ, checked on one build.

Building the demo takes half a minute, so one test builds it (twice: it must be safe to
run again) and walks every part a visitor or officer would see.
"""

import io
import json
import os
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page, Site

from pengaduan.models import JalurUsulan, Notifikasi, Pengaduan
from pengaduan.usulan.models import HasilUsulan
from pengaduan.workflow import Status
from sitecore.models import DesaProfil
from tests import basisdata
from tests.bahasa import jelajah, teks_respons
from tests.conftest import section

# `make demo` runs on SQLite by definition: its test runs in the SQLite pass only.
pytestmark = [pytest.mark.django_db, pytest.mark.sekali]


def _seed():
    with open(os.devnull, "w") as out:
        call_command("seed_demo", port=8000, stdout=out)


def _counts():
    return (
        Site.objects.count(),
        Page.objects.count(),
        get_user_model().objects.count(),
        DesaProfil.objects.count(),
        Pengaduan.objects.count(),
        JalurUsulan.objects.count(),
    )


def test_demo_builds_two_villages_that_differ_and_can_run_again(
    client, client_for, settings, capsys, django_capture_on_commit_callbacks
):
    # As on a developer's machine: e-mail goes to the console.
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", port=8123, stdout=out)
    # A short summary ending with the addresses and logins; the demo's invented
    # complaints e-mail nobody, so nothing else reaches the terminal.
    lines = out.getvalue().splitlines()
    assert len(lines) <= 30 and "akun staf" in lines[-1]
    assert "http://mekarsari.localhost:8123/" in out.getvalue()
    assert "MIME-Version" not in capsys.readouterr().out
    assert not Notifikasi.objects.exists()
    if connection.vendor == "sqlite":
        # Kept for the browser suite's page tour, which then need not build it again.
        basisdata.save_demo(connection.connection, settings.MEDIA_ROOT)
    first = _counts()
    _seed()
    assert _counts() == first
    mekar = Site.objects.get(hostname="mekarsari.localhost")
    karang = Site.objects.get(hostname="karangsari.localhost")

    _villages_and_accounts(client, mekar, karang)
    _english_mirrors(client)
    _each_village_its_own_news(mekar, karang)
    for site in (mekar, karang):
        _english_everywhere(client_for, site)
    for site in (mekar, karang):
        _register(client_for, site)
    _proposals(client_for, mekar, karang)
    _amendment(client_for, mekar)


def _villages_and_accounts(client, mekar, karang):
    assert DesaProfil.for_site(mekar).zona_waktu == "Asia/Makassar"  # Lombok Barat: WITA
    assert DesaProfil.for_site(karang).zona_waktu == "Asia/Jakarta"  # Purbalingga: WIB
    assert DesaProfil.for_site(mekar).aparatur.count() >= 5
    assert DesaProfil.for_site(mekar).logo is not None

    home = client.get("/", HTTP_HOST="mekarsari.localhost:8000")
    assert home.status_code == 200
    assert "Sambutan Kepala Desa" in home.text
    assert "Kabupaten Lombok Barat" in home.text
    directory = client.get("/", HTTP_HOST="127.0.0.1:8000")
    assert "http://mekarsari.localhost:8000/" in directory.text
    assert "http://karangsari.localhost:8000/" in directory.text

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    editor = get_user_model().objects.get(username="editor.mekarsari")
    assert editor.groups.filter(name__contains="Mekar Sari").exists()


def _english_mirrors(client):
    from transparansi.models import APBDesPage

    apbdes = APBDesPage.objects.filter(locale__language_code="id").live().first()
    assert apbdes is not None
    english = apbdes.get_translations().filter(locale__language_code="en").first()
    assert english is not None
    response = client.get(english.url, HTTP_HOST="mekarsari.localhost:8000")
    assert response.status_code == 200 and '<html lang="en">' in response.text


def _each_village_its_own_news(mekar, karang):
    from sitecore.models import ArtikelPage, Komentar

    titles = list(ArtikelPage.objects.filter(locale__language_code="id").values_list("title"))
    assert len(titles) >= 16 and len(set(titles)) == len(titles)
    assert not ArtikelPage.objects.filter(slug__startswith="artikel-").exists()
    comments = {
        site.pk: set(Komentar.objects.filter(site=site).values_list("pesan", flat=True))
        for site in (mekar, karang)
    }
    assert comments[mekar.pk] and comments[karang.pk]
    assert not comments[mekar.pk] & comments[karang.pk]


def _english_everywhere(client_for, site):
    """Every public page type under /en/, reached by following links, speaks English:
    no Indonesian <title>, no Indonesian text outside elements marked lang="id"."""
    client = client_for(site)

    def get(path):
        response = client.get(path, follow=True)
        return response.status_code, response.get("Content-Type", ""), teks_respons(response)

    en = Locale.objects.get(language_code="en")
    english = Page.objects.live().descendant_of(site.root_page.get_translation(en)).specific()
    pengaduan = section(site, "pengaduan").get_translation(en)
    kode = Pengaduan.objects.filter(site=site).exclude(status=Status.DITERIMA).first().kode
    extra = [
        "/en/cari/?q=posyandu",
        f"{pengaduan.url}lacak/?kode={kode}",
        f"{section(site, 'transparansi').get_translation(en).url}permohonan/",
    ]
    masalah, dilihat = jelajah(
        get, allowed=[site.site_name], hosts=[site.hostname, f"{site.hostname}:8000"], extra=extra
    )
    report = "\n".join(
        f"{path}: title {found['title']}; "
        + "; ".join(f"{words} in {text!r}" for text, words in found["text"].items())
        for path, found in masalah.items()
    )
    assert not masalah, f"Indonesian on English pages of {site.site_name}:\n{report}"
    reached = {type(p) for p in english if p.url and urlsplit(p.url).path in dilihat}
    assert {type(p) for p in english} == reached
    assert any("/kegiatan/" in path for path in dilihat)  # a plan activity
    # The English menu has the Indonesian one's order (the profile first).
    menus = [
        list(Page.objects.child_of(home).live().in_menu().values_list("translation_key"))
        for home in (site.root_page, site.root_page.get_translation(en))
    ]
    assert menus[0] == menus[1] and len(menus[0]) >= 6
    assert any("/register/" in path for path in dilihat)


def _register(client_for, site):
    handled = Pengaduan.objects.filter(site=site).exclude(status=Status.DITERIMA)
    assert handled.exists() and not handled.filter(judul_publik="").exists()
    register = section(site, "pengaduan").url + "register/"
    data = json.loads(client_for(site).get(register + "json/").content)["data"]
    assert len(data) == handled.exclude(penyalahgunaan=True).count()
    assert any(r["rahasia"] for r in data)
    assert any(r["dirujuk_ke"] for r in data)
    html = client_for(site).get(register).content.decode()
    assert "Laporan rahasia" in html or "?halaman=2" in html


def _proposals(client_for, mekar, karang):
    """Proposals reach different levels and outcomes, and the two villages differ."""
    paths = {}
    for site in (mekar, karang):
        rows = JalurUsulan.objects.filter(pengaduan__site=site)
        paths[site.pk] = sorted(rows.values_list("tingkat", "hasil"))
        hasil = set(rows.values_list("hasil", flat=True))
        assert {HasilUsulan.DITAMPUNG_DESA, HasilUsulan.DITAMPUNG_LUAR, ""} <= hasil
        assert HasilUsulan.TIDAK_DITAMPUNG in hasil and HasilUsulan.DITUNDA in hasil
        # Accommodated in the village plan means linked from a live plan activity.
        for jalur in rows.filter(hasil=HasilUsulan.DITAMPUNG_DESA):
            assert jalur.pengaduan.kegiatan_rencana.filter(page__live=True).exists()
        # The yearly report counts them.
        tahun = rows.first().pengaduan.diterima_pada.year
        laporan = client_for(site).get(section(site, "pengaduan").url + f"laporan/{tahun}/")
        assert "Usulan pembangunan: ditampung atau tidak" in laporan.content.decode()
    assert paths[mekar.pk] != paths[karang.pk]


def _amendment(client_for, site):
    """The demo amendment was copied from the original, then a few lines changed."""
    from decimal import Decimal as D

    from transparansi import apbdes as hitung
    from transparansi.models import APBDesPage

    ubah = APBDesPage.objects.live().get(
        versi="perubahan", locale__language_code="id", path__startswith=site.root_page.path
    )
    asli = ubah.versi_lain()
    banding = hitung.bandingkan_versi(list(asli.baris.all()), list(ubah.baris.all()))
    juta = D(1_000_000)
    assert {b.kode: b.selisih / juta for b in banding.berubah()} == {
        "2.2.01": -10,
        "2.2.03": 10,
        "2.3.01": 40,
        "6.1.1": 40,
    }
    # More road paid by the audited SiLPA: belanja and penerimaan +40 juta, SiLPA unchanged.
    assert banding.ringkasan["belanja"].selisih == 40 * juta
    assert banding.ringkasan["silpa"].selisih == 0
    html = client_for(site).get(ubah.url).content.decode()
    assert "Pemeriksaan kesehatan lansia <em>(baris baru)</em>" in html
    assert "(Rp\u00a010.000.000)" in html
