"""Recounting stored deadlines after a holiday correction, for any app that stores them.

Each app says which of its objects are open in a village and how one object's deadline
fields are counted with a calendar; this loop saves the ones that moved and logs each
move ("Tenggat dihitung ulang") in the village's log.
"""

from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Site

from sitecore.kalender.rules import KalenderKerja

LANGSUNG_PALING_BANYAK = 50  # more open objects than this: leave it to the task queue


def hitung_ulang(terbuka, hitung, fields, update_fields, site_id=None):
    """Recount `terbuka(site_id)` objects with `hitung(obj, kalender)`; an object whose
    deadline `fields` moved is saved (`update_fields`) and logged. Returns how many moved."""
    moved = 0
    sites = Site.objects.all() if site_id is None else Site.objects.filter(pk=site_id)
    for site in sites:
        kalender = KalenderKerja.for_site(site)
        for obj in terbuka(site.pk).order_by("pk").iterator():
            before = [getattr(obj, name) for name in fields]
            hitung(obj, kalender)
            after = [getattr(obj, name) for name in fields]
            if after == before:
                continue
            with transaction.atomic():
                obj.save(update_fields=update_fields)
                log(
                    obj,
                    "desa.tenggat_dihitung_ulang",
                    data={
                        "sebelum": [_iso(m) for m in before],
                        "sesudah": [_iso(m) for m in after],
                    },
                )
            moved += 1
    return moved


def _iso(moment):
    return moment.isoformat() if moment else None
