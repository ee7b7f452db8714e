"""Whole-page cache for anonymous visitors, shared by every app server.

Invalidation follows what a page shows. Each village keeps one generation number per
*kind* of content ("artikel", "agenda", "pengaduan", ...) and per object where a detail
page shows one object ("pengaduan:42"). A render declares the kinds it reads
(`depends`): the Wagtail page's own `cache_kind`, each widget's `kinds`, each memoized
aggregate or fragment's `kinds`. A cached page keeps the generations it was rendered
with and is served only while they are all current; a change bumps only its kinds
(`invalidate`): a complaint's new status refreshes what shows complaints, nothing else.

Two kinds are special: SITUS (the village itself: profile, officials, menu, banner, the
home page) is in every render, so bumping it drops every page of the village; SEMUA is
bumped by every change and is what a render that declared nothing depends on, so a view
that forgets to declare is never stale, only less cached.

Never cached: non-GET requests, the admin and other excluded prefixes, requests with a
session (logged-in users, visitors with flash messages), requests with a query parameter
no public page reads for a bounded value (a flood of made-up query strings would fill the
cache), and any response that sets a cookie, is not a 200, or says
private/no-store/no-cache (forms, captcha pages, tracking and status pages send no-store).
"""

import hashlib
import secrets
import time
from functools import cache as memoized

from django.conf import settings
from django.core.cache import caches

from sitecore import situs

EXCLUDED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/captcha/",
    "/api/",
    "/kunjungan/",
    "/healthz/",
    "/documents/",
    "/media/",
    "/static/",
    "/i18n/",
    "/cari/",
    "/en/cari/",
)
CACHEABLE_TYPES = (
    "text/html",
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "text/calendar",
    "text/csv",
    "application/json",
    "text/plain",
)
NO_STORE_DIRECTIVES = ("private", "no-store", "no-cache", "max-age=0")
# Query parameters sitecore's pages read, each with a bounded set of useful values (page
# numbers, filters). Apps add theirs through the `register_page_cache_params` hook; free
# text (`q`) is never among them.
PARAMS = frozenset({"page", "per"})
HEADER = "X-Desa-Cache"


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _generation_cache():
    """Generations must be one for every worker process and app server, wherever pages
    are kept: a bump seen by one worker only would leave the others serving the old page
    (without Redis each gunicorn worker keeps its pages in its own memory)."""
    return caches[getattr(settings, "PAGE_CACHE_GENERATIONS_ALIAS", "default")]


def _timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def fragments_enabled():
    """Widget fragments are cached apart from whole pages: a page-cache miss (a new page,
    a visitor with a session) still finds the village's widgets ready."""
    return getattr(settings, "WIDGET_CACHE_ENABLED", True)


def fragment_cache():
    return _cache()


def _host(request):
    return request.get_host().split(":")[0].lower()


SITUS = "situs"
SEMUA = "semua"
# Per-object generations only need to outlive the entries that read them; one that
# expired comes back as a new value, which is a miss, never a stale page.
OBJECT_GENERATION_SECONDS = 86400


def generation_key(hostname, kind):
    return f"pc:gen:{hostname.lower()}:{kind}"


def _new_generation():
    # Compared for equality only: the time keeps values from repeating after a restart,
    # the random part keeps two servers' bumps in the same nanosecond apart.
    return f"{time.time_ns():x}{secrets.token_hex(3)}"


def _generation_timeout(kind):
    return OBJECT_GENERATION_SECONDS if ":" in kind else None


def _generations(hostname, kinds):
    """{generation key: value} for `kinds` of one host, starting the missing ones."""
    cache = _generation_cache()
    keys = [generation_key(hostname, kind) for kind in kinds]
    found = cache.get_many(keys)
    missing = [(key, kind) for key, kind in zip(keys, kinds, strict=True) if key not in found]
    if missing:
        for key, kind in missing:
            cache.add(key, _new_generation(), _generation_timeout(kind))
        found.update(cache.get_many([key for key, _kind in missing]))
    return found


def bump(hostname, kinds):
    """Invalidate what one host's pages show of `kinds` (kind names or "kind:pk")."""
    cache = _generation_cache()
    for timeout in {_generation_timeout(kind) for kind in kinds}:
        value = _new_generation()
        cache.set_many(
            {
                generation_key(hostname, kind): value
                for kind in kinds
                if _generation_timeout(kind) == timeout
            },
            timeout,
        )


def _default_hostname():
    # From the process's site index (sitecore.situs): no query on every change.
    return situs.default_hostname()


def invalidate(site, *kinds, objects=()):
    """A public change in a village: drop what shows `kinds` (nothing given: the whole
    village) and, for detail pages, `objects` ("pengaduan:42")."""
    if site is None:
        return
    kinds = set(kinds) or {SITUS}
    bump(site.hostname, {*kinds, *objects, SEMUA})
    # The installation directory lists the villages (name, logo): it follows their
    # identity, not their content.
    default = _default_hostname()
    if default and default.lower() != site.hostname.lower():
        bump(default, {SITUS, SEMUA} if SITUS in kinds else {SEMUA})


