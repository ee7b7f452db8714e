"""Per-request cost independent of the number of villages (issue 18).

A kabupaten hosts 100 to 500 villages on one installation: a village's pages must cost
the same queries, and never scan every site, whether it shares the installation with
4 or with 499 others. The 495 extra villages are bulk-inserted (root page and its
English translation, Site, DesaProfil) instead of provisioned one by one.
"""

import re
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from bench.data.core import insert_pages
from sitecore import situs
from sitecore.models import DesaHomePage, DesaProfil
from sitecore.provisioning import buat_desa
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db


def tambah_desa(start, count, bump=True):
    """`count` villages desa-skala-{n}.test: a live home page and its English alias
    under the tree root, a Site and a DesaProfil, in a few bulk INSERTs (no signals).

    `bump=False`: as if written by another app server, whose signals run there."""
    root = Page.get_first_root_node()
    locale_id = Locale.objects.get(language_code="id")
    locale_en = Locale.objects.get(language_code="en")
    content_type = ContentType.objects.get_for_model(DesaHomePage)
    last = root.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    numbers = range(start, start + count)

    def pages(locale, suffix, originals=None):
        nonlocal step
        made = []
        for i, n in enumerate(numbers):
            step += 1
            slug = f"desa-skala-{n}{suffix}"
            made.append(
                DesaHomePage(
                    title=f"Desa Skala {n}",
                    draft_title=f"Desa Skala {n}",
                    slug=slug,
                    path=Page._get_path(root.path, 2, step),
                    depth=2,
                    numchild=0,
                    url_path=f"/{slug}/",
                    content_type=content_type,
                    locale=locale,
                    live=True,
                    translation_key=originals[i].translation_key if originals else uuid.uuid4(),
                    alias_of_id=originals[i].pk if originals else None,
                )
            )
        return insert_pages(made)

    homes = pages(locale_id, "")
    pages(locale_en, "-en", originals=homes)
    Page.objects.filter(pk=root.pk).update(numchild=models.F("numchild") + 2 * count)
    sites = Site.objects.bulk_create(
        Site(hostname=f"desa-skala-{n}.test", site_name=f"Desa Skala {n}", root_page=home)
        for n, home in zip(numbers, homes, strict=True)
    )
    if not all(site.pk for site in sites):  # a backend without RETURNING
        sites = list(Site.objects.filter(hostname__startswith="desa-skala-"))
    DesaProfil.objects.bulk_create(
        DesaProfil(site=site, nama_desa=site.site_name, zona_waktu="Asia/Jakarta")
        for site in sites
        if site.hostname in {f"desa-skala-{n}.test" for n in numbers}
    )
    if bump:
        # What the Site signals do after a real save: Wagtail's and our index's caches go.
        Site.clear_site_root_paths_cache()
        situs.bump()


HREF = re.compile(r'(?:href|action|src)="([^"]*)"')


def ukur(client, urls):
    """{url: (status, queries, links)} for one village's public pages."""
    out = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        out[url] = (
            response.status_code,
            [q["sql"] for q in queries],
            HREF.findall(response.content.decode()),
        )
    return out


def test_a_village_costs_the_same_with_5_or_500_villages(desa_a, desa_b, client_for, monkeypatch):
    artikel = buat_artikel(section(desa_a, "artikel"), "Kabar jalan desa")
    tambah_desa(0, 3)
    assert DesaProfil.objects.count() == 5
    urls = [
        "/",
        "/en/",
        section(desa_a, "artikel").relative_url(desa_a),
        artikel.relative_url(desa_a),
        section(desa_a, "pengaduan").relative_url(desa_a) + "register/",
        section(desa_a, "transparansi").relative_url(desa_a),
    ]
    client = client_for(desa_a)
    ukur(client, urls)  # warm: the index, content types, locales, menu memo
    lima = ukur(client, urls)

    tambah_desa(3, 495)
    assert DesaProfil.objects.count() == 500
    assert Page.objects.filter(depth=2, locale__language_code="en").count() >= 500
    scans = []
    monkeypatch.setattr(Site, "get_site_root_paths", staticmethod(lambda: scans.append(1) or []))
    ukur(client, urls)
    lima_ratus = ukur(client, urls)

    for url in urls:
        status, queries, links = lima[url]
        assert status == 200, url
        assert lima_ratus[url][0] == 200, url
        assert len(lima_ratus[url][1]) == len(queries), (url, queries, lima_ratus[url][1])
        assert lima_ratus[url][2] == links, url
        assert any(link.startswith("/") for link in links), url
        # The request's village and every page URL come from the index: no query on
        # the sites table, no scan of every site's root paths.
        assert not [q for q in lima_ratus[url][1] if "wagtailcore_site" in q], url
    assert scans == []


