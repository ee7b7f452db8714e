"""Stored complaint deadlines follow the holiday calendar.

When a holiday correction changes (sitecore.kalender.signals.hari_libur_berubah), the
deadlines stored on open items of the village (or of every village) are counted again by
sitecore.kalender.tenggat_ulang; many items are left to the task queue so that the
admin's save stays quick.
"""

from django_tasks import task

from pengaduan.layanan import perbarui_turunan
from pengaduan.models.pengaduan import Pengaduan
from pengaduan.workflow import CLOSED
from sitecore.kalender import tenggat_ulang

TENGGAT = ["tenggat_tanggapan", "tenggat_selesai"]
FIELDS = [*TENGGAT, "hari_tanggapan", "hari_selesai", "tepat_tanggapan", "tepat_selesai"]


def item_terbuka(site_id=None):
    qs = Pengaduan.objects.exclude(status__in=CLOSED)
    return qs if site_id is None else qs.filter(site_id=site_id)


def hitung_ulang(site_id=None):
    """Recount the open items' deadlines; returns how many moved."""
    return tenggat_ulang.hitung_ulang(
        item_terbuka,
        lambda item, kalender: perbarui_turunan(item, kalender=kalender),
        TENGGAT,
        FIELDS,
        site_id,
    )


@task()
def hitung_ulang_tenggat(site_id):
    hitung_ulang(site_id)


def on_hari_libur_berubah(sender, site_id, **kwargs):
    if item_terbuka(site_id).count() > tenggat_ulang.LANGSUNG_PALING_BANYAK:
        hitung_ulang_tenggat.enqueue(site_id)
    else:
        hitung_ulang(site_id)
