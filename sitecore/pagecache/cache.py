"""Whole-page cache for anonymous visitors, shared by every app server.

Invalidation follows what a page shows. Each village keeps one generation number per
*kind* of content ("artikel", "agenda", "pengaduan", ...) and per object where a detail
page shows one object ("pengaduan:42"). A render declares the kinds it reads
(`depends`): the Wagtail page's own `cache_kind`, each widget's `kinds`, each memoized
aggregate or fragment's `kinds`. A cached page keeps the generations it was rendered
with and is served only while they are all current; a change bumps only its kinds
(`invalidate`), so a new complaint status refreshes the register, that item, the report
and the widgets that show complaints while articles, agenda and budget pages stay.

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
from django.http import HttpResponse

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


def _bypass(request):
    if request.method not in ("GET", "HEAD"):
        return True
    if request.path.startswith(EXCLUDED_PREFIXES):
        return True
    if request.GET and not cacheable_params().issuperset(request.GET):
        return True
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return True
    return False


def _storable(request, response):
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    if response.has_header("Set-Cookie"):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(directive in control for directive in NO_STORE_DIRECTIVES):
        return False
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type not in CACHEABLE_TYPES:
        return False
    user = getattr(request, "user", None)
    if user is not None and getattr(user, "_wrapped", None) is not None:
        # The user was looked at during the request: only cache anonymous renders.
        if user.is_authenticated:
            return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (getattr(messages, "_queued_messages", None) or messages.used):
        return False
    return True


# How long the previous version of a page may be served while one request renders the
# new one (the lock is released as soon as it is done).
RENDER_LOCK_SECONDS = 10


def _replay(cached, state):
    _generations, status, headers, content = cached
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response[HEADER] = state
    return response


class PageCacheMiddleware:
    """Serve and store anonymous GETs; placed right after SecurityMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or _bypass(request):
            return self.get_response(request)
        cache = _cache()
        key = _page_key(request)
        cached = cache.get(key)
        lock = None
        if cached is not None:
            generations, status, headers, content = cached
            if _generation_cache().get_many(list(generations)) == generations:
                return _replay(cached, "hit")
            # Out of date. One request renders it again; the others that arrive
            # meanwhile get the previous version instead of all rendering the same page
            # at once (a busy register after an officer's click).
            lock = f"{key}:render"
            if not cache.add(lock, 1, RENDER_LOCK_SECONDS):
                return _replay(cached, "stale")
        # Filled by `depends` as the render declares what it shows, before reading it.
        request._pc_generations = {}
        request._pc_declared = set()
        try:
            response = self.get_response(request)
            if _storable(request, response):
                headers = [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in ("set-cookie", "content-length", HEADER.lower())
                ]
                entry = (_page_generations(request), response.status_code, headers)
                cache.set(key, (*entry, response.content), _timeout())
                response[HEADER] = "miss"
            elif lock is not None:
                cache.delete(key)  # gone or private now: no one gets the old version
        finally:
            if lock is not None:
                cache.delete(lock)
        return response
