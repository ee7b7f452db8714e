from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sitecore.twofactor import core


class Command(BaseCommand):
    help = (
        "Turn off a user's two-factor sign-in (lost phone and no backup codes): removes "
        "their authenticator and backup codes. They sign in with the password alone, or "
        "are asked to enrol again if ADMIN_2FA_REQUIRED covers them."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist as exc:
            raise CommandError(f"Pengguna {username!r} tidak ditemukan.") from exc
        if not core.remove_all(user):
            self.stdout.write(f"{username} tidak memakai verifikasi dua langkah.")
            return
        self.stdout.write(self.style.SUCCESS(f"Verifikasi dua langkah {username} direset."))
