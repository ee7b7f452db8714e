"""`make bench` results: the targets (PASS/FAIL), the table and the JSON report.

`results` is the dict `bench.runner.BenchRun.run` collects:
- fragments_large / fragments_small: page cache off, fragments and memos warm (wrk);
- cold_large / cold_small: page cache on, the village's cache dropped before each GET
  (sequential client), on the large (500-village) and small (5-village) set;
- warm: the large set with the page cache on: each page, `ping`, `bare` (Django alone),
  `mixed` (readers + an officer) and `submission`.
"""

import os
import platform
import sys
from datetime import datetime

# Submissions a second the form must take at 32 concurrent residents, per backend.
SUBMISSIONS_PER_S = {"sqlite": 40, "postgres": 60}


def _pages(probe):
    return [p for p in probe["pages"] if not p["post"]]


def evaluate(run, probe_large, results):
    """[(target, passed, detail)] for the targets in docs/performance.md."""
    warm, cold, cold_small = results["warm"], results["cold_large"], results["cold_small"]
    checks = []
    pages = _pages(probe_large)
    ping = warm["ping"]["rps"]
    worst_warm, warm_key = min((warm[p["key"]]["rps"] / ping, p["key"]) for p in pages)
    checks.append(
        (
            "warm cached pages >= 85% of /ping/'s throughput",
            worst_warm >= 0.85,
            f"lowest {worst_warm:.0%} ({warm_key})",
        )
    )
    worst_p95, p95_key = max((cold[p["key"]]["p95_ms"], p["key"]) for p in pages)
    checks.append(
        (
            "cold p95 < 150 ms at the large set (cache dropped before each request)",
            worst_p95 < 150,
            f"max {worst_p95} ms ({p95_key})",
        )
    )
    ratios = [
        (cold[p["key"]]["p50_ms"] / cold_small[p["key"]]["p50_ms"], p["key"])
        for p in pages
        if cold_small.get(p["key"])
    ]
    worst_ratio, ratio_key = max(ratios)
    checks.append(
        (
            f"cold p50 at {run.opts['villages']} villages <= 1.2x at "
            f"{run.opts['small_villages']}, every page",
            worst_ratio <= 1.2,
            f"max {worst_ratio:.2f}x ({ratio_key})",
        )
    )
    mixed = warm["mixed"]
    checks.append(
        (
            "mixed (32 readers, 1 officer change/s): cache hit rate >= 95%",
            mixed["hit_rate"] >= 0.95 and mixed["officer_changes"] > 0,
            f"{mixed['hit_rate']:.1%} over {mixed['requests']} reads, "
            f"{mixed['officer_changes']} changes",
        )
    )
    checks.append(
        (
            "mixed: read p95 < 50 ms",
            mixed["p95_ms"] < 50 and mixed["errors"] == 0,
            f"{mixed['p95_ms']} ms, {mixed['errors']} errors",
        )
    )
    share = ping / warm["bare"]["rps"]
    checks.append(
        (
            "/ping/ through the full stack >= 50% of a bare Django view",
            share >= 0.5,
            f"{share:.0%} ({ping} / {warm['bare']['rps']} rps)",
        )
    )
    sub = warm["submission"]
    floor = SUBMISSIONS_PER_S.get(run.vendor, 40)
    p95 = sub.get("latency_ms", {}).get("p95") or 0
    checks.append(
        (
            f"submissions: >= {floor}/s with p95 < 1 s, {run.connections} concurrent "
            f"residents, {sub.get('servers', 1)} app server(s)",
            sub.get("acknowledged", 0) / max(sub.get("duration_s", 1), 0.001) >= floor
            and p95 < 1000,
            f"{sub.get('acknowledged', 0) / max(sub.get('duration_s', 1), 0.001):.1f}/s "
            f"stored, p95 {p95} ms",
        )
    )
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
            "submissions: 0 errors, 0 lost, 0 duplicated",
            ok,
            f"{sub.get('acknowledged', 0)} stored of {sub.get('attempts', 0)}, "
            f"{sub.get('errors', '?')} errors, {sub.get('lost', '?')} lost, "
            f"{sub.get('duplicates', '?')} duplicated",
        )
    )
    home = next(p for p in probe_large["pages"] if p["key"] == "home")
    kb = home["cold"]["gzip_bytes"] / 1024
    checks.append(("home page <= 60 KB compressed (no images)", kb <= 60, f"{kb:.1f} KB"))
    return checks


