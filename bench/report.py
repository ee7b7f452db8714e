"""`make bench` results: the targets (PASS/FAIL), the table and the JSON report."""

import os
import platform
import sys
from datetime import datetime


def evaluate(probe_large, large_cold, large_warm, small_cold, connections):
    """[(target, passed, detail)] for the targets in docs/performance.md."""
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
            f"submission: {connections} concurrent clients, 0 errors, 0 lost",
            ok,
            f"{sub.get('acknowledged', 0)} stored of {sub.get('attempts', 0)}, "
            f"{sub.get('errors', '?')} errors, {sub.get('lost', '?')} lost",
        )
    )
    home = next(p for p in probe_large["pages"] if p["key"] == "home")
    kb = home["cold"]["gzip_bytes"] / 1024
    checks.append(("home page <= 60 KB compressed (no images)", kb <= 60, f"{kb:.1f} KB"))
    return checks


def table(probe, large_cold, large_warm, small_cold):
    """The text table printed at the end of a run (docs/performance.md: how to read it)."""
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


def as_json(run, *, seconds, probe, large_cold, large_warm, demo_cold, checks):
    """The bench-results/bench-<timestamp>.json document of a `bench.runner.BenchRun`."""
    opts = run.opts
    return {
        "created": datetime.now().isoformat(timespec="seconds"),
        "command": " ".join(sys.argv),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
        },
        "database": run.vendor,
        "cache": "redis" if os.environ.get("REDIS_URL") else "locmem (per worker)",
        "settings": {
            "workers": run.workers,
            "connections": run.connections,
            "cold_connections": run.cold_connections,
            "duration_s": run.duration,
        },
        "data_set": {k: opts[k] for k in ("villages", "artikel", "pengaduan", "baris_apbdes")},
        "seconds": seconds,
        "probe": probe,
        "large_cold": large_cold,
        "large_warm": large_warm,
        "demo_cold": demo_cold,
        "checks": [{"name": n, "pass": ok, "detail": d} for n, ok, d in checks],
    }
