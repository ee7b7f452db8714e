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
import threading
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from bench.data import BIG_HOSTNAME

# The mixed scenario's reading pages (keys of bench.data's pages).
MIXED_KEYS = (
    "home",
    "article_list",
    "article",
    "agenda_calendar",
    "apbdes",
    "statistics",
    "register",
    "register_item",
)

LUA = """
-- Counts the page cache's answers (X-Desa-Cache: hit|stale|miss) per thread; `done` adds
-- them. "stale": the previous version, served while another request renders the page.
local threads = {}
local paths = nil

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  hits, stale, misses, other, n = 0, 0, 0, 0, 0
  if #args > 0 then paths = args end
end

function request()
  if paths == nil then return wrk.format() end
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  local h = headers["X-Desa-Cache"]
  if h == "hit" then hits = hits + 1 elseif h == "miss" then misses = misses + 1
  elseif h == "stale" then stale = stale + 1 else other = other + 1 end
end

done = function(summary, latency, requests)
  local e = summary.errors
  local h, s, m, o = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    h = h + t:get("hits"); s = s + t:get("stale"); m = m + t:get("misses")
    o = o + t:get("other")
  end
  io.write(string.format(
    '\\nWRKJSON {"requests": %d, "duration_us": %d, "bytes": %d, '
    .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, '
    .. '"cache": {"hit": %d, "stale": %d, "miss": %d, "other": %d}, '
    .. '"latency_us": {"mean": %.1f, "p50": %d, "p95": %d, "p99": %d, "max": %d}}\\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout, h, s, m, o,
    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pct(values, p):
    """The p-th percentile of raw samples (nearest rank), in ms."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))
    return round(ordered[rank] * 1000, 2)


class Group:
    """One data set served by one or more app servers (gunicorn, same settings) that share
    the database and, with Redis, the page cache. Requests are spread over them."""

    def __init__(self, procs, ports, label):
        self.procs, self.ports, self.label = procs, ports, label

    @property
    def port(self):
        return self.ports[0]


