"""`make bench`: build the data sets, serve them with gunicorn, load them with wrk.

The work is in `bench.runner` (data sets, child processes), `bench.servers` (gunicorn,
wrk, submissions) and `bench.report` (targets, table, JSON); see docs/performance.md.
"""

# apt-get is a fixed tool.
# ruff: noqa: S603, S607

import shutil
import subprocess
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from bench.runner import BenchRun


class Command(BaseCommand):
    help = "Benchmark the public pages on a large and a demo-size data set (see docs)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--villages", type=int, default=500, help="large set")
        parser.add_argument(
            "--small-villages", type=int, default=5, help="small set (same busy village)"
        )
        parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
        parser.add_argument("--connections", type=int, default=32)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument(
            "--cold-connections",
            type=int,
            default=None,
            help="connections for uncached runs (default: one per worker, no queueing)",
        )
        parser.add_argument(
            "--cold-samples", type=int, default=40, help="cold GETs per page and data set"
        )
        parser.add_argument(
            "--app-servers",
            type=int,
            default=None,
            help="gunicorn servers per data set (default: 2 with PostgreSQL and Redis, else 1)",
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

    def log(self, msg):
        self.stdout.write(msg)
        self.stdout.flush()

    def handle(self, *args, **opts):
        started = time.monotonic()
        if shutil.which("wrk") is None:
            self.log("wrk is missing: installing the Debian package…")
            subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False)
            if shutil.which("wrk") is None:
                subprocess.run(["apt-get", "update", "-qq"], check=False)
                subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)
        run = BenchRun(opts, log=self.log)
        try:
            run.run(started)
        finally:
            run.close()
