"""One `make bench` run: the data sets, the child processes, the order of the measurements.

Everything that touches a database runs in a child process with its own environment
(`migrate`, `seed_demo`, `bench_data`, `bench_probe`, gunicorn), so the `bench` command
never opens the developer's database. Results: a table on stdout and bench-results/*.json.
"""

# The child processes are fixed tools (this interpreter).
# ruff: noqa: S603

import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import CommandError

from bench import report
from bench.data import BIG_HOSTNAME
from bench.servers import LUA, Servers

DATA_VERSION = "2"  # bump when the generators change, so --reuse rebuilds
SETTINGS = "bench.settings"
IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"


class BenchRun:
    """The options of one run and its scratch space (removed by `close()`)."""

    def __init__(self, opts, log):
        self.opts = opts
        self.log = log
        self.out = Path(opts["out"])
        self.data_dir = self.out / "data"
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix="desa-bench-"))
        self.static_root = self.tmp / "static"
        self.lua = self.tmp / "report.lua"
        self.lua.write_text(LUA)
        self.secret = secrets.token_urlsafe(50)
        self.reuse = opts["reuse"]
        self.duration = opts["duration"]
        self.connections = opts["connections"]
        self.workers = opts["workers"]
        self.cold_connections = opts["cold_connections"] or self.workers
        self.vendor, self.small_url, self.large_url = self._database_urls()
        self.build_seconds = {}
        self.cold_samples = opts["cold_samples"]
        # Two app servers need a shared database and a shared page cache.
        shared = self.vendor == "postgres" and bool(os.environ.get("REDIS_URL"))
        self.app_servers = opts["app_servers"] or (2 if shared else 1)

    def close(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    # --- plumbing ----------------------------------------------------------------

    def env(self, database_url, **extra):
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL")
        }
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS,
            DATABASE_URL=database_url,
            SECRET_KEY=self.secret,
            DEBUG="false",
            ALLOWED_HOSTS=".localhost,localhost,127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            SESSION_COOKIE_SECURE="false",
            CSRF_COOKIE_SECURE="false",
            SECURE_HSTS_SECONDS="0",
            STATIC_ROOT=str(self.static_root),
            MEDIA_ROOT=str(self.data_dir / "media"),
            PENGADUAN_PRIVATE_ROOT=str(self.data_dir / "private"),
            KUNJUNGAN_CACHE_DIR=str(self.tmp / "kunjungan"),
            EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
            LOG_LEVEL="WARNING",
            REQUEST_LOG_LEVEL="WARNING",
        )
        env.update(extra)
        return env

    def manage(self, database_url, *args, capture=False, **env):
        cmd = [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]
        env = self.env(database_url, **env)
        if capture:
            out = subprocess.run(
                cmd, env=env, check=True, capture_output=True, text=True, cwd=settings.BASE_DIR
            )
            return out.stdout
        subprocess.run(cmd, env=env, check=True, cwd=settings.BASE_DIR)
        return None

    def probe(self, database_url, *args):
        out = self.manage(database_url, "bench_probe", "--host", BIG_HOSTNAME, *args, capture=True)
        return json.loads(out.strip().splitlines()[-1])

    # --- data sets ---------------------------------------------------------------

    def _database_urls(self):
        base = os.environ.get("DATABASE_URL", "")
        if base and not base.startswith("sqlite"):
            parts = urlsplit(base)
            name = parts.path.lstrip("/") or "postgres"

            def url(suffix):
                return urlunsplit(parts._replace(path=f"/{name}_bench_{suffix}"))

            return "postgres", url("small"), url("large")
        return (
            "sqlite",
            f"sqlite:///{self.data_dir / 'small.sqlite3'}",
            f"sqlite:///{self.data_dir / 'large.sqlite3'}",
        )

    def _marker(self, name):
        # Per backend: the SQLite files and the PostgreSQL databases share the folder.
        return self.data_dir / f"{self.vendor}-{name}.built.json"

    def _built(self, name, spec):
        marker = self._marker(name)
        return self.reuse and marker.exists() and json.loads(marker.read_text()) == spec

    def _pg(self, sql, database_url):
        import psycopg

        parts = urlsplit(database_url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(sql)

    def _drop(self, database_url):
        if self.vendor == "sqlite":
            path = Path(urlsplit(database_url).path)
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        else:
            name = urlsplit(database_url).path.lstrip("/")
            self._pg(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', database_url)

    def _copy(self, src_url, dst_url):
        if self.vendor == "sqlite":
            src = sqlite3.connect(urlsplit(src_url).path)
            dst = sqlite3.connect(urlsplit(dst_url).path)
            with dst:
                src.backup(dst)
            src.close()
            dst.execute("PRAGMA journal_mode=WAL")
            dst.close()
        else:
            src = urlsplit(src_url).path.lstrip("/")
            dst = urlsplit(dst_url).path.lstrip("/")
            self._pg(f'CREATE DATABASE "{dst}" TEMPLATE "{src}"', dst_url)

    def _bench_data(self, database_url, villages, *extra):
        opts = self.opts
        self.manage(
            database_url,
            "bench_data",
            "--villages",
            str(villages),
            "--artikel",
            str(opts["artikel"]),
            "--pengaduan",
            str(opts["pengaduan"]),
            "--baris-apbdes",
            str(opts["baris_apbdes"]),
            *extra,
            TASKS_BACKEND=IMMEDIATE,
        )

    def build(self):
        """The small set (the demo + villages up to --small-villages, the busy village at
        full size), then the large set: a copy of it + villages up to --villages. Both
        have the same busy village, so their ratio is the cost of the site count."""
        opts = self.opts
        scale = {k: opts[k] for k in ("artikel", "pengaduan", "baris_apbdes")}
        small_spec = {
            "version": DATA_VERSION,
            "set": "small",
            "villages": opts["small_villages"],
            **scale,
        }
        large_spec = {**small_spec, "set": "large", "villages": opts["villages"]}
        immediate = {"TASKS_BACKEND": IMMEDIATE}
        if not self._built("small", small_spec):
            self.log(
                f"Building the small data set (migrate + seed_demo, "
                f"{opts['small_villages']} villages)…"
            )
            started = time.monotonic()
            self._drop(self.small_url)
            self._marker("large").unlink(missing_ok=True)
            if self.vendor == "postgres":
                name = urlsplit(self.small_url).path.lstrip("/")
                self._pg(f'CREATE DATABASE "{name}"', self.small_url)
            self.manage(self.small_url, "migrate", "--noinput", "-v", "0", **immediate)
            self.manage(self.small_url, "seed_demo", "--port", "80", **immediate)
            self._bench_data(self.small_url, opts["small_villages"])
            self.build_seconds["small"] = round(time.monotonic() - started)
            self._marker("small").write_text(json.dumps(small_spec))
        else:
            self.manage(self.small_url, "migrate", "--noinput", "-v", "0", **immediate)
        if not self._built("large", large_spec):
            self.log(f"Building the large data set ({opts['villages']} villages)…")
            started = time.monotonic()
            self._drop(self.large_url)
            self._copy(self.small_url, self.large_url)
            self._bench_data(self.large_url, opts["villages"], "--villages-only")
            self.build_seconds["large"] = round(time.monotonic() - started)
            self._marker("large").write_text(json.dumps(large_spec))
        else:
            # A kept data set still gets the migrations added since it was built.
            self.manage(self.large_url, "migrate", "--noinput", "-v", "0", **immediate)
        for name, seconds in self.build_seconds.items():
            self.log(f"  {name} set built in {seconds} s")

    # --- main --------------------------------------------------------------------------

    def run(self, started):
        opts = self.opts
        self.build()
        if opts["build_only"]:
            self.log(f"Data sets ready: {self.small_url} and {self.large_url}")
            return
        self.log("collectstatic…")
        self.manage(self.small_url, "collectstatic", "--noinput", "-v", "0")
        built = time.monotonic()
        self.log("Counting queries and sizes (Django test client)…")
        probe_large = self.probe(self.large_url)
        probe_small = self.probe(self.small_url)
        for probe in (probe_large, probe_small):
            for page in probe["pages"]:
                if page["cold"]["status"] != 200:
                    raise CommandError(f"{page['url']} answered {page['cold']['status']}")

        servers = Servers(self)
        self.log(
            f"{self.app_servers} app server(s) per data set, {self.workers} workers each; "
            "page cache off (fragments warm), large and small set, page by page…"
        )
        results = {}
        results["fragments_large"], results["fragments_small"] = servers.measure_warm_fragments(
            probe_large, probe_small
        )
        self.log("Page cache on: cold (cache dropped before each GET), warm, ping, mixed…")
        results["cold_large"], results["cold_small"], results["warm"] = servers.measure_cached(
            probe_large, probe_small
        )

        checks = report.evaluate(self, probe_large, results)
        table = report.table(probe_large, results)
        self.log("")
        self.log(table)
        self.log("")
        for name, ok, detail in checks:
            self.log(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        data = report.as_json(
            self,
            seconds={
                "build": round(built - started),
                "build_sets": self.build_seconds,
                "total": round(time.monotonic() - started),
            },
            probe={"large": probe_large, "small": probe_small},
            results=results,
            checks=checks,
        )
        path = self.out / f"bench-{stamp}.json"
        path.write_text(json.dumps(data, indent=2))
        self.log(f"\nWritten {path} in {time.monotonic() - started:.0f} s")
        if not all(ok for _n, ok, _d in checks):
            raise CommandError("some targets failed (see above)")
