from django.core.management.base import BaseCommand, CommandError

from sitecore.models.profil import TIME_ZONE_ABBR
from sitecore.provisioning import buat_desa

ZONES = {abbr.lower(): tz for tz, abbr in TIME_ZONE_ABBR.items()}


class Command(BaseCommand):
    help = (
        "Create a complete new village: site and hostname, home page, section pages, "
        "media collection and the village's staff groups."
    )

    def add_arguments(self, parser):
        parser.add_argument("nama", help='Village name without "Desa", e.g. "Sukamaju"')
        parser.add_argument("--hostname", required=True, help="e.g. sukamaju.lombokbaratkab.go.id")
        parser.add_argument("--port", type=int, default=80)
        parser.add_argument("--slug", default=None)
        parser.add_argument("--zona", choices=sorted(ZONES), default="wib", help="wib, wita or wit")
        parser.add_argument("--kecamatan", default="")
        parser.add_argument("--kabupaten", default="")
        parser.add_argument("--provinsi", default="")

    def handle(self, *args, **o):
        try:
            site = buat_desa(
                o["nama"],
                o["hostname"],
                port=o["port"],
                slug=o["slug"],
                zona_waktu=ZONES[o["zona"]],
                kecamatan=o["kecamatan"],
                kabupaten=o["kabupaten"],
                provinsi=o["provinsi"],
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(f"{site.site_name} dibuat: {site.root_url}/ (admin: /admin/)")
        )
