"""Move pending visitor and read counts from the cache into the database (for cron)."""

from django.core.management.base import BaseCommand

from sitecore.pengunjung.rules import flush_semua


class Command(BaseCommand):
    help = "Simpan hitungan pengunjung dan pembaca dari cache ke basis data."

    def handle(self, *args, **options):
        visits, reads = flush_semua()
        if options["verbosity"]:
            self.stdout.write(f"pengunjung: {visits}, dibaca: {reads}")
