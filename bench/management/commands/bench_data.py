"""Build the large benchmark data set in the configured database (see `bench`)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from bench.data import BIG_HOSTNAME, BenchScale, generate


class Command(BaseCommand):
    help = "Add villages and bulk rows for `make bench` on top of the current database."

    def add_arguments(self, parser):
        parser.add_argument("--villages", type=int, default=500)
        parser.add_argument("--big", default=BIG_HOSTNAME, help="hostname of the large village")
        parser.add_argument("--artikel", type=int, default=BenchScale.besar().artikel)
        parser.add_argument("--pengaduan", type=int, default=BenchScale.besar().pengaduan)
        parser.add_argument("--baris-apbdes", type=int, default=BenchScale.besar().baris_apbdes)
        parser.add_argument("--agenda", type=int, default=BenchScale.besar().agenda)
        parser.add_argument(
            "--villages-only",
            action="store_true",
            help="only add villages: the large village already has its content",
        )

    def handle(self, *args, **opts):
        started = time.monotonic()
        big = BenchScale(
            artikel=opts["artikel"],
            pengaduan=opts["pengaduan"],
            baris_apbdes=opts["baris_apbdes"],
            agenda=opts["agenda"],
        )
        generate(
            opts["villages"],
            opts["big"],
            big=big,
            log=self.stdout.write,
            big_content=not opts["villages_only"],
        )
        # Bulk inserts leave no planner statistics; a database that has served requests
        # has them (sitecore.sqlite on SQLite, autovacuum on PostgreSQL).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"  data set built in {time.monotonic() - started:.0f} s")
