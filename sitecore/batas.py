"""Rate limits and attempt counters, in a store page traffic cannot evict.

The `batas` cache alias is Redis when configured, the database otherwise: every worker
and app server sees the same counts, and a flood of cached pages never pushes a counter
out (they shared the default 300-entry in-memory cache before, and each gunicorn worker
kept its own). Keys hold a keyed hash of the client, never the address itself.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches

from sitecore.klien import client_ip

ALIAS = "batas"


def store():
    return caches[ALIAS]


def kunci(nilai):
    """A keyed hash of an address: counters never hold the address itself."""
    return hmac.new(settings.SECRET_KEY.encode(), nilai.encode(), hashlib.sha256).hexdigest()[:32]


def kunci_alamat(request):
    """The client's address key (the proxy rule of sitecore.klien)."""
    return kunci(client_ip(request))


def _key(scope, ident):
    return f"rl:{scope}:{ident}"


def lewat_batas(scope, ident, limit, window):
    """Count one hit for (scope, ident); True when more than `limit` in `window` seconds.

    The window starts at the first hit (add() never extends it).
    """
    cache, key = store(), _key(scope, ident)
    if cache.add(key, 1, window):
        return False
    try:
        hits = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return False
    return hits > limit


def sudah_lewat(scope, ident, limit):
    """True when (scope, ident) is over the limit, without counting a hit."""
    return (store().get(_key(scope, ident)) or 0) > limit


def hitungan(scope, ident):
    return store().get(_key(scope, ident)) or 0
