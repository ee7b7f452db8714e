"""Stored deadlines follow the holiday calendar.

When a holiday correction changes (sitecore.kalender.signals.hari_libur_berubah), the
deadlines already stored on open items of the village (or of every village) are counted
again; each item whose deadline moves gets a log entry saying from when to when. Many
items are left to the task queue so that the admin's save stays quick.
"""

from django.db import transaction
from django_tasks import task
from wagtail.log_actions import log
from wagtail.models import Site

from pengaduan.layanan import perbarui_turunan
from pengaduan.models.pengaduan import Pengaduan
from pengaduan.workflow import CLOSED
from sitecore.kalender.rules import KalenderKerja

LANGSUNG_PALING_BANYAK = 50
FIELDS = ["tenggat_tanggapan", "tenggat_selesai", "hari_tanggapan", "hari_selesai"]
FIELDS += ["tepat_tanggapan", "tepat_selesai"]


def item_terbuka(site_id=None):
    qs = Pengaduan.objects.exclude(status__in=CLOSED)
    return qs if site_id is None else qs.filter(site_id=site_id)


def hitung_ulang(site_id=None):
    """Recount the open items' deadlines; returns how many moved."""
    moved = 0
    sites = Site.objects.all() if site_id is None else Site.objects.filter(pk=site_id)
    for site in sites:
        kalender = KalenderKerja.for_site(site)
        for item in item_terbuka(site.pk).order_by("pk").iterator():
            before = (item.tenggat_tanggapan, item.tenggat_selesai)
            perbarui_turunan(item, kalender=kalender)
            if (item.tenggat_tanggapan, item.tenggat_selesai) == before:
                continue
            with transaction.atomic():
                item.save(update_fields=FIELDS)
                log(
                    item,
                    "desa.tenggat_dihitung_ulang",
                    data={
                        "sebelum": [_iso(m) for m in before],
                        "sesudah": [_iso(item.tenggat_tanggapan), _iso(item.tenggat_selesai)],
                    },
                )
            moved += 1
    return moved


def _iso(moment):
    return moment.isoformat() if moment else None


@task()
def hitung_ulang_tenggat(site_id):
    hitung_ulang(site_id)


def on_hari_libur_berubah(sender, site_id, **kwargs):
    if item_terbuka(site_id).count() > LANGSUNG_PALING_BANYAK:
        hitung_ulang_tenggat.enqueue(site_id)
    else:
        hitung_ulang(site_id)