def invalidate_site(site):
    """Drop every cached page, fragment and aggregate of one village."""
    invalidate(site, SITUS)


def depends(request, *kinds):
    """The render of `request` shows `kinds`: remember their generations (read *before*
    the content is, so a change during the render leaves a stale-marked entry, never a
    fresh-marked stale one). Returns {generation key: value} for `kinds`."""
    if request is None:
        return {}
    host = _host(request)
    seen = getattr(request, "_pc_generations", None)
    if seen is None:
        seen = request._pc_generations = {}
    declared = getattr(request, "_pc_declared", None)
    if declared is None:
        declared = request._pc_declared = set()
    declared.update(kind for kind in kinds if kind not in (SITUS, SEMUA))
    # The first declaration also reads the village's own generations, in the same trip.
    wanted = [k for k in (*kinds, SITUS, SEMUA) if generation_key(host, k) not in seen]
    if wanted:
        seen.update(_generations(host, list(dict.fromkeys(wanted))))
    return {key: seen[key] for key in (generation_key(host, kind) for kind in kinds)}


def depends_on_page(request, page):
    """Called for every Wagtail page served (sitecore's before_serve_page hook): a page
    shows its own kind (`cache_kind`, bumped when a page of that kind is published) and
    what else it lists (`cache_shows`), unless the routed view says otherwise (`shows`)."""
    if not hasattr(request, "_pc_generations"):
        return  # not on its way into the page cache
    kinds = [getattr(page, "cache_kind", "halaman"), *getattr(page, "cache_shows", ())]
    # Remembered so that `shows` can take them back.
    request._pc_page_keys = set(depends(request, *kinds))


def shows(request, *kinds):
    """The routed view shows `kinds` *instead of* its page's: the detail page of one
    complaint ("pengaduan:42") must not refresh with every other complaint."""
    for key in getattr(request, "_pc_page_keys", ()):
        request._pc_generations.pop(key, None)
    request._pc_page_keys = set()
    depends(request, *kinds)


def _stamp(generations):
    joined = "|".join(f"{key}={value}" for key, value in sorted(generations.items()))
    return hashlib.blake2b(joined.encode(), digest_size=8).hexdigest()


def fragment_key(request, *parts, kinds=(SEMUA,)):
    """A cache key for a piece of a village's page that shows `kinds`: a new key (and so
    a fresh render) as soon as one of them changes, or the village itself does."""
    host = _host(request)
    stamp = _stamp(depends(request, SITUS, *kinds))
    return ":".join(["pc:frag", host, stamp, *map(str, parts)])


def memoize(request, parts, compute, kinds=(SEMUA,), timeout=3600):
    """`compute()`, kept until one of `kinds` changes in the village: an expensive
    aggregate (archive months, a year's report) is computed once per change of what it
    counts, not once per request."""
    if request is None or not fragments_enabled():
        return compute()
    key = fragment_key(request, "memo", *parts, kinds=kinds)
    cache = fragment_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def memoize_counts(hostname, entries, timeout=3600):
    """[compute() for (parts, kinds, compute) in entries], each kept until one of its
    `kinds` changes in the village at `hostname`, and only then: for counts of one kind
    of row that no village-wide change alters (one month's complaints). A change of the
    menu or the profile keeps them; the pages that show them declare their own kinds.
    One read of the generations and one of the cache for all of them."""
    if not fragments_enabled():
        return [compute() for _parts, _kinds, compute in entries]
    host = hostname.lower()
    seen = _generations(host, list(dict.fromkeys(k for _p, kinds, _c in entries for k in kinds)))

    def key(parts, kinds):
        stamp = _stamp({generation_key(host, k): seen[generation_key(host, k)] for k in kinds})
        return ":".join(["pc:count", host, stamp, *map(str, parts)])

    keys = [key(parts, kinds) for parts, kinds, _compute in entries]
    cache = fragment_cache()
    found = cache.get_many(keys)
    values, fresh = [], {}
    for key, (_parts, _kinds, compute) in zip(keys, entries, strict=True):
        if key not in found:
            found[key] = fresh[key] = compute()
        values.append(found[key])
    if fresh:
        cache.set_many(fresh, timeout)
    return values


def _page_key(request):
    path = request.get_full_path()
    lang = "en" if path.startswith("/en/") else "id"
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    return f"pc:page:{_host(request)}:{lang}:{request.method == 'HEAD'}:{digest}"


def _page_generations(request):
    """What the page just rendered depends on, with the values read before rendering."""
    seen = dict(request._pc_generations)
    host = _host(request)
    if generation_key(host, SITUS) not in seen:
        # Nothing was declared (a view outside the page tree): the village and the
        # catch-all, read only now; such views render in a few milliseconds.
        seen.update(_generations(host, [SITUS, SEMUA]))
    if request._pc_declared:
        # Something specific was declared: the catch-all is not needed.
        seen.pop(generation_key(host, SEMUA), None)
    return seen


@memoized
def cacheable_params():
    from wagtail import hooks

    params = set(PARAMS)
    for fn in hooks.get_hooks("register_page_cache_params"):
        params.update(fn())
    return frozenset(params)
