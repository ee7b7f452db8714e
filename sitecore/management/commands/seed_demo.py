from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from sitecore.demo.seed import ADMIN_PASSWORD, ADMIN_USERNAME, STAFF_PASSWORD, seed


class Command(BaseCommand):
    help = "Build (or refresh) the two demo villages with realistic content. Safe to rerun."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port, **options):
        # Mail sent while seeding (Wagtail's moderation notices for the volunteers' demo
        # agenda items) stays in memory: the console backend buried the logins below it.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            sites, accounts = seed(port=port)
        out = self.stdout
        out.write(self.style.SUCCESS("Demo Desa Terbuka siap."))
        out.write(f"  Direktori desa : http://127.0.0.1:{port}/")
        for data, site in sites:
            out.write(
                f"  {site.site_name:<15}: http://{site.hostname}:{port}/  ({data['kabupaten']})"
            )
        out.write(f"  Admin          : http://127.0.0.1:{port}/admin/")
        out.write(f"    superuser    : {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
        out.write(f"    staf desa    : <peran>.<desa> / {STAFF_PASSWORD}, misalnya:")
        for site, username, peran in accounts[:5]:
            out.write(f"      {username:<24} {peran.label} – {site.site_name}")
        out.write(f"      … {len(accounts)} akun staf di {len(sites)} desa.")