class Servers:
    """Starts, loads and stops the servers of one run (a `bench.runner.BenchRun`)."""

    def __init__(self, run):
        self.run = run
        self.log = run.log
        self.workers = run.workers
        self.duration = run.duration
        self.connections = run.connections
        self.cold_connections = run.cold_connections
        self.cold_samples = run.cold_samples
        self.app_servers = run.app_servers

    # --- servers -----------------------------------------------------------------------

    def serve(self, database_url, cache, label, module=None, prefix=None, health="/healthz/"):
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
            CACHE_KEY_PREFIX=prefix or f"bench-{secrets.token_hex(4)}",
        )
        if module:
            env["DJANGO_SETTINGS_MODULE"] = module
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
                req = urllib.request.Request(f"http://127.0.0.1:{port}{health}")
                with urllib.request.urlopen(req, timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            proc.terminate()
            raise CommandError(f"gunicorn did not answer; see {log.name}")
        return proc, port

    def serve_group(self, database_url, cache, label, module=None, health="/healthz/"):
        """`app_servers` servers of one data set; one cache key prefix, so with Redis
        they share the page cache as production app servers do."""
        prefix = f"bench-{secrets.token_hex(4)}"
        procs, ports = [], []
        try:
            for i in range(self.app_servers):
                name = label if self.app_servers == 1 else f"{label}-{i + 1}"
                proc, port = self.serve(database_url, cache, name, module, prefix, health)
                procs.append(proc)
                ports.append(port)
        except BaseException:
            for proc in procs:
                self.stop(proc)
            raise
        return Group(procs, ports, label)

    def stop(self, proc):
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()

    def stop_group(self, group):
        for proc in group.procs:
            self.stop(proc)

    def get(self, port, url, host=BIG_HOSTNAME):
        req = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers={"Host": host})
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
            return r.status, r.headers.get("X-Desa-Cache", ""), r.read()

    def post(self, port, url, host=BIG_HOSTNAME):
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}{url}", data=b"", headers={"Host": host}, method="POST"
        )
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
            return json.loads(r.read())

    # --- wrk ---------------------------------------------------------------------------

    def _wrk_cmd(self, port, url, connections, duration, paths=()):
        threads = max(1, min(2, connections))
        cmd = [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "-s",
            str(self.run.lua),
            "-H",
            f"Host: {BIG_HOSTNAME}",
            # As every browser asks: the page cache answers with the gzip it stored.
            "-H",
            "Accept-Encoding: gzip",
            f"http://127.0.0.1:{port}{url}",
        ]
        if paths:
            cmd += ["--", *paths]
        return cmd

    def wrk(self, ports, url, connections, duration=None, paths=()):
        """wrk against every port at once, the connections split between them (wrk
        takes one host per run). Counts and throughput add up; a percentile of the
        whole is not a function of the halves' percentiles, so the report takes the
        highest of the halves (never lower than the true figure's worst half)."""
        ports = [ports] if isinstance(ports, int) else list(ports)
        duration = duration or self.duration
        shares = [
            connections // len(ports) + (i < connections % len(ports)) for i in range(len(ports))
        ]
        procs = [
            subprocess.Popen(
                self._wrk_cmd(port, url, max(1, share), duration, paths),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for port, share in zip(ports, shares, strict=True)
        ]
        raws = []
        for proc in procs:
            out, err = proc.communicate()
            if proc.returncode != 0:
                raise CommandError(f"wrk failed: {err.strip()}")
            line = next(ln for ln in out.splitlines() if ln.startswith("WRKJSON "))
            raws.append(json.loads(line[len("WRKJSON ") :]))
        requests = sum(r["requests"] for r in raws)
        seconds = max(r["duration_us"] for r in raws) / 1e6
        cache = {k: sum(r["cache"][k] for r in raws) for k in ("hit", "stale", "miss", "other")}

        def worst(key):
            return round(max(r["latency_us"][key] for r in raws) / 1000, 2)

        return {
            "connections": connections,
            "servers": len(ports),
            "requests": requests,
            "errors": sum(sum(r["errors"].values()) for r in raws),
            "rps": round(requests / seconds, 1),
            "p50_ms": worst("p50"),
            "p95_ms": worst("p95"),
            "p99_ms": worst("p99"),
            "mean_ms": round(
                sum(r["latency_us"]["mean"] * r["requests"] for r in raws)
                / max(1, requests)
                / 1000,
                2,
            ),
            "cache": cache,
        }

    # --- measurements ------------------------------------------------------------------

    def prime(self, group, url):
        # Each worker's per-process caches (templates, site root paths, settings) and,
        # with the page cache on, its cache entry: a new deploy is not what we measure.
        for port in group.ports:
            for _ in range(4 * self.workers):
                status, hit, body = self.get(port, url)
            if status != 200:
                raise CommandError(f"{url} answered {status}")
        return hit, body

    def measure_page(self, group, page, conns, label):
        self.prime(group, page["url"])
        self.log(f"  [{label}] {page['key']} {page['url']}")
        row = self.wrk(group.ports, page["url"], conns)
        status, hit, body = self.get(group.port, page["url"])
        row["cache_header"] = hit
        row["gzip_bytes"] = len(gzip.compress(body, 6))
        return row

    def drop(self, group):
        """Drop the busy village's cached pages, fragments and memos on every worker.

        With a shared cache (Redis) one call reaches every server. With a per-process
        cache (locmem), each worker keeps its own: calls repeat until every worker of
        every server has answered one (the kernel hands each call to some worker)."""
        seen = set()
        for port in group.ports:
            for _attempt in range(100):
                answer = self.post(port, "/__bench__/drop/")
                if answer["shared"]:
                    return
                seen.add((port, answer["pid"]))
                if sum(1 for p, _pid in seen if p == port) >= self.workers:
                    break
            else:
                raise CommandError(f"the drop did not reach all {self.workers} workers")

    def cold(self, group, page, label):
        """The first request after a public change: before each measured GET, the
        village's cache is dropped (`/__bench__/drop/`); one sequential client, the GETs
        alternating over the servers; only the GET is timed."""
        self.prime(group, page["url"])
        self.log(f"  [{label}] cold {page['key']} ({self.cold_samples} samples)")
        seconds, headers = [], {}
        for i in range(self.cold_samples):
            port = group.ports[i % len(group.ports)]
            self.drop(group)
            started = time.perf_counter()
            status, hit, _body = self.get(port, page["url"])
            seconds.append(time.perf_counter() - started)
            if status != 200:
                raise CommandError(f"{page['url']} answered {status}")
            headers[hit] = headers.get(hit, 0) + 1
        return {
            "samples": len(seconds),
            "p50_ms": _pct(seconds, 50),
            "p95_ms": _pct(seconds, 95),
            "p99_ms": _pct(seconds, 99),
            "mean_ms": round(sum(seconds) / len(seconds) * 1000, 2),
            # Anything but "miss" would mean the drop did not reach that worker.
            "cache_headers": headers,
        }

    def measure_warm_fragments(self, probe_large, probe_small):
        """Page cache off, fragments and memos warm (the old "cold" column), large and
        small set interleaved page by page: the machine's speed drifts over a run."""
        large = self.serve_group(self.run.large_url, False, "large-nocache")
        small = self.serve_group(self.run.small_url, False, "small-nocache")
        large_rows, small_rows = {}, {}
        try:
            for rows, group in ((large_rows, large), (small_rows, small)):
                self.log(f"  [{group.label}] ping")
                rows["ping"] = self.wrk(group.ports, "/ping/", self.connections)
            small_pages = {page["key"]: page for page in probe_small["pages"]}
            for page in probe_large["pages"]:
                if page["post"]:
                    continue
                conns = self.cold_connections * self.app_servers
                large_rows[page["key"]] = self.measure_page(large, page, conns, large.label)
                small_rows[page["key"]] = self.measure_page(
                    small, small_pages[page["key"]], conns, small.label
                )
        finally:
            self.stop_group(large)
            self.stop_group(small)
        return large_rows, small_rows

    def measure_cached(self, probe_large, probe_small):
        """Page cache on: honest cold on both sets (interleaved), then on the large set
        warm pages, /ping/ and the bare view, the mixed scenario and submissions."""
        large = self.serve_group(self.run.large_url, True, "large")
        small = self.serve_group(self.run.small_url, True, "small")
        cold_large, cold_small, warm = {}, {}, {}
        try:
            small_pages = {page["key"]: page for page in probe_small["pages"]}
            for page in probe_large["pages"]:
                if not page["post"]:
                    cold_large[page["key"]] = self.cold(large, page, large.label)
                    cold_small[page["key"]] = self.cold(
                        small, small_pages[page["key"]], small.label
                    )
            self.stop_group(small)
            for page in probe_large["pages"]:
                if not page["post"]:
                    warm[page["key"]] = self.measure_page(
                        large, page, self.connections, "large-warm"
                    )
            self.log("  [large] ping")
            warm["ping"] = self.wrk(large.ports, "/ping/", self.connections)
            warm["bare"] = self.bare()
            warm["mixed"] = self.mixed(large, probe_large)
            warm["submission"] = self.submission(self.run.large_url, probe_large, large)
        finally:
            self.stop_group(large)
            self.stop_group(small)
        return cold_large, cold_small, warm

    def bare(self):
        """Django alone (`bench.bare`): same gunicorn settings, no middleware."""
        group = self.serve_group(
            self.run.large_url, False, "bare", module="bench.bare", health="/ping/"
        )
        try:
            self.log("  [bare] ping")
            return self.wrk(group.ports, "/ping/", self.connections)
        finally:
            self.stop_group(group)

    def mixed(self, group, probe):
        """32 readers over the busy village's pages while an officer changes one complaint
        a second through `/__bench__/petugas/` (the officer's service function)."""
        paths = [p["url"] for p in probe["pages"] if p["key"] in MIXED_KEYS]
        for url in paths:
            self.prime(group, url)
        self.log(f"  [large] mixed: {len(paths)} pages, officer 1 change/s")
        stop = threading.Event()
        changes, errors = [], []

        def officer():
            i = 0
            while not stop.is_set():
                started = time.monotonic()
                try:
                    answer = self.post(group.ports[i % len(group.ports)], "/__bench__/petugas/")
                    changes.append(answer)
                    if not answer["shared"]:
                        # A per-process cache (locmem) heard of the change in the worker
                        # that made it only; the others would serve stale pages, which
                        # would flatter the hit rate. Drop theirs too, as a shared cache
                        # would.
                        self.drop(group)
                except OSError as exc:
                    errors.append(str(exc))
                i += 1
                stop.wait(max(0.0, 1.0 - (time.monotonic() - started)))

        thread = threading.Thread(target=officer)
        thread.start()
        try:
            row = self.wrk(group.ports, "/", self.connections, self.mixed_duration, paths)
        finally:
            stop.set()
            thread.join()
        # Answered from the cache: current pages and, while one request renders a changed
        # page, its previous version (counted apart in row["cache"]["stale"]).
        served = row["cache"]["hit"] + row["cache"]["stale"]
        counted = served + row["cache"]["miss"]
        row.update(
            paths=paths,
            officer_changes=len(changes),
            officer_propagated=any(not c["shared"] for c in changes),
            officer_errors=errors[:5],
            hit_rate=round(served / counted, 4) if counted else 0,
        )
        return row

    @property
    def mixed_duration(self):
        return max(self.duration * 2, 4)

    def submission(self, database_url, probe, group):
        page = next(p for p in probe["pages"] if p["post"])
        before = self.run.probe(database_url, "--count-only")
        self.log(f"  submission: {self.connections} clients for {self.duration} s")
        out = subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.load",
                "--port",
                ",".join(map(str, group.ports)),
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
            servers=len(group.ports),
            acknowledged=len(acked),
            rows_before=before["pengaduan"],
            rows_after=after["pengaduan"],
            stored=after["pengaduan"] - before["pengaduan"],
            lost=len(set(acked) - stored),
            duplicates=len(acked) - len(set(acked)),
            unacknowledged_rows=len(stored - set(acked)),
        )
        return load
