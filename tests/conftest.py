"""Shared fixtures: real villages created through the same code path as production."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from sitecore.provisioning import buat_desa, groups_for_site
from tests import basisdata


def pytest_configure(config):
    # One id for this run, inherited by the xdist workers: it names the PostgreSQL test
    # and template databases, so concurrent runs on one server never share them.
    basisdata.run_id()


# The slowest modules (servers and manage.py in subprocesses) start first, so the two
# pytest-xdist workers finish together instead of one waiting for the other's last test.
# The browser suite's longest tests lead it the same way (the page-type tour alone took
# half the suite's time, and it came last in file order).
SLOW_FIRST = [
    "test_e2e_ponsel.py",
    "test_e2e_a11y.py",
    "test_security_reliability.py",
    "test_pengaduan_konkuren.py",
    "test_multiserver.py",
    "test_backup_restore.py",
    "test_cache_frontend_and_s3.py",
    "test_demo.py",
    "test_foundation_settings.py",
    "test_security_payloads.py",
]


def pytest_collection_modifyitems(items):
    # A test that builds its own SQLite database in subprocesses does the same thing in
    # both passes; the PostgreSQL + Redis pass leaves it to the SQLite pass.
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sekali = pytest.mark.skip(reason="independent of the pass's database: SQLite pass only")
        for item in items:
            if item.get_closest_marker("sekali"):
                item.add_marker(sekali)

    def rank(item):
        name = item.path.name
        return SLOW_FIRST.index(name) if name in SLOW_FIRST else len(SLOW_FIRST)

    items.sort(key=rank)  # stable: the rest keep their order


def pytest_sessionfinish(session):
    if hasattr(session.config, "workerinput"):
        return  # the controller (or the only process) drops the run's template
    basisdata.forget_run()
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        basisdata.drop_postgres_template(url)


def _own_redis_database():
    """Point this process's Redis caches at a database no other test process uses."""
    from urllib.parse import urlsplit, urlunsplit

    from django.conf import settings
    from django.test.signals import clear_cache_handlers

    url = os.environ.get("REDIS_URL", "")
    if not url:
        return
    number = basisdata.exclusive_redis_db(url)
    own = urlunsplit(urlsplit(url)._replace(path=f"/{number}"))
    settings.REDIS_URL = own
    for alias in ("default", "kunjungan", "batas"):
        if "redis" in settings.CACHES[alias]["BACKEND"].lower():
            settings.CACHES[alias]["LOCATION"] = own
    clear_cache_handlers(setting="CACHES")


_own_redis_database()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Test databases start as copies of a migrated template (tests/basisdata.py)."""
    from django.conf import settings
    from django.db.backends.sqlite3.creation import DatabaseCreation

    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.postgresql":
        test = db.setdefault("TEST", {})
        worker = os.environ.get("PYTEST_XDIST_WORKER", "")
        test["NAME"] = "_".join(filter(None, ["test_desa", basisdata.run_id(), worker]))
        test["TEMPLATE"] = basisdata.postgres_template(os.environ["DATABASE_URL"])
        yield
        return
    original = DatabaseCreation._create_test_db

    def _create_test_db(self, verbosity, autoclobber, keepdb=False):
        name = original(self, verbosity, autoclobber, keepdb)
        if self.is_in_memory_db(name) and not keepdb:
            # The in-memory database lives as long as this connection stays open (closing
            # an in-memory connection is a no-op); `migrate` then finds nothing to apply.
            self.connection.settings_dict["NAME"] = name
            self.connection.ensure_connection()
            basisdata.load_sqlite_template(self.connection.connection)
        return name

    DatabaseCreation._create_test_db = _create_test_db
    try:
        yield
    finally:
        DatabaseCreation._create_test_db = original


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _default_language():
    # A test-client request to /en/ leaves English active in this thread (a server
    # activates a language per request anyway); every test starts in Indonesian.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    _clear_limits()
    yield
    cache.clear()
    _clear_limits()


def _clear_limits():
    """Limits and attempt counters live in their own store (sitecore.batas). On Redis it
    shares the database cache.clear() flushes; without Redis it is a database table, which
    a test's rollback empties, but a transactional test's flush does not."""
    from django.core.cache import caches

    try:
        caches["batas"].clear()
    except RuntimeError:  # a test without database access: it counted nothing there
        pass


VILLAGES = {
    "alpha.test": dict(
        nama="Alpha",
        zona_waktu="Asia/Makassar",
        kecamatan="Narmada",
        kabupaten="Kabupaten Lombok Barat",
        provinsi="Nusa Tenggara Barat",
    ),
    "beta.test": dict(
        nama="Beta",
        zona_waktu="Asia/Jakarta",
        kecamatan="Karangreja",
        kabupaten="Kabupaten Purbalingga",
        provinsi="Jawa Tengah",
    ),
}


def _ensure_wagtail_roots():
    """A transactional test without serialized rollback flushes Wagtail's root page,
    root collection and locale; put them back so later tests can still build villages."""
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="id")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


def _village(hostname):
    """The test village at `hostname`, created through `buat_desa` when missing."""
    from wagtail.models import Site

    _ensure_wagtail_roots()
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        kwargs = dict(VILLAGES[hostname])
        site = buat_desa(kwargs.pop("nama"), hostname, **kwargs)
    return site


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Building a village (pages, English mirrors, groups) is the slowest part of most
    # tests: build the two test villages once per database; each test's transaction
    # rolls back its own changes. A transactional test flushes them; later tests then
    # rebuild them inside their own transaction.
    with django_db_blocker.unblock():
        for hostname in VILLAGES:
            _village(hostname)


@pytest.fixture
def desa_a(db):
    """Desa Alpha on WITA (Lombok Barat)."""
    return _village("alpha.test")


@pytest.fixture
def desa_b(db):
    """Desa Beta on WIB (Purbalingga)."""
    return _village("beta.test")


class SiteClient(Client):
    """A test client bound to one village's hostname."""

    def __init__(self, site, **kwargs):
        super().__init__(HTTP_HOST=site.hostname, **kwargs)
        self.site = site


