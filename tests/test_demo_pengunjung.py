"""The demo's visitor history reads like a site in use, and the counter shows it."""

import re
from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from sitecore.demo.pengunjung import seed_pengunjung
from sitecore.models import DesaProfil
from sitecore.pengunjung.models import PengunjungHarian

pytestmark = pytest.mark.django_db


def _angka(text):
    return int(text.replace(".", ""))


def test_a_year_of_visits_shows_in_the_counter(desa_a, desa_b, client_for):
    seed_pengunjung(desa_a, {"slug": "mekar-sari"})
    seed_pengunjung(desa_a, {"slug": "mekar-sari"})  # running the demo again adds nothing
    seed_pengunjung(desa_b, {"slug": "karangsari"})
    rows = PengunjungHarian.objects.filter(site=desa_a)
    # The counter reads "today" in the village's own time zone (Desa Alpha: WITA).
    today = timezone.localtime(timezone=DesaProfil.for_site(desa_a).tzinfo).date()
    assert rows.count() == 366 and rows.order_by("tanggal").first().tanggal == today - timedelta(
        days=365
    )
    total = rows.aggregate(n=Sum("jumlah"))["n"]
    html = client_for(desa_a).get("/").content.decode()
    widget = html[html.index("widget-pengunjung") :]
    shown = [_angka(n) for n in re.findall(r"<dd>([\d.]+)</dd>", widget)[:3]]
    hari_ini, kemarin, semua = shown
    assert hari_ini == rows.get(tanggal=today).jumlah and hari_ini > 0
    assert kemarin == rows.get(tanggal=today - timedelta(days=1)).jumlah and kemarin > 0
    assert semua == total
    # Working days are busier than Sundays, and the two villages differ in size.
    by_weekday = {}
    for row in rows.exclude(tanggal=today):
        by_weekday.setdefault(row.tanggal.weekday(), []).append(row.jumlah)
    mean = {d: sum(v) / len(v) for d, v in by_weekday.items()}
    assert mean[0] > mean[6] * 1.4
    total_b = PengunjungHarian.objects.filter(site=desa_b).aggregate(n=Sum("jumlah"))["n"]
    assert total_b < total * 0.7
