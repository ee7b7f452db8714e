"""A year of visitor history for a demo village, so the counter reads like a site in use.

Daily totals follow what village sites see: busier on working days, quieter on Sundays,
a slow rise over the year, and peaks on days people come looking for something (the
budget published, a village meeting, aid registration). Deterministic per village.
"""

import random
from datetime import timedelta

from django.utils import timezone

from sitecore.models import DesaProfil
from sitecore.pengunjung.models import PengunjungHarian

# Visitors per day a year ago and today, and the days (before today) with a peak.
RIWAYAT = {
    "mekar-sari": {"awal": 70, "akhir": 120, "puncak": {12: 2.6, 41: 2.1, 96: 1.8, 187: 2.4}},
    "karangsari": {"awal": 35, "akhir": 55, "puncak": {5: 1.9, 63: 2.3, 150: 1.7, 240: 2.0}},
}
POLA_MINGGUAN = (1.15, 1.1, 1.05, 1.0, 0.95, 0.8, 0.6)  # Monday .. Sunday
HARI = 365


def jumlah_harian(awal, akhir, puncak, today, rng, days=HARI, hour=24):
    """{date: visitors} for the `days` days up to today; today counts only the hours gone."""
    counts = {}
    for back in range(days, -1, -1):
        day = today - timedelta(days=back)
        trend = awal + (akhir - awal) * (days - back) / days
        value = trend * POLA_MINGGUAN[day.weekday()] * puncak.get(back, 1.0)
        counts[day] = max(1, round(value * rng.uniform(0.85, 1.15)))
    counts[today] = max(1, round(counts[today] * max(hour, 1) / 24))
    return counts


def seed_pengunjung(site, data):
    setelan = RIWAYAT.get(data["slug"])
    if setelan is None or PengunjungHarian.objects.filter(site=site).exists():
        return
    rng = random.Random(data["slug"])
    # "Today" as the village's counter reads it: in its own time zone.
    now = timezone.localtime(timezone=DesaProfil.for_site(site).tzinfo)
    counts = jumlah_harian(
        setelan["awal"], setelan["akhir"], setelan["puncak"], now.date(), rng, hour=now.hour
    )
    PengunjungHarian.objects.bulk_create(
        PengunjungHarian(site=site, tanggal=day, jumlah=n) for day, n in counts.items()
    )
