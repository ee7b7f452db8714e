"""Visitor and read counting without a database write per request.

A tiny image beacon (`/kunjungan/<page_id>.gif`, never cached) is fetched by browsers
after the page, also when the page HTML itself came from a cache. Each fetch:

- drops known bots by User-Agent (and the few that fetch images rarely matter);
- derives a client key from a keyed hash of IP + User-Agent + the day, so no raw IP is
  kept anywhere and the key changes daily;
- de-duplicates per village/page and day with `cache.add`, then `cache.incr`s a
  pending counter.

Pending counters move into the database in batches: `manage.py flush_kunjungan` (cron,
e.g. every 5 minutes) and automatically when one counter reaches FLUSH_THRESHOLD.

The counters live in the "kunjungan" cache. With REDIS_URL it is the shared Redis, so
several app servers count together. Without Redis it is a FileBasedCache directory:
shared by all worker processes of one server (unlike LocMemCache, which is per process
and would lose or double counts). FileBasedCache increments are not atomic, so under
heavy concurrency a few counts may be lost; use Redis for several servers.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from sitecore.klien import counter_cache
from sitecore.pengunjung.models import PengunjungHarian

FLUSH_THRESHOLD = 50
SEEN_TIMEOUT = 2 * 24 * 3600
FLUSH_DAYS = 7


def _incr(cache, key):
    cache.add(key, 0, timeout=None)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
        return 1


def _visit_key(site_id, day):
    return f"kunjungan:n:{site_id}:{day.isoformat()}"


def _read_key(page_id):
    return f"baca:n:{page_id}"


def catat(site_id, page_id, key, day=None, article=False):
    """Count one beacon fetch: a visitor of the site and, for articles, a read."""
    cache = counter_cache()
    day = day or timezone.localdate()
    if cache.add(f"kunjungan:lihat:{site_id}:{day.isoformat()}:{key}", 1, SEEN_TIMEOUT):
        if _incr(cache, _visit_key(site_id, day)) >= FLUSH_THRESHOLD:
            flush_pengunjung([site_id], [day])
    if article and page_id:
        if cache.add(f"baca:lihat:{page_id}:{day.isoformat()}:{key}", 1, SEEN_TIMEOUT):
            if _incr(cache, _read_key(page_id)) >= FLUSH_THRESHOLD:
                flush_baca([page_id])


def _take(cache, key):
    """Take the pending count away from the cache (decrement, so concurrent incrs stay)."""
    value = cache.get(key) or 0
    if value:
        try:
            cache.decr(key, value)
        except ValueError:
            return 0
    return value


_DIBACA = []


def hitung_dibaca(model):
    """Class decorator: reads of this page type are counted into its `jumlah_dibaca`.

    Visitor counting knows no page type itself; articles register here.
    """
    _DIBACA.append(model)
    return model


def halaman_dibaca(site, page_id):
    """True when `page_id` is a live read-counted page of this village (not a guessed id)."""
    return bool(page_id) and any(
        model.objects.live().filter(pk=page_id, path__startswith=site.root_page.path).exists()
        for model in _DIBACA
    )


def flush_baca(page_ids):
    cache = counter_cache()
    moved = 0
    for page_id in page_ids:
        n = _take(cache, _read_key(page_id))
        if n:
            for model in _DIBACA:
                model.objects.filter(pk=page_id).update(jumlah_dibaca=F("jumlah_dibaca") + n)
            moved += n
    return moved


def flush_pengunjung(site_ids, days):
    cache = counter_cache()
    moved = 0
    for site_id in site_ids:
        for day in days:
            n = _take(cache, _visit_key(site_id, day))
            if not n:
                continue
            with transaction.atomic():
                row, _created = PengunjungHarian.objects.get_or_create(site_id=site_id, tanggal=day)
                PengunjungHarian.objects.filter(pk=row.pk).update(jumlah=F("jumlah") + n)
            moved += n
    return moved


def flush_semua():
    """Move every pending counter into the database (the cron job)."""
    from wagtail.models import Site

    today = timezone.now().date()
    days = [today + timedelta(days=1 - i) for i in range(FLUSH_DAYS + 2)]
    visits = flush_pengunjung(list(Site.objects.values_list("pk", flat=True)), days)
    ids = [pk for model in _DIBACA for pk in model.objects.values_list("pk", flat=True)]
    reads = 0
    cache = counter_cache()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        pending = cache.get_many([_read_key(i) for i in chunk])
        reads += flush_baca([i for i in chunk if pending.get(_read_key(i))])
    return visits, reads


def jumlah_dibaca(page):
    """Stored reads plus the ones still waiting in the cache."""
    return page.jumlah_dibaca + (counter_cache().get(_read_key(page.pk)) or 0)


def jumlah_dibaca_banyak(pages):
    """{page_id: reads} for a list of articles with one cache round trip."""
    pending = counter_cache().get_many([_read_key(p.pk) for p in pages])
    return {p.pk: p.jumlah_dibaca + (pending.get(_read_key(p.pk)) or 0) for p in pages}


def statistik_pengunjung(site_id, today=None):
    """{"hari_ini", "kemarin", "total"} for a village, counting pending visits too."""
    today = today or timezone.localdate()
    yesterday = today - timedelta(days=1)
    rows = PengunjungHarian.objects.filter(site_id=site_id)
    stored = dict(rows.filter(tanggal__in=[today, yesterday]).values_list("tanggal", "jumlah"))
    total = rows.aggregate(n=Sum("jumlah"))["n"] or 0
    cache = counter_cache()
    days = [today - timedelta(days=i) for i in range(FLUSH_DAYS + 1)]
    pending = cache.get_many([_visit_key(site_id, d) for d in days])
    pending_today = pending.get(_visit_key(site_id, today)) or 0
    pending_yesterday = pending.get(_visit_key(site_id, yesterday)) or 0
    return {
        "hari_ini": stored.get(today, 0) + pending_today,
        "kemarin": stored.get(yesterday, 0) + pending_yesterday,
        "total": total + sum(v or 0 for v in pending.values()),
    }
