"""`make bench` data generators at a tiny scale, so they do not rot between runs.

The generators are plain functions and run here under the test settings. The `bench` app
itself (commands, `/ping/`) is installed by `bench.settings` only: those tests start a
process with that settings module, and check that the product's settings carry neither.
"""

import json
import os

import pytest
from django.conf import settings
from django.core.management import get_commands
from django.http import Http404
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page

from agenda.models import AgendaPage
from bench.data import BenchScale, bench_pages, extra_villages, generate_village
from bench.data.konten import tambah_artikel
from pengaduan.models import Pengaduan, TindakLanjut
from pengaduan.testing import _private_root  # noqa: F401
from sitecore.models import ArtikelPage, DesaProfil, StatistikPage
from tests.conftest import section
from tests.subproses import manage
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
    "register_item",
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


def test_extra_villages_are_real_routable_villages_in_both_languages(desa_a, desa_b):
    before = DesaProfil.objects.count()
    created = extra_villages(before + 1, log=lambda *a: None)
    assert len(created) == 1
    assert DesaProfil.objects.count() == before + 1
    site = created[0]
    assert section(site, "pengaduan").live
    # The home is a real English translation (wagtail-localize), not an alias.
    home = site.root_page
    english = home.get_translations().get(locale__language_code="en")
    assert english.alias_of_id is None
    assert english.live

    generate_village(site, TINY)
    client = Client(HTTP_HOST=site.hostname)
    response = client.get("/")
    assert response.status_code == 200
    assert "Desa Bench 001" in response.text
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Welcome to the official site of Bench 001 village." in response.text
    # Statistics inserted in bulk render like published ones.
    stat = StatistikPage.objects.child_of(section(site, "statistik")).order_by("path").first()
    assert stat.live and stat.data.count() == 3
    response = client.get(stat.relative_url(site))
    assert response.status_code == 200, stat.url_path


BENCH_COMMANDS = {"bench", "bench_data", "bench_probe"}

# Run under a settings module by `_settings_process`: an empty in-memory database with
# the tables (no migrations: `/ping/` needs no rows), then what the tests look at.
PROBE = """
import json
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.db import connection
from django.http import Http404
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve

def view(path):
    try:
        return resolve(path)._func_path
    except Exception as exc:
        return type(exc).__name__


result = {
    "urlconf": settings.ROOT_URLCONF,
    "view": view("/ping/"),
    "drop": view("/__bench__/drop/"),
    "petugas": view("/__bench__/petugas/"),
    "middleware": list(settings.MIDDLEWARE),
    "apps": list(settings.INSTALLED_APPS),
    "commands": {name: app for name, app in get_commands().items() if app == "bench"},
}
if "bench" in result["commands"].values():
    parser = load_command_class("bench", "bench").create_parser("manage.py", "bench")
    result["bench_help"] = parser.format_help()
if PING:
    connection.settings_dict["TEST"]["MIGRATE"] = False
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    # The process's first request loads its site index (sitecore.situs); count a later one.
    Client().get("/ping/", HTTP_HOST="alpha.test")
    with CaptureQueriesContext(connection) as ctx:
        response = Client().get("/ping/", HTTP_HOST="alpha.test")
    result["ping"] = {
        "status": response.status_code,
        "content_type": response["Content-Type"],
        "content": response.content.decode(),
        "queries": len(ctx.captured_queries),
        "sql": [q["sql"][:120] for q in ctx.captured_queries],
    }
print(json.dumps(result))
"""


