"""Whole-page cache for anonymous visitors, shared by every app server.

Keys carry the village's hostname, the language (from the URL) and a per-village
generation number. Any public change in a village bumps that village's generation, so
every page that could show the change (listings, widgets, home, feeds, sitemap) is
fresh at once while other villages' entries stay warm. Entries of older generations
simply expire.

Never cached: non-GET requests, the admin and other excluded prefixes, requests with a
session (logged-in users, visitors with flash messages), requests with a query parameter
no public page reads for a bounded value (a flood of made-up query strings would fill the
cache), and any response that sets a cookie, is not a 200, or says
private/no-store/no-cache (forms, captcha pages, tracking and status pages send no-store).
"""

import hashlib
import time
from functools import cache as memoized

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

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


def generation_key(hostname):
    return f"pc:gen:{hostname.lower()}"


def bump_hostname(hostname):
    """Invalidate every cached page of one hostname."""
    # A timestamp-based value never repeats a generation that may still be cached.
    _cache().set(generation_key(hostname), time.time_ns(), None)


def invalidate_site(site):
    """Call after any public change in a village (apps do, through signals)."""
    if site is None:
        return
    bump_hostname(site.hostname)
    # The installation directory lists every village.
    from wagtail.models import Site

    default = Site.objects.filter(is_default_site=True).only("hostname").first()
    if default is not None and default.pk != site.pk:
        bump_hostname(default.hostname)


def current_generation(hostname):
    """The village's generation number, starting one if there is none yet."""
    cache = _cache()
    gen_key = generation_key(hostname)
    generation = cache.get(gen_key)
    if generation is None:
        cache.add(gen_key, time.time_ns(), None)
        generation = cache.get(gen_key)
    return generation


def fragment_key(request, *parts):
    """A cache key for a piece of a village's page, dropped with its page cache."""
    host = _host(request)
    return ":".join(["pc:frag", host, str(current_generation(host)), *map(str, parts)])


def memoize(request, parts, compute, timeout=3600):
    """`compute()`, kept with the village's generation: an expensive aggregate (archive
    months, a year's report) is computed once per public change, not once per request."""
    if request is None or not fragments_enabled():
        return compute()
    key = fragment_key(request, "memo", *parts)
    cache = fragment_cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _page_key(request, generation):
    path = request.get_full_path()
    lang = "en" if path.startswith("/en/") else "id"
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    return f"pc:page:{_host(request)}:{generation}:{lang}:{request.method == 'HEAD'}:{digest}"


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


class PageCacheMiddleware:
    """Serve and store anonymous GETs; placed right after SecurityMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or _bypass(request):
            return self.get_response(request)
        cache = _cache()
        generation = current_generation(_host(request))
        key = _page_key(request, generation)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _storable(request, response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "content-length", HEADER.lower())
            ]
            cache.set(key, (response.status_code, headers, response.content), _timeout())
            response[HEADER] = "miss"
        return response


def invalidate_site_on_commit(site):
    from django.db import transaction

    if site is not None:
        transaction.on_commit(lambda: invalidate_site(site))


def invalidate_on_change(model, get_site):
    """Bump the village's pages whenever a `model` instance is saved or deleted.

    Apps use this for public objects that are not pages (comments, complaints, requests);
    `get_site(instance)` returns the village Site or None.
    """
    from django.db.models.signals import post_delete, post_save

    def receiver(sender, instance, **kwargs):
        invalidate_site_on_commit(get_site(instance))

    post_save.connect(
        receiver, sender=model, weak=False, dispatch_uid=f"pc-save-{model._meta.label}"
    )
    post_delete.connect(
        receiver, sender=model, weak=False, dispatch_uid=f"pc-delete-{model._meta.label}"
    )
