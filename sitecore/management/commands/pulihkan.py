from django.core.management.base import BaseCommand, CommandError

from sitecore.backup import restore_backup


class Command(BaseCommand):
    help = "Restore the database and media from an archive made by `cadangkan`. Replaces data!"

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation")

    def handle(self, *args, archive, yes=False, **options):
        if not yes:
            answer = input("Semua data sekarang akan diganti isi cadangan. Lanjutkan? [y/N] ")
            if answer.strip().lower() not in {"y", "ya", "yes"}:
                raise CommandError("Dibatalkan.")
        try:
            manifest = restore_backup(archive)
        except (OSError, RuntimeError, KeyError) as exc:
            raise CommandError(f"Pemulihan gagal: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Dipulihkan dari cadangan {manifest['created']}."))
