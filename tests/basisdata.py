"""Migrated database templates and per-run names for the test databases.

Applying the project's ~250 migrations costs about 30 s of CPU every time (Django renders
the model state after each operation), and a test run used to pay it for every database
it made: one per pytest-xdist worker plus one per subprocess test (backup, killed worker,
front-end purge, concurrent SQLite writers, two app servers). Now the migrations run once
into a template and every database starts as a copy of it; `migrate` still runs on each
copy (with nothing left to apply), so the databases are exactly what `migrate` makes.

* SQLite: a migrated file, kept in the temporary directory under a fingerprint of the
  code and the lock file (any change to a migration, a model or a dependency builds a new
  one). pytest-django's in-memory test database is loaded from it with SQLite's backup API;
  subprocess tests copy it to their own file.
* PostgreSQL: a template database built once per test run (shared by the xdist workers)
  and dropped at the end; the test databases and the subprocess tests' databases are
  `CREATE DATABASE … TEMPLATE` copies of it.

Names are unique per run (DESA_TEST_RUN), so two developers running the PostgreSQL pass
at once on the same server do not drop each other's test databases.
"""

import contextlib
import fcntl
import functools
import hashlib
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.subproses import ROOT, manage

STATE_DIR = Path(tempfile.gettempdir()) / "desa-terbuka-test-db"
SKIP_DIRS = {"tests", "node_modules", "media", "staticfiles", "test-artifacts", "var", "docs"}


def run_id():
    """An id shared by the controller and the xdist workers of one pytest run."""
    if "DESA_TEST_RUN" not in os.environ:
        os.environ["DESA_TEST_RUN"] = uuid.uuid4().hex[:10]
    return os.environ["DESA_TEST_RUN"]


@functools.cache
def _fingerprint():
    digest = hashlib.sha256(sys.version.encode())
    for path in [ROOT / "uv.lock", ROOT / "pyproject.toml"]:
        digest.update(path.read_bytes() if path.exists() else b"")
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


@contextlib.contextmanager
def _locked(name):
    STATE_DIR.mkdir(exist_ok=True)
    with open(STATE_DIR / f"{name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@contextlib.contextmanager
def once_per_run(name):
    """Lock `name` for this run and yield the path of its result file: a fixture whose
    result is plain data computes it once per run, not once per xdist worker."""
    with _locked(f"run-{run_id()}-{name}"):
        yield STATE_DIR / f"run-{run_id()}-{name}.json"


def forget_run():
    """Remove this run's shared results and locks."""
    for path in STATE_DIR.glob(f"run-{run_id()}-*"):
        path.unlink(missing_ok=True)


def _env(database_url):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE", "PYTEST_XDIST_WORKER")
    }
    env.update(DJANGO_SETTINGS_MODULE="sitecore.settings.test", DATABASE_URL=database_url)
    return env


def sqlite_template():
    """Path of a migrated SQLite file for this code (built on first use)."""
    path = STATE_DIR / f"template-{_fingerprint()}.sqlite3"
    if path.exists():
        return path
    with _locked(path.stem):
        if path.exists():
            return path
        building = STATE_DIR / f"{path.stem}.{uuid.uuid4().hex[:8]}.building"
        try:
            manage(_env(f"sqlite:///{building}"), "migrate", "-v", "0")
            with contextlib.closing(sqlite3.connect(building)) as conn:
                conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            os.replace(building, path)
        finally:
            for leftover in STATE_DIR.glob(f"{building.name}*"):
                leftover.unlink()
        # Templates of older code are of no further use.
        for old in STATE_DIR.glob("template-*.sqlite3"):
            if old != path and old.stat().st_mtime < time.time() - 86400:
                old.unlink(missing_ok=True)
    return path


