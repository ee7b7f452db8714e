"""Load a year's national holidays into HariLibur (national = no site). Idempotent.

Fixed-date holidays and the Easter-based ones (Good Friday, Ascension) are computed.
Islamic, Chinese, Hindu and Buddhist holidays follow lunar calendars and are fixed each
year by a joint ministerial decree (SKB); they come from sitecore/data/hari_libur.json
for the years listed there. Check that table against the year's SKB before relying on it.
"""

import json
from datetime import date, timedelta
from pathlib import Path

from dateutil.easter import easter
from django.core.management.base import BaseCommand, CommandError

from sitecore.kalender.models import HariLibur

DATA = Path(__file__).resolve().parent.parent.parent / "data" / "hari_libur.json"

FIXED = [
    ((1, 1), "Tahun Baru Masehi"),
    ((5, 1), "Hari Buruh Internasional"),
    ((6, 1), "Hari Lahir Pancasila"),
    ((8, 17), "Hari Kemerdekaan Republik Indonesia"),
    ((12, 25), "Hari Raya Natal"),
]


def hari_libur_tahun(year):
    days = {date(year, m, d): name for (m, d), name in FIXED}
    e = easter(year)
    days[e - timedelta(days=2)] = "Wafat Yesus Kristus"
    days[e] = "Hari Paskah"
    days[e + timedelta(days=39)] = "Kenaikan Yesus Kristus"
    table = json.loads(DATA.read_text()) if DATA.exists() else {}
    for tanggal, name in table.get(str(year), {}).items():
        days[date.fromisoformat(tanggal)] = name
    return days, str(year) in table


class Command(BaseCommand):
    help = "Load national holidays for a year (fixed and Easter-based computed; lunar from table)."

    def add_arguments(self, parser):
        parser.add_argument("tahun", type=int)

    def handle(self, *args, tahun, **options):
        if not 2000 <= tahun <= 2100:
            raise CommandError("Tahun di luar jangkauan.")
        days, lunar_known = hari_libur_tahun(tahun)
        created = 0
        for tanggal, nama in sorted(days.items()):
            _obj, new = HariLibur.objects.update_or_create(
                tanggal=tanggal, site=None, defaults={"nama": nama}
            )
            created += new
        self.stdout.write(f"{tahun}: {len(days)} hari libur ({created} baru).")
        if not lunar_known:
            self.stderr.write(
                "Hari libur berbasis kalender bulan belum ada di tabel untuk tahun ini: "
                "tambahkan sesuai SKB di sitecore/data/hari_libur.json."
            )