def table(probe, results):
    """The text table printed at the end of a run (docs/performance.md: how to read it)."""
    frag, cold, small = results["fragments_large"], results["cold_large"], results["cold_small"]
    warm = results["warm"]
    head = (
        f"{'page':<22}{'frag rps':>9}{'p50':>8}{'p95':>8}"
        f"{'cold p50':>9}{'p95':>8}{'p99':>8}{'5v p50':>8}{'ratio':>6}"
        f"{'warm rps':>9}{'p95':>7}{'x ping':>7}{'SQL':>5}{'gzKB':>6}"
    )
    groups = f"{'':<22}{'warm fragments':^25}{'cold (after a change)':^47}{'warm (cached)':^23}"
    lines = [groups, head, "-" * len(head)]
    ping = warm["ping"]["rps"]
    for p in _pages(probe):
        key = p["key"]
        f, c, s, w = frag[key], cold[key], small.get(key, {}), warm[key]
        ratio = c["p50_ms"] / s["p50_ms"] if s.get("p50_ms") else 0
        lines.append(
            f"{p['label'][:21]:<22}{f['rps']:>9}{f['p50_ms']:>8}{f['p95_ms']:>8}"
            f"{c['p50_ms']:>9}{c['p95_ms']:>8}{c['p99_ms']:>8}{s.get('p50_ms', 0):>8}"
            f"{ratio:>6.2f}{w['rps']:>9}{w['p95_ms']:>7}{w['rps'] / ping:>7.0%}"
            f"{p['cold']['queries']:>5}{p['cold']['gzip_bytes'] / 1024:>6.1f}"
        )
    mixed, bare, sub = warm["mixed"], warm["bare"], warm["submission"]
    lat = sub.get("latency_ms", {})
    post = next((p for p in probe["pages"] if p["post"]), None)
    lines += [
        "",
        f"mixed reads: {mixed['rps']} rps, p50 {mixed['p50_ms']} ms, p95 {mixed['p95_ms']} ms, "
        f"p99 {mixed['p99_ms']} ms; cache hit {mixed['hit_rate']:.1%} "
        f"({mixed['cache']['hit']} hit, {mixed['cache'].get('stale', 0)} stale, "
        f"{mixed['cache']['miss']} miss, "
        f"{mixed['cache']['other']} other); officer changes {mixed['officer_changes']}",
        f"/ping/: full stack {ping} rps (p95 {warm['ping']['p95_ms']} ms), bare Django "
        f"{bare['rps']} rps (p95 {bare['p95_ms']} ms): {ping / bare['rps']:.0%}; "
        f"page cache off {frag['ping']['rps']} rps",
        f"submissions: {sub.get('acknowledged', 0)} stored in {sub.get('duration_s')} s "
        f"({sub.get('rps')} attempts/s), p50 {lat.get('p50')} ms, p95 {lat.get('p95')} ms, "
        f"p99 {lat.get('p99')} ms; {sub.get('errors')} errors, {sub.get('lost')} lost, "
        f"{sub.get('duplicates')} duplicated"
        + (f"; {post['post_cold']['queries']} queries per POST" if post else ""),
    ]
    return "\n".join(lines)


def as_json(run, *, seconds, probe, results, checks):
    """The bench-results/bench-<timestamp>.json document of a `bench.runner.BenchRun`."""
    opts = run.opts
    return {
        "created": datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(sys.argv),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load_average": os.getloadavg(),
        },
        "database": run.vendor,
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem (per worker)",
        "settings": {
            "app_servers": run.app_servers,
            "workers": run.workers,
            "connections": run.connections,
            "cold_connections": run.cold_connections,
            "cold_samples": run.cold_samples,
            "duration_s": run.duration,
        },
        "data_set": {
            k: opts[k]
            for k in ("villages", "small_villages", "artikel", "pengaduan", "baris_apbdes")
        },
        "seconds": seconds,
        "probe": probe,
        **results,
        "checks": [{"name": n, "pass": ok, "detail": d} for n, ok, d in checks],
    }
