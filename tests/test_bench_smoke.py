"""`make bench` data generators at a tiny scale, so they do not rot between runs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from agenda.models import AgendaPage
from pengaduan.models import Pengaduan, TindakLanjut
from pengaduan.testing import _private_root  # noqa: F401
from sitecore.bench import BenchScale, bench_pages, extra_villages, generate_village
from sitecore.bench_konten import tambah_artikel
from sitecore.models import ArtikelPage, DesaProfil
from tests.conftest import section
from transparansi.models import APBDesPage, BarisAPBDes

pytestmark = pytest.mark.django_db

TINY = BenchScale(artikel=20, pengaduan=50, baris_apbdes=20, agenda=6)
EXPECTED_PAGES = [
    "home",
    "article_list",
    "article",
    "agenda_calendar",
    "statistics",
    "apbdes",
    "register",
    "register_filtered",
    "report",
    "submission",
]


def test_generators_fill_a_village_with_live_routable_pages(desa_a, desa_b, client_for):
    generate_village(desa_a, TINY)

    artikel_index = section(desa_a, "artikel")
    artikel = ArtikelPage.objects.child_of(artikel_index)
    assert artikel.live().count() == 20
    # The tree stays consistent: numchild matches and treebeard finds every child.
    artikel_index.refresh_from_db()
    assert artikel_index.numchild == artikel_index.get_children().count() == 20
    assert Page.find_problems() == ([], [], [], [], [])
    assert AgendaPage.objects.child_of(section(desa_a, "agenda")).live().count() == 6
    assert Pengaduan.objects.filter(site=desa_a).count() == 50
    assert TindakLanjut.objects.filter(pengaduan__site=desa_a).count() >= 50
    assert len(set(Pengaduan.objects.values_list("kode", flat=True))) == 50
    apbdes = APBDesPage.objects.child_of(section(desa_a, "transparansi")).get()
    assert BarisAPBDes.objects.filter(page=apbdes).count() == 20
    # The other village is untouched.
    assert not Pengaduan.objects.filter(site=desa_b).exists()
    assert not ArtikelPage.objects.child_of(section(desa_b, "artikel")).exists()

    pages = bench_pages(desa_a)
    assert [p.key for p in pages] == EXPECTED_PAGES
    client = client_for(desa_a)
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, (page.key, page.url, response.status_code)
    # A bulk article is served like any other, with its body and the village frame.
    slug = artikel.order_by("path").last().slug
    response = client.get(f"{artikel_index.url}{slug}/")
    assert response.status_code == 200
    assert "Pemerintah desa bersama warga" in response.text
    # The register lists the generated public items only.
    register = client.get(next(p.url for p in pages if p.key == "register"))
    assert "Laporan warga tentang layanan desa" in register.text
    assert "Uraian asli dari pelapor" not in register.text


def test_adding_more_articles_continues_the_tree(desa_a, client_for):
    tambah_artikel(desa_a, 3)
    tambah_artikel(desa_a, 2, seed=3)
    index = section(desa_a, "artikel")
    paths = list(ArtikelPage.objects.child_of(index).values_list("path", flat=True))
    assert len(paths) == len(set(paths)) == 5
    assert Page.find_problems() == ([], [], [], [], [])
    listing = client_for(desa_a).get(index.url)
    assert listing.status_code == 200
    assert "laporan ke-5" in listing.text


def test_extra_villages_are_provisioned_up_to_the_total(desa_a, desa_b):
    before = DesaProfil.objects.count()
    created = extra_villages(before + 1, log=lambda *a: None)
    assert len(created) == 1
    assert DesaProfil.objects.count() == before + 1
    assert section(created[0], "pengaduan").live


def test_ping_is_plain_text_without_queries(client):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/ping/", HTTP_HOST="alpha.test")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content == b"ok"
    # The view itself asks nothing; the shared middleware (village lookup) may.
    assert len(ctx.captured_queries) <= 2


def test_upcoming_widget_shortcut_gives_the_same_events(desa_a):
    """agenda.daftar.mendatang(batas=n) skips far one-off events: same first n."""
    from django.utils import timezone

    from agenda import daftar
    from agenda.bench import tambah_agenda

    tambah_agenda(desa_a, 60)
    pages = daftar.agenda_pages(section(desa_a, "agenda"))
    now = timezone.now()

    def key(kejadian):
        return [(k.page.pk, k.mulai) for k in kejadian]

    semua = daftar.mendatang(pages, now)
    assert len(semua) > 5
    assert key(daftar.mendatang(pages, now, batas=5)) == key(semua[:5])
