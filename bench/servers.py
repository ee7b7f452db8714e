"""`make bench` load: gunicorn servers on the data sets, wrk on each page, submissions.

Pages are loaded with wrk from a separate process (a Lua script reports p50/p95/p99);
complaint submission with `bench.load`, also its own process.
"""

# The child processes are fixed tools (this interpreter, gunicorn, wrk).
# ruff: noqa: S603, S607

import gzip
import json
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

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


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Servers:
    """Starts, loads and stops the servers of one run (a `bench.runner.BenchRun`)."""

    def __init__(self, run):
        self.run = run
        self.log = run.log
        self.workers = run.workers
        self.duration = run.duration
        self.connections = run.connections
        self.cold_connections = run.cold_connections

    def serve(self, database_url, cache, label):
        port = _free_port()
        env = self.run.env(
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
        log = open(self.run.out / f"server-{label}.log", "w")  # noqa: SIM115
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
            str(self.run.lua),
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
        large_proc, large_port = self.serve(self.run.large_url, False, "large-cold")
        small_proc, small_port = self.serve(self.run.small_url, False, "demo-cold")
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
        before = self.run.probe(database_url, "--count-only")
        self.log(f"  submission: {self.connections} clients for {self.duration} s")
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.load",
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
            cwd=settings.BASE_DIR,
        ).stdout
        load = json.loads(out.strip().splitlines()[-1])
        after = self.run.probe(database_url, "--count-only")
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
