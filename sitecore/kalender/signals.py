"""`hari_libur_berubah`: a holiday correction was saved or deleted (sent on commit).

Its `site_id` is the village, or None for a national correction (every village). Apps
that store deadlines recompute them; the page cache drops the villages' pages.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.models import Site

from sitecore.kalender.models import HariLibur
from sitecore.pagecache.cache import invalidate_site

hari_libur_berubah = Signal()


def _changed(sender, instance, **kwargs):
    site_id = instance.site_id
    transaction.on_commit(
        lambda: hari_libur_berubah.send(sender=HariLibur, site_id=site_id, hari_libur=instance)
    )


def _drop_pages(sender, site_id, **kwargs):
    sites = Site.objects.all() if site_id is None else Site.objects.filter(pk=site_id)
    for site in sites:
        invalidate_site(site)


def connect_signals():
    post_save.connect(_changed, sender=HariLibur, dispatch_uid="hari-libur-saved")
    post_delete.connect(_changed, sender=HariLibur, dispatch_uid="hari-libur-deleted")
    hari_libur_berubah.connect(_drop_pages, dispatch_uid="hari-libur-pagecache")