def test_the_index_answers_exactly_as_wagtail(desa_a, desa_b, monkeypatch):
    tambah_desa(0, 40)
    Site.clear_site_root_paths_cache()
    wagtail_paths = Site.get_site_root_paths()
    assert situs.indeks(check=True).site_root_paths == wagtail_paths
    assert len(wagtail_paths) == 2 * Site.objects.count()

    pages = list(Page.objects.filter(depth__lte=4).specific())
    assert len(pages) > 100
    factory = RequestFactory()
    requests = {host: factory.get("/", HTTP_HOST=host) for host in ("alpha.test", "localhost")}
    requests[None] = None

    def answers():
        out = []
        for page in pages:
            site = page.get_site()
            out.append((page.url_path, page._get_relevant_site_root_paths(), site and site.pk))
            for host, request in requests.items():
                for lang in ("id", "en"):
                    with translation.override(lang):
                        out.append((page.url_path, host, lang, page.get_url(request)))
        return out

    ours = answers()
    for name, original in situs.WAGTAIL_ORIGINALS.items():
        monkeypatch.setattr(Page, name, original)
    theirs = answers()
    assert ours == theirs
    assert any(str(answer[-1]).startswith("http://desa-skala-") for answer in ours)


def test_the_request_finds_the_same_site_as_wagtail(desa_a, desa_b):
    tambah_desa(0, 2)
    Site.objects.create(hostname="alpha.test", port=8080, root_page=desa_b.root_page)
    Site.objects.create(hostname="dua.test", port=8000, root_page=desa_a.root_page)
    Site.objects.create(hostname="dua.test", port=8001, root_page=desa_b.root_page)
    factory = RequestFactory()
    hosts = [
        "alpha.test",
        "ALPHA.test",
        "alpha.test:8080",
        "alpha.test:9999",
        "beta.test:80",
        "desa-skala-1.test",
        "dua.test:8001",
        "dua.test:7000",
        "tidak-dikenal.test",
        "localhost",
    ]

    def compare():
        for host in hosts:
            request = factory.get("/", HTTP_HOST=host)
            ours, profil = situs.for_request(request)
            theirs = Site._find_for_request(request)
            assert (ours and ours.pk) == (theirs and theirs.pk), host
            assert (profil and profil.site_id) == (
                DesaProfil.objects.filter(site=theirs).values_list("site_id", flat=True).first()
            ), host

    compare()
    assert situs.for_request(factory.get("/", HTTP_HOST="tidak-dikenal.test"))[0].hostname == (
        "localhost"
    )
    # Without a default site an unknown host finds nothing, as with Wagtail.
    Site.objects.filter(is_default_site=True).update(is_default_site=False)
    situs.bump()
    compare()
    assert situs.for_request(factory.get("/", HTTP_HOST="tidak-dikenal.test")) == (None, None)


def test_a_new_village_answers_on_every_app_server_without_restart(desa_a, client_for):
    request = RequestFactory().get("/", HTTP_HOST="desa-skala-900.test")
    situs.indeks(check=True)
    tambah_desa(900, 1, bump=False)
    # This process's index predates the village: the host still finds the default site…
    assert situs.for_request(request)[0].hostname == "localhost"
    # …until the other server's commit moves the shared version: the next request reloads.
    situs.version_token().set("dari-server-lain")
    response = client_for(Site.objects.get(hostname="desa-skala-900.test")).get("/")
    assert response.status_code == 200
    assert "Desa Skala 900" in response.content.decode()
    home = DesaHomePage.objects.get(slug="desa-skala-900")
    assert home.get_site().hostname == "desa-skala-900.test"
    assert home.get_url(request) == "/"
    elsewhere = RequestFactory().get("/", HTTP_HOST="alpha.test")
    assert home.get_url(elsewhere) == "http://desa-skala-900.test/"