@pytest.fixture
def client_for():
    return SiteClient


@pytest.fixture
def make_staff(db):
    """make_staff(site, peran) -> a user in that village's group for `peran`."""
    User = get_user_model()
    counter = {"n": 0}

    def factory(site, peran, username=None, password="rahasia-desa-123"):  # noqa: S107
        counter["n"] += 1
        username = username or f"{peran}-{site.hostname.split('.')[0]}-{counter['n']}"
        user = User.objects.create_user(
            username=username, password=password, email=f"{username}@example.test"
        )
        user.groups.add(groups_for_site(site)[peran])
        return user

    return factory


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "super", "super@example.test", "rahasia-super-123"
    )


def section(site, key):
    """The section page `key` ("artikel", "agenda", …) of a village, specific."""
    return site.root_page.get_children().get(slug=key).specific


@pytest.fixture
def commits_as_in_production(db, monkeypatch):
    """Run on_commit callbacks when production would, inside a fast `db` test.

    A `db` test runs inside a transaction that is rolled back, so Django never commits and
    on_commit callbacks (cache invalidation, notifications) never run; a transactional
    test runs them but flushes every table afterwards, which is slow on PostgreSQL. This
    fixture treats the test's transaction as autocommit mode, exactly as Django does in
    production: a callback registered outside any atomic block of the code under test
    runs at once, and when the code's outermost atomic block ends without an error (its
    commit) the callbacks registered inside it run. A rolled-back block's callbacks are
    discarded by Django as usual.
    """
    from django.db import DEFAULT_DB_ALIAS, connections, transaction
    from django.db.backends.base.base import BaseDatabaseWrapper

    connection = connections[DEFAULT_DB_ALIAS]
    base = len(connection.atomic_blocks)

    def run_pending():
        pending, connection.run_on_commit = connection.run_on_commit, []
        for _sids, func, robust in pending:
            if robust:
                try:
                    func()
                except Exception:  # noqa: BLE001 - logged and ignored, as Django does
                    import logging

                    logging.getLogger("django.db.backends.base").exception("on_commit")
            else:
                func()

    original_on_commit = BaseDatabaseWrapper.on_commit
    original_exit = transaction.Atomic.__exit__

    def on_commit(self, func, robust=False):
        original_on_commit(self, func, robust)
        if self is connection and len(self.atomic_blocks) == base:
            run_pending()

    def exit_(self, exc_type, exc_value, traceback):
        result = original_exit(self, exc_type, exc_value, traceback)
        if (
            exc_type is None
            and transaction.get_connection(self.using) is connection
            and len(connection.atomic_blocks) == base
            and not connection.needs_rollback
        ):
            run_pending()
        return result

    run_pending()  # anything the fixtures before this one "committed"
    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit)
    monkeypatch.setattr(transaction.Atomic, "__exit__", exit_)