def _settings_process(tmp_path, module, ping=False):
    """PROBE's JSON from `manage.py shell` under the settings `module`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        DATABASE_URL=f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        SECRET_KEY="bench-settings-test-key-0123456789abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="alpha.test",
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        KUNJUNGAN_CACHE_DIR=str(tmp_path / "kunjungan"),
        LOG_LEVEL="WARNING",
        REQUEST_LOG_LEVEL="WARNING",
    )
    out = manage(env, "shell", "--no-imports", "-c", f"PING = {ping!r}\n{PROBE}")
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.sekali
def test_bench_settings_route_ping_and_install_the_commands(tmp_path):
    result = _settings_process(tmp_path, "bench.settings", ping=True)
    assert result["urlconf"] == "bench.urls"
    assert result["view"] == "bench.views.ping"
    assert result["drop"] == "bench.views.drop"
    assert result["petugas"] == "bench.views.petugas"
    assert set(result["commands"]) == BENCH_COMMANDS
    assert "--reuse" in result["bench_help"]
    assert "--build-only" in result["bench_help"]

    ping = result["ping"]
    assert ping["status"] == 200
    assert ping["content_type"].startswith("text/plain")
    assert ping["content"] == "ok"
    # The view itself asks nothing; the shared middleware asks at most whether the site
    # index is current (a row of the limits' cache table, without Redis).
    assert ping["queries"] <= 1, ping["sql"]


def test_product_settings_have_no_ping_and_no_bench_commands(desa_a, client_for):
    """The test settings, in this process: what production and development share."""
    assert "bench" not in settings.INSTALLED_APPS
    assert not BENCH_COMMANDS & set(get_commands())
    with pytest.raises(NoReverseMatch):
        reverse("ping")
    assert client_for(desa_a).get("/ping/").status_code == 404


@pytest.mark.sekali
def test_production_settings_have_no_ping_and_no_bench_commands(tmp_path):
    # Development and test settings add environment defaults to the same base.
    result = _settings_process(tmp_path, "sitecore.settings.production")
    assert result["urlconf"] == "sitecore.urls"
    assert result["view"] != "bench.views.ping"
    # Wagtail's catch-all takes any other path: the bench hooks are not routed.
    assert not result["drop"].startswith("bench.")
    assert not result["petugas"].startswith("bench.")
    assert result["commands"] == {}


@pytest.mark.sekali
def test_bare_settings_are_django_alone(tmp_path):
    """The stack-cost baseline: the same view, no app, no middleware."""
    result = _settings_process(tmp_path, "bench.bare")
    assert result["urlconf"] == "bench.bare"
    assert result["view"] == "bench.bare.ping"
    assert result["middleware"] == []
    assert result["apps"] == []
    assert result["drop"] == "Resolver404"


def test_bench_hooks_are_not_routed_by_the_product(desa_a, client_for):
    client = client_for(desa_a)
    assert client.post("/__bench__/drop/").status_code == 404
    assert client.post("/__bench__/petugas/").status_code == 404


def test_drop_empties_the_villages_cache(desa_a, desa_b, settings):
    """The cold client's hook: a new generation for the Host's village only."""
    from django.test import RequestFactory

    from bench import views
    from sitecore.pagecache.cache import SITUS, _generations

    def current_generation(hostname):
        return _generations(hostname, [SITUS])

    before_a, before_b = current_generation(desa_a.hostname), current_generation(desa_b.hostname)
    response = views.drop(RequestFactory().post("/__bench__/drop/", HTTP_HOST=desa_a.hostname))
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["pid"] == os.getpid()
    generations = settings.CACHES[settings.PAGE_CACHE_GENERATIONS_ALIAS]["BACKEND"]
    assert answer["shared"] == ("locmem" not in generations.lower())
    assert answer["shared"]  # every worker hears of a change (Redis or the database)
    assert current_generation(desa_a.hostname) != before_a
    assert current_generation(desa_b.hostname) == before_b


def test_officer_hook_changes_a_complaint_through_the_service(desa_a, desa_b):
    from django.test import RequestFactory

    from bench import views
    from pengaduan.workflow import Status

    generate_village(desa_a, TINY)
    factory = RequestFactory()

    def click():
        request = factory.post("/__bench__/petugas/", HTTP_HOST=desa_a.hostname)
        return json.loads(views.petugas(request).content)

    events_before = TindakLanjut.objects.filter(pengaduan__site=desa_a).count()
    first = click()
    item = Pengaduan.objects.get(kode=first["kode"])
    assert item.site == desa_a
    assert item.status == first["status"] == Status.DIBAHAS
    # The service recorded the event, as the officer's form does.
    event = TindakLanjut.objects.filter(pengaduan=item).latest("pk")
    assert (event.dari_status, event.ke_status) == (Status.DITINDAKLANJUTI, Status.DIBAHAS)
    second = click()
    assert second["kode"] == first["kode"]
    assert second["status"] == Status.DITINDAKLANJUTI
    assert TindakLanjut.objects.filter(pengaduan__site=desa_a).count() == events_before + 2
    # A village without a complaint in those states: nothing to change.
    with pytest.raises(Http404):
        views.petugas(factory.post("/__bench__/petugas/", HTTP_HOST=desa_b.hostname))


def test_percentiles_of_raw_samples():
    from bench.servers import _pct

    samples = [i / 1000 for i in range(1, 101)]  # 1..100 ms
    assert _pct(samples, 50) == 50
    assert _pct(samples, 95) == 95
    assert _pct(samples, 99) == 99
    assert _pct([0.2], 95) == 200
    assert _pct([], 50) is None


def test_upcoming_widget_shortcut_gives_the_same_events(desa_a):
    """agenda.daftar.mendatang(batas=n) skips far one-off events: same first n."""
    from django.utils import timezone

    from agenda import daftar
    from bench.data.agenda import tambah_agenda

    tambah_agenda(desa_a, 60)
    pages = daftar.agenda_pages(section(desa_a, "agenda"))
    now = timezone.now()

    def key(kejadian):
        return [(k.page.pk, k.mulai) for k in kejadian]

    semua = daftar.mendatang(pages, now)
    assert len(semua) > 5
    assert key(daftar.mendatang(pages, now, batas=5)) == key(semua[:5])