def test_a_rolled_back_village_leaves_no_trace(desa_a):
    request = RequestFactory().get("/", HTTP_HOST="hilang.test")
    situs.indeks(check=True)
    with pytest.raises(RuntimeError), transaction.atomic():
        Site.objects.create(hostname="hilang.test", root_page=desa_a.root_page)
        # The saving thread sees its own village at once…
        assert situs.for_request(request)[0].hostname == "hilang.test"
        raise RuntimeError
    # …and nobody does after the rollback.
    assert situs.for_request(request)[0].hostname == "localhost"
    assert "hilang.test" not in situs.indeks(check=True).by_host


def test_provisioning_a_village_bumps_the_shared_version(
    desa_a, client_for, commits_as_in_production
):
    situs.indeks(check=True)
    before = situs.shared_version()
    site = buat_desa("Gamma", "gamma.test", kabupaten="Kabupaten Skala")
    assert situs.shared_version() != before
    response = client_for(site).get("/")
    assert response.status_code == 200
    assert response.wsgi_request.desa_profil.nama_desa == "Gamma"
    assert section(site, "artikel").get_site().pk == site.pk


def test_cross_village_links_stay_absolute(desa_a, desa_b):
    request = RequestFactory().get("/", HTTP_HOST="alpha.test")
    request._wagtail_site = situs.for_request(request)[0]
    assert section(desa_a, "artikel").get_url(request) == "/artikel/"
    assert section(desa_b, "artikel").get_url(request) == "http://beta.test/artikel/"
    en = section(desa_b, "artikel").get_translation(Locale.objects.get(language_code="en"))
    with translation.override("en"):
        assert en.get_url(request) == "http://beta.test/en/artikel/"
        assert section(desa_a, "artikel").get_translation(en.locale).get_url(request) == (
            "/en/artikel/"
        )
    assert section(desa_b, "artikel").get_site().hostname == "beta.test"
    assert section(desa_b, "artikel").full_url == "http://beta.test/artikel/"


def test_a_profile_edit_shows_on_the_next_request(desa_a, client_for):
    client = client_for(desa_a)
    assert client.get("/").wsgi_request.desa_profil.nama_desa == "Alpha"
    profil = DesaProfil.objects.get(site=desa_a)
    profil.nama_desa = "Alpha Baru"
    profil.zona_waktu = "Asia/Jayapura"
    profil.save()
    response = client.get("/")
    assert response.wsgi_request.desa_profil.nama_desa == "Alpha Baru"
    assert "Alpha Baru" in response.content.decode()
    # Each request gets its own copy: a change made while rendering does not leak.
    response.wsgi_request.desa_profil.nama_desa = "Bocor"
    assert client.get("/").wsgi_request.desa_profil.nama_desa == "Alpha Baru"


def test_renaming_a_village_root_keeps_its_urls(desa_a, client_for):
    request = RequestFactory().get("/", HTTP_HOST="beta.test")
    assert section(desa_a, "artikel").get_url(request) == "http://alpha.test/artikel/"
    home = desa_a.root_page.specific
    home.slug = "alpha-baru"
    home.save()
    artikel = section(desa_a, "artikel")
    assert artikel.url_path == "/alpha-baru/artikel/"
    assert artikel.get_url(request) == "http://alpha.test/artikel/"
    assert artikel.get_site().pk == desa_a.pk
    assert client_for(desa_a).get("/artikel/").status_code == 200


