"""`make bench`: build the data sets, serve them with gunicorn, load them with wrk.

Everything that touches a database runs in a child process with its own environment
(`migrate`, `seed_demo`, `bench_data`, `bench_probe`, gunicorn), so this command never
opens the developer's database. Results: a table on stdout and bench-results/*.json.
"""

# The child processes are fixed tools (this interpreter, gunicorn, wrk, apt-get).
# ruff: noqa: S603, S607

import gzip
import json
import os
import platform
import secrets
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from bench.data import BIG_HOSTNAME

LUA = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, '
    .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
    .. '"latency_us": {"mean": %.1f, "p50": %d, "p95": %d, "p99": %d, "max": %d}}\\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""
DATA_VERSION = "1"  # bump when the generators change, so --reuse rebuilds


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Benchmark the public pages on a large and a demo-size data set (see docs)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--villages", type=int, default=50)
        parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
        parser.add_argument("--connections", type=int, default=32)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--cold-connections",
            type=int,
            default=None,
            help="connections for uncached runs (default: one per worker, no queueing)",
        )
        parser.add_argument("--out", default=str(settings.BASE_DIR / "bench-results"))
        parser.add_argument("--reuse", action="store_true", help="keep built data sets")
        parser.add_argument(
            "--build-only",
            action="store_true",
            help="build (or keep, with --reuse) the data sets and stop: for profiling",
        )
        parser.add_argument("--artikel", type=int, default=5000)
        parser.add_argument("--pengaduan", type=int, default=100_000)
        parser.add_argument("--baris-apbdes", type=int, default=1000)

    # --- plumbing ----------------------------------------------------------------

    def log(self, msg):
        self.stdout.write(msg)
        self.stdout.flush()

    def _env(self, database_url, **extra):
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="bench.settings",
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
        env = self._env(database_url, **env)
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
        return self.data_dir / f"{name}.built.json"

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

    def build(self, opts):
        small_spec = {"version": DATA_VERSION, "set": "demo"}
        large_spec = {
            "version": DATA_VERSION,
            "set": "large",
            "villages": opts["villages"],
            "artikel": opts["artikel"],
            "pengaduan": opts["pengaduan"],
            "baris_apbdes": opts["baris_apbdes"],
        }
        immediate = {"TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        if not self._built("small", small_spec):
            self.log("Building the demo-size data set (migrate + seed_demo)…")
            self._drop(self.small_url)
            self._marker("large").unlink(missing_ok=True)
            if self.vendor == "postgres":
                name = urlsplit(self.small_url).path.lstrip("/")
                self._pg(f'CREATE DATABASE "{name}"', self.small_url)
            self.manage(self.small_url, "migrate", "--noinput", "-v", "0", **immediate)
            self.manage(self.small_url, "seed_demo", "--port", "80", **immediate)
            self._marker("small").write_text(json.dumps(small_spec))
        else:
            self.manage(self.small_url, "migrate", "--noinput", "-v", "0", **immediate)
        if not self._built("large", large_spec):
            self.log(f"Building the large data set ({opts['villages']} villages)…")
            self._drop(self.large_url)
            self._copy(self.small_url, self.large_url)
            self.manage(
                self.large_url,
                "bench_data",
                "--villages",
                str(opts["villages"]),
                "--artikel",
                str(opts["artikel"]),
                "--pengaduan",
                str(opts["pengaduan"]),
                "--baris-apbdes",
                str(opts["baris_apbdes"]),
                **immediate,
            )
            self._marker("large").write_text(json.dumps(large_spec))
        else:
            # A kept data set still gets the migrations added since it was built.
            self.manage(self.large_url, "migrate", "--noinput", "-v", "0", **immediate)

    # --- servers and load ------------------------------------------------------------

    def serve(self, database_url, cache, label):
        port = _free_port()
        env = self._env(
            database_url,
            PAGE_CACHE_ENABLED="true" if cache else "false",
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS=str(self.workers),
            GUNICORN_THREADS="1",
            # Recycling would empty a worker's in-memory page cache mid-run.
            GUNICORN_MAX_REQUESTS="0",
            GUNICORN_ACCESSLOG="/dev/null",
            CACHE_KEY_PREFIX=f"bench-{secrets.token_hex(4)}",
        )
        log = open(self.out / f"server-{label}.log", "w")  # noqa: SIM115
        proc = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                str(settings.BASE_DIR / "gunicorn.conf.py"),
            ],
            env=env,
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise CommandError(f"gunicorn stopped; see {log.name}")
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/healthz/")
                with urllib.request.urlopen(req, timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            proc.terminate()
            raise CommandError(f"gunicorn did not answer; see {log.name}")
        return proc, port

    def stop(self, proc):
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

    def get(self, port, url, host=BIG_HOSTNAME):
        req = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers={"Host": host})
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
            return r.status, r.headers.get("X-Desa-Cache", ""), r.read()

    def wrk(self, port, url, connections):
        threads = max(1, min(2, connections))
        cmd = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{self.duration}s",
            "--timeout",
            "10s",
            "-s",
            str(self.lua),
            "-H",
            f"Host: {BIG_HOSTNAME}",
            f"http://127.0.0.1:{port}{url}",
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("WRKJSON "))
        raw = json.loads(line[len("WRKJSON ") :])
        errors = sum(raw["errors"].values())
        seconds = raw["duration_us"] / 1e6
        lat = raw["latency_us"]
        return {
            "connections": connections,
            "requests": raw["requests"],
            "errors": errors,
            "rps": round(raw["requests"] / seconds, 1),
            "p50_ms": round(lat["p50"] / 1000, 2),
            "p95_ms": round(lat["p95"] / 1000, 2),
            "p99_ms": round(lat["p99"] / 1000, 2),
            "mean_ms": round(lat["mean"] / 1000, 2),
        }

    def measure_server(self, database_url, probe, cache, label, submission=False):
        proc, port = self.serve(database_url, cache, label)
        results = {}
        try:
            conns = self.connections if cache else self.cold_connections
            self.log(f"  [{label}] ping")
            results["ping"] = self.wrk(port, "/ping/", self.connections)
            for page in probe["pages"]:
                if not page["post"]:
                    results[page["key"]] = self.measure_page(port, page, conns, label)
            if submission:
                results["submission"] = self.submission(database_url, probe, port)
        finally:
            self.stop(proc)
        return results

    def measure_page(self, port, page, conns, label):
        # Warm each worker (templates, per-process caches) and, with the page cache on,
        # its in-memory cache: "cold" means uncached, not first hit.
        for _ in range(4 * self.workers):
            status, hit, body = self.get(port, page["url"])
        if status != 200:
            raise CommandError(f"{page['url']} answered {status}")
        self.log(f"  [{label}] {page['key']} {page['url']}")
        row = self.wrk(port, page["url"], conns)
        status, hit, body = self.get(port, page["url"])
        row["cache_header"] = hit
        row["gzip_bytes"] = len(gzip.compress(body, 6))
        return row

    def measure_cold_pair(self, probe_large, probe_small):
        """Both data sets served at once, each page measured on the large set and right
        after on the demo-size one: the machine's speed drifts over a run (other tenants,
        thermal), and the large/demo ratio should not depend on when each side ran."""
        large_proc, large_port = self.serve(self.large_url, False, "large-cold")
        small_proc, small_port = self.serve(self.small_url, False, "demo-cold")
        large, small = {}, {}
        try:
            for results, port, label in (
                (large, large_port, "large-cold"),
                (small, small_port, "demo-cold"),
            ):
                self.log(f"  [{label}] ping")
                results["ping"] = self.wrk(port, "/ping/", self.connections)
            small_pages = {page["key"]: page for page in probe_small["pages"]}
            for page in probe_large["pages"]:
                if page["post"]:
                    continue
                large[page["key"]] = self.measure_page(
                    large_port, page, self.cold_connections, "large-cold"
                )
                small[page["key"]] = self.measure_page(
                    small_port, small_pages[page["key"]], self.cold_connections, "demo-cold"
                )
        finally:
            self.stop(large_proc)
            self.stop(small_proc)
        return large, small

    def submission(self, database_url, probe, port):
        page = next(p for p in probe["pages"] if p["post"])
        before = self.probe(database_url, "--count-only")
        self.log(f"  submission: {self.connections} clients for {self.duration} s")
        out = subprocess.run(
            [
                sys.executable,
                str(settings.BASE_DIR / "bench" / "load.py"),
                "--port",
                str(port),
                "--host",
                BIG_HOSTNAME,
                "--path",
                page["url"],
                "--data",
                json.dumps(page["post"]),
                "--clients",
                str(self.connections),
                "--duration",
                str(self.duration),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        load = json.loads(out.strip().splitlines()[-1])
        after = self.probe(database_url, "--count-only")
        acked = load.pop("acknowledged")
        stored = set(after["kode"]) - set(before["kode"])
        load["errors_sample"] = sorted(set(load["errors"]))[:5]
        load["errors"] = len(load["errors"])
        load.update(
            acknowledged=len(acked),
            rows_before=before["pengaduan"],
            rows_after=after["pengaduan"],
            stored=after["pengaduan"] - before["pengaduan"],
            lost=len(set(acked) - stored),
            duplicates=len(acked) - len(set(acked)),
            unacknowledged_rows=len(stored - set(acked)),
        )
        return load

    # --- report ----------------------------------------------------------------------

    def evaluate(self, probe_large, probe_small, large_cold, large_warm, small_cold):
        checks = []
        ping_warm = large_warm["ping"]["rps"]
        pages = [p for p in probe_large["pages"] if not p["post"]]
        worst_warm = min(large_warm[p["key"]]["rps"] / ping_warm for p in pages)
        checks.append(
            (
                "warm cached pages >= 85% of the trivial view's throughput",
                worst_warm >= 0.85,
                f"lowest {worst_warm:.0%}",
            )
        )
        worst_p95 = max(large_cold[p["key"]]["p95_ms"] for p in pages)
        checks.append(
            ("cold p95 < 150 ms at the large data set", worst_p95 < 150, f"max {worst_p95} ms")
        )
        ratios = []
        for p in pages:
            small = small_cold.get(p["key"])
            if small:
                ratios.append((large_cold[p["key"]]["p50_ms"] / small["p50_ms"], p["key"]))
        worst_ratio, worst_key = max(ratios)
        checks.append(
            (
                "cold latency (p50) large <= 1.5x demo-size, every page",
                worst_ratio <= 1.5,
                f"max {worst_ratio:.2f}x ({worst_key})",
            )
        )
        sub = large_warm.get("submission", {})
        ok = (
            sub.get("attempts", 0) > 0
            and sub["errors"] == 0
            and sub["lost"] == 0
            and sub["duplicates"] == 0
            and sub["unacknowledged_rows"] == 0
            and sub["stored"] == sub["acknowledged"]
        )
        checks.append(
            (
                f"submission: {self.connections} concurrent clients, 0 errors, 0 lost",
                ok,
                f"{sub.get('acknowledged', 0)} stored of {sub.get('attempts', 0)}, "
                f"{sub.get('errors', '?')} errors, {sub.get('lost', '?')} lost",
            )
        )
        home = next(p for p in probe_large["pages"] if p["key"] == "home")
        kb = home["cold"]["gzip_bytes"] / 1024
        checks.append(("home page <= 60 KB compressed (no images)", kb <= 60, f"{kb:.1f} KB"))
        return checks

    def table(self, probe, large_cold, large_warm, small_cold):
        head = (
            f"{'page':<22}{'cold rps':>9}{'p50':>8}{'p95':>8}{'p99':>8}{'x ping':>7}"
            f"{'warm rps':>10}{'p95':>8}{'x ping':>7}{'demo p50':>9}{'SQL':>5}{'gzip KB':>8}"
        )
        lines = [head, "-" * len(head)]
        cold_ping = large_cold["ping"]["rps"]
        warm_ping = large_warm["ping"]["rps"]
        for p in probe["pages"]:
            key = p["key"]
            if p["post"]:
                s = large_warm.get("submission", {})
                lat = s.get("latency_ms", {})
                lines.append(
                    f"{p['label'][:21]:<22}{s.get('rps', 0):>9}{lat.get('p50') or 0:>8}"
                    f"{lat.get('p95') or 0:>8}{lat.get('p99') or 0:>8}"
                    f"{s.get('rps', 0) / cold_ping:>7.0%}{'–':>10}{'':>8}{'':>7}{'':>9}"
                    f"{p['post_cold']['queries']:>5}{p['post_cold']['gzip_bytes'] / 1024:>8.1f}"
                )
                continue
            c, w, s = large_cold[key], large_warm[key], small_cold.get(key, {})
            lines.append(
                f"{p['label'][:21]:<22}{c['rps']:>9}{c['p50_ms']:>8}{c['p95_ms']:>8}"
                f"{c['p99_ms']:>8}{c['rps'] / cold_ping:>7.0%}{w['rps']:>10}{w['p95_ms']:>8}"
                f"{w['rps'] / warm_ping:>7.0%}{s.get('p50_ms', 0):>9}"
                f"{p['cold']['queries']:>5}{p['cold']['gzip_bytes'] / 1024:>8.1f}"
            )
        lines.append(
            f"{'trivial view (/ping/)':<22}{cold_ping:>9}{large_cold['ping']['p50_ms']:>8}"
            f"{large_cold['ping']['p95_ms']:>8}{large_cold['ping']['p99_ms']:>8}{'100%':>7}"
            f"{warm_ping:>10}{large_warm['ping']['p95_ms']:>8}{'100%':>7}"
        )
        return "\n".join(lines)

    # --- main --------------------------------------------------------------------------

    def handle(self, *args, **opts):
        started = time.monotonic()
        if shutil.which("wrk") is None:
            self.log("wrk is missing: installing the Debian package…")
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
            if shutil.which("wrk") is None:
                subprocess.run(["apt-get", "update", "-qq"], check=False)
                subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
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
        try:
            self.run(opts, started)
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def run(self, opts, started):
        self.build(opts)
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

        self.log("Large and demo-size data sets, page cache off (cold), page by page…")
        large_cold, small_cold = self.measure_cold_pair(probe_large, probe_small)
        self.log("Large data set, page cache on (warm) and submissions…")
        large_warm = self.measure_server(
            self.large_url, probe_large, True, "large-warm", submission=True
        )

        checks = self.evaluate(probe_large, probe_small, large_cold, large_warm, small_cold)
        table = self.table(probe_large, large_cold, large_warm, small_cold)
        self.log("")
        self.log(table)
        self.log("")
        for name, ok, detail in checks:
            self.log(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        report = {
            "created": datetime.now().isoformat(timespec="seconds"),
            "command": " ".join(sys.argv),
            "machine": {
                "cpus": os.cpu_count(),
                "platform": platform.platform(),
                "python": platform.python_version(),
            },
            "database": self.vendor,
            "cache": "redis" if os.environ.get("REDIS_URL") else "locmem (per worker)",
            "settings": {
                "workers": self.workers,
                "connections": self.connections,
                "cold_connections": self.cold_connections,
                "duration_s": self.duration,
            },
            "data_set": {k: opts[k] for k in ("villages", "artikel", "pengaduan", "baris_apbdes")},
            "seconds": {
                "build": round(built - started),
                "total": round(time.monotonic() - started),
            },
            "probe": {"large": probe_large, "demo": probe_small},
            "large_cold": large_cold,
            "large_warm": large_warm,
            "demo_cold": small_cold,
            "checks": [{"name": n, "pass": ok, "detail": d} for n, ok, d in checks],
        }
        path = self.out / f"bench-{stamp}.json"
        path.write_text(json.dumps(report, indent=2))
        self.log(f"\nWritten {path} in {time.monotonic() - started:.0f} s")
        if not all(ok for _n, ok, _d in checks):
            raise CommandError("some targets failed (see above)")
