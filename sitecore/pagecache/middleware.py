"""The page cache's middleware: anonymous GETs answered from the cache (see
`sitecore.pagecache.cache` for what is kept and how it is invalidated)."""

import gzip

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from sitecore import situs
from sitecore.pagecache.cache import (
    CACHEABLE_TYPES,
    EXCLUDED_PREFIXES,
    HEADER,
    NO_STORE_DIRECTIVES,
    _cache,
    _generation_cache,
    _page_generations,
    _page_key,
    _timeout,
    cacheable_params,
    enabled,
)


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


# Compressed once when stored, not at every answer: a 1,000-line budget page is 257 KB
# of HTML and 35 KB gzipped. Small bodies are not worth a Content-Encoding.
GZIP_MIN_BYTES = 1024


def _gzip(content):
    if len(content) < GZIP_MIN_BYTES:
        return None
    return gzip.compress(content, compresslevel=6, mtime=0)


def _accepts_gzip(request):
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "").lower()


def _answer(request, status, headers, content, packed, state):
    if packed is not None and _accepts_gzip(request):
        response = HttpResponse(packed, status=status)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    if packed is not None:
        patch_vary_headers(response, ("Accept-Encoding",))
    response[HEADER] = state
    return response


def _replay(request, cached, state):
    _generations, status, headers, content, packed = cached
    return _answer(request, status, headers, content, packed, state)


class PageCacheMiddleware:
    """Serve and store anonymous GETs; placed right after SecurityMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or _bypass(request):
            return self.get_response(request)
        cache = _cache()
        key = _page_key(request)
        version = situs.version_token()
        if getattr(version, "cache", None) is cache:  # beside the pages: one round trip
            found = cache.get_many([key, version.key])
            cached = found.get(key)
            request.situs_versi = found.get(version.key)
        else:
            cached = cache.get(key)
        if cached is not None and len(cached) != 5:
            cached = None  # stored by an earlier release, before compression
        lock = None
        if cached is not None:
            generations = cached[0]
            if _generation_cache().get_many(list(generations)) == generations:
                return _replay(request, cached, "hit")
            # Out of date. One request renders it again; the others that arrive
            # meanwhile get the previous version instead of all rendering the same page
            # at once (a busy register after an officer's click).
            lock = f"{key}:render"
            if not cache.add(lock, 1, RENDER_LOCK_SECONDS):
                return _replay(request, cached, "stale")
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
                content, packed = response.content, _gzip(response.content)
                status = response.status_code
                entry = (_page_generations(request), status, headers, content, packed)
                cache.set(key, entry, _timeout())
                response = _answer(request, status, headers, content, packed, "miss")
            elif lock is not None:
                cache.delete(key)  # gone or private now: no one gets the old version
        finally:
            if lock is not None:
                cache.delete(lock)
        return response