def test_a_renamed_article_keeps_its_old_address_as_a_redirect(
    desa_a, client_for, django_capture_on_commit_callbacks
):
    # Wagtail's redirects app reads the site root paths its URL lookup leaves on the page.
    artikel = buat_artikel(section(desa_a, "artikel"), "Kerja bakti")
    old = artikel.relative_url(desa_a)
    with django_capture_on_commit_callbacks(execute=True):
        artikel.slug = "kerja-bakti-minggu-pagi"
        artikel.save_revision().publish()
    response = client_for(desa_a).get(old)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/artikel/kerja-bakti-minggu-pagi/")


def test_subtree_filters_use_a_range_and_find_what_wagtail_finds(desa_a, desa_b):
    from wagtail.models import PageViewRestriction
    from wagtail.query import PageQuerySet, TreeQuerySet

    from sitecore import pohon

    artikel = section(desa_a, "artikel")
    for title in ("Panen raya", "Kerja bakti"):
        buat_artikel(artikel, title)
    PageViewRestriction.objects.create(page=section(desa_a, "agenda"), restriction_type="login")
    homes = [desa_a.root_page, desa_b.root_page, artikel]

    def answers():
        out = []
        for page in homes:
            for qs in (
                Page.objects.descendant_of(page),
                Page.objects.descendant_of(page, inclusive=True),
                Page.objects.child_of(page),
                Page.objects.descendant_of(page).public(),
                Page.objects.descendant_of(page).not_public(),
            ):
                out.append(sorted(qs.values_list("pk", flat=True)))
        return out

    ours = answers()
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.descendant_of(desa_a.root_page))
    assert " LIKE " not in queries[-1]["sql"].upper()
    originals = {
        (TreeQuerySet, "descendant_of_q"): pohon.ORIGINALS["descendant_of_q"],
        (PageQuerySet, "private_q"): pohon.ORIGINALS["private_q"],
    }
    patched = {key: getattr(*key) for key in originals}
    try:
        for (cls, name), original in originals.items():
            setattr(cls, name, original)
        assert answers() == ours
    finally:
        for (cls, name), ours_fn in patched.items():
            setattr(cls, name, ours_fn)
    # In the first village the restricted agenda section is private, not public.
    agenda = section(desa_a, "agenda").pk
    assert agenda in ours[0] and agenda not in ours[3] and agenda in ours[4]


def test_the_version_check_rides_on_the_page_lookup_with_redis(
    desa_a, client_for, monkeypatch, settings
):
    """The shared version is read on every request; with Redis it comes back with the
    page cache's own lookup instead of a round trip of its own."""
    from sitecore import versi

    if "redis" not in settings.CACHES["default"]["BACKEND"]:
        pytest.skip("without Redis the version is a file or a table row")
    settings.PAGE_CACHE_ENABLED = True
    assert client_for(desa_a).get("/").status_code == 200  # the token exists now
    reads = []
    original = versi.CacheToken.get
    monkeypatch.setattr(versi.CacheToken, "get", lambda self: reads.append(1) or original(self))
    response = client_for(desa_a).get(section(desa_a, "artikel").url)
    assert response.status_code == 200 and response["X-Desa-Cache"] == "miss"
    assert reads == []
    assert response.wsgi_request.situs_versi == situs.shared_version()


def test_the_version_file_is_shared_and_replaced_whole(tmp_path, monkeypatch):
    """Beside an SQLite database the version is a file: what one process writes, the
    next read of another sees; a read of an unchanged file is one stat()."""
    from sitecore import versi

    monkeypatch.setattr(versi, "_sqlite_file", lambda: str(tmp_path / "db.sqlite3"))
    monkeypatch.setattr(versi, "caches", {"default": object()})  # no Redis
    token = versi.token("situs:versi")
    assert isinstance(token, versi.FileToken)
    assert token.path == tmp_path / "db.sqlite3.situs-versi"
    other = versi.FileToken(token.path)  # another process's view of the same file
    assert token.get() is None and other.get() is None
    token.add("satu")
    other.add("dua")  # add() keeps the token a concurrent process agreed on
    assert token.get() == other.get() == "satu"
    other.set("tiga")
    assert token.get() == "tiga"
    assert [p.name for p in tmp_path.iterdir()] == ["db.sqlite3.situs-versi"]  # no temp left