def copy_sqlite_template(dest):
    """Make `dest` a migrated SQLite database (what `migrate` on an empty file makes)."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.closing(sqlite3.connect(sqlite_template())) as src:
        with contextlib.closing(sqlite3.connect(dest)) as target:
            src.backup(target)
    return dest


def load_sqlite_template(connection):
    """Fill an (empty, in-memory) SQLite connection with the migrated template."""
    with contextlib.closing(sqlite3.connect(sqlite_template())) as src:
        src.backup(connection)


def _pg_admin(url):
    import psycopg

    return psycopg.connect(url, autocommit=True)


def postgres_template_name():
    return f"desa_tpl_{run_id()}"


def _pg_exists(conn, name):
    return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()


def postgres_template(url):
    """Name of this run's migrated PostgreSQL template database (built on first use)."""
    name = postgres_template_name()
    with _pg_admin(url) as conn:
        if _pg_exists(conn, name):
            return name
    with _locked(f"run-{run_id()}-pg-template"):
        with _pg_admin(url) as conn:
            if _pg_exists(conn, name):
                return name
            building = f"{name}_b"
            conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{building}"')
            try:
                manage(_env(f"{url.rsplit('/', 1)[0]}/{building}"), "migrate", "-v", "0")
                conn.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
            except BaseException:
                conn.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
                raise
    return name


def create_postgres_database(url, name):
    """CREATE DATABASE `name` as a copy of the migrated template (what `migrate` makes)."""
    template = postgres_template(url)
    with _pg_admin(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def drop_postgres_template(url):
    with _pg_admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{postgres_template_name()}" WITH (FORCE)')


_redis_lock = None


def exclusive_redis_db(url):
    """A Redis database number that no other pytest process on this machine is using.

    `cache.clear()` flushes a whole Redis database, so each test process needs one of its
    own, and not REDIS_URL's own database, which the servers started by tests share. A
    lock file held for the life of the process claims the number; 0 (the default of
    everything else), 8 and 9 (older checkouts' fixed worker numbers) are never taken.
    """
    global _redis_lock
    from urllib.parse import urlsplit

    own = int(urlsplit(url).path.strip("/") or 0)
    STATE_DIR.mkdir(exist_ok=True)
    while True:
        for number in (1, 2, 3, 4, 5, 6, 7, 10, 11, 12):
            if number == own:
                continue
            fh = open(STATE_DIR / f"redis-db-{number}.lock", "w")  # noqa: SIM115 - held
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.close()
                continue
            _redis_lock = fh
            return number
        time.sleep(1)  # every number taken: wait for another run to finish


# The demo (`seed_demo`) takes half a minute to build. test_demo builds it in the SQLite
# pass (that is its test) and keeps the result here, keyed like the templates by the
# code's fingerprint; the browser suite's page-type tour then starts from a copy instead
# of seeding again. Kept: the database file and the media files it refers to. Besides
# the code, the translation catalogues are in its key: the English pages' texts come
# partly from them.
def _demo_paths():
    digest = hashlib.sha256(_fingerprint().encode())
    for path in sorted(ROOT.glob("**/locale/*/LC_MESSAGES/*.po")):
        if not {".venv", ".tools", "node_modules"} & set(path.relative_to(ROOT).parts):
            digest.update(path.read_bytes())
    stem = STATE_DIR / f"demo-{digest.hexdigest()[:20]}"
    return stem.with_suffix(".sqlite3"), STATE_DIR / f"{stem.name}-media"


def save_demo(connection, media_root):
    """Keep a seeded demo: the SQLite `connection`'s database and `media_root`'s files.

    The database is copied as the connection sees it, so a test's own transaction may
    still be open."""
    import shutil

    database, media = _demo_paths()
    if database.exists():
        return
    with _locked(database.stem):
        if database.exists():
            return
        building = STATE_DIR / f"{database.stem}.{uuid.uuid4().hex[:8]}.building"
        try:
            # The backup API would wait forever on the open transaction; a serialized
            # image includes what it has written.
            building.write_bytes(connection.serialize())
            shutil.rmtree(media, ignore_errors=True)
            shutil.copytree(media_root, media)
            os.replace(building, database)  # last: the database marks a complete copy
        finally:
            building.unlink(missing_ok=True)
        for old in STATE_DIR.glob("demo-*.sqlite3"):
            if old != database and old.stat().st_mtime < time.time() - 86400:
                shutil.rmtree(STATE_DIR / f"{old.stem}-media", ignore_errors=True)
                old.unlink(missing_ok=True)


def load_demo(connection, media_root):
    """Fill the SQLite `connection` and `media_root` with a kept demo; False if none is
    kept for this code. The connection must have no transaction open."""
    import shutil

    database, media = _demo_paths()
    if not database.exists():
        return False
    with contextlib.closing(sqlite3.connect(database)) as src:
        src.backup(connection)
    shutil.copytree(media, media_root, dirs_exist_ok=True)
    return True
