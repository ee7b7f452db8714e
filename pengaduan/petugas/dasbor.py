"""Due-soon and overdue items per village, for the dashboard panel and reminders."""

from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from pengaduan.models.pengaduan import Pengaduan
from pengaduan.petugas.akses import situs_petugas
from pengaduan.workflow import CLOSED, PAUSED


def terbuka(qs=None):
    qs = Pengaduan.objects.all() if qs is None else qs
    return qs.exclude(status__in=CLOSED | PAUSED)


def ringkasan_per_desa(user, now=None):
    """[{site, baru, segera, terlambat, items}] for the villages the user handles."""
    now = now or timezone.now()
    soon = now + timedelta(days=1)
    sites = list(situs_petugas(user))
    if not sites:
        return []
    qs = terbuka(Pengaduan.objects.filter(site__in=sites))
    counts = {
        row["site"]: row
        for row in qs.values("site").annotate(
            baru=Count("pk", filter=Q(status="diterima")),
            terlambat=Count("pk", filter=Q(tenggat_selesai__lt=now)),
            segera=Count("pk", filter=Q(tenggat_selesai__gte=now, tenggat_selesai__lt=soon)),
        )
    }
    urgent = list(
        qs.filter(tenggat_selesai__lt=soon).select_related("site").order_by("tenggat_selesai")[:10]
    )
    rows = []
    for site in sites:
        c = counts.get(site.pk, {})
        rows.append(
            {
                "site": site,
                "baru": c.get("baru", 0),
                "segera": c.get("segera", 0),
                "terlambat": c.get("terlambat", 0),
                "items": [p for p in urgent if p.site_id == site.pk],
            }
        )
    return rows


def perlu_pengingat(now=None, dalam=timedelta(hours=24)):
    """Open items whose final deadline falls within `dalam` and were not reminded yet."""
    now = now or timezone.now()
    return (
        terbuka()
        .filter(tenggat_selesai__lt=now + dalam, pengingat_terkirim__isnull=True)
        .select_related("site", "petugas")
    )
