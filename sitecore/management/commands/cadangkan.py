from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from sitecore.backup import create_backup


class Command(BaseCommand):
    help = "Back up the database (SQLite or PostgreSQL) and media files into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=None,
            help="Archive path (default: backup-YYYYmmdd-HHMMSS.tar.gz in the current folder)",
        )

    def handle(self, *args, output=None, **options):
        output = Path(output or f"backup-{datetime.now():%Y%m%d-%H%M%S}.tar.gz")
        manifest = create_backup(output)
        self.stdout.write(
            self.style.SUCCESS(
                f"Cadangan dibuat: {output} (basis data {manifest['database']['engine']}, "
                f"media {'ikut' if manifest['media'] else 'kosong'})"
            )
        )
