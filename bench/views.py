"""Views only the bench servers route (`bench.settings`): the trivial view, and two hooks
the load clients call between measurements. None of them exists in a product install."""

import os
from datetime import date

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Site


# never_cache: the page cache must not turn the ceiling into a cache hit.
@never_cache
@require_GET
def ping(request):
    # No database, no template: whatever this costs is the middleware and the server.
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def _site(request):
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    return site


def _answer(**data):
    # The cold client needs to know whether the drop reached every worker: it does when
    # the page cache's generations live in a shared cache (Redis, or the database table
    # without Redis); a per-process one (locmem) would reach only the one that answered.
    alias = getattr(settings, "PAGE_CACHE_GENERATIONS_ALIAS", "default")
    backend = settings.CACHES[alias]["BACKEND"]
    return JsonResponse({"pid": os.getpid(), "shared": "locmem" not in backend.lower(), **data})


@csrf_exempt
@never_cache
@require_POST
def drop(request):
    """What a public change does to the Host's village: every cached page, fragment and
    memoized count dropped, and this month's complaint counts (what a change to a new
    complaint drops; earlier months' counts are dropped only by a change in their own
    month). The cold client calls this before each measured GET."""
    from django.utils import timezone

    from pengaduan.umpan_balik.ringkasan import kind_bulan
    from sitecore.pagecache.cache import SITUS, invalidate

    today = timezone.localdate()  # in the village's time zone (DesaMiddleware)
    invalidate(_site(request), SITUS, objects=(kind_bulan(today.year, today.month),))
    return _answer()


# Officer moves alternate between these two states; both keep the item public.
_FLIP = {"ditindaklanjuti": "dibahas", "dibahas": "ditindaklanjuti"}


@csrf_exempt
@never_cache
@require_POST
def petugas(request):
    """An officer's status change on one complaint of the Host's village, through the same
    service function the officer's form calls (`pengaduan.layanan.ubah_status`), so the
    event row, the audit log and the cache invalidation signals all happen."""
    from pengaduan import layanan
    from pengaduan.models import Pengaduan

    site = _site(request)
    item = (
        Pengaduan.objects.filter(site=site, status__in=_FLIP, laporan_rahasia=False)
        .order_by("-diterima_pada")
        .first()
    )
    if item is None:
        raise Http404
    target = _FLIP[item.status]
    data = {"catatan_publik": "Petugas memperbarui tindak lanjut."}
    if target == "dibahas":
        data.update(rapat_tanggal=date.today(), rapat_temuan="Dibahas di rapat desa.")
    item, _event = layanan.ubah_status(item, target, data=data)
    return _answer(kode=item.kode, status=item.status)
