"""Rate limits in the shared cache (Redis when several app servers run).

Keys hold a keyed hash of the client address, never the address itself.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def kunci_klien(request):
    # REMOTE_ADDR only: a forwarded header is trivially forged. Behind a reverse proxy,
    # the proxy must set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    ip = request.META.get("REMOTE_ADDR", "")
    return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()[:32]


def lewat_batas(scope, ident, limit, window):
    """Count one hit for (scope, ident); True when more than `limit` in `window` seconds."""
    key = f"pengaduan:rl:{scope}:{ident}"
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
    return (cache.get(f"pengaduan:rl:{scope}:{ident}") or 0) > limit


# Limits: (hits, seconds).
BATAS_KIRIM = (5, 3600)  # new submissions per client per hour
BATAS_PIN_KLIEN = (10, 900)  # wrong PINs per client per 15 minutes
BATAS_PIN_KODE = (5, 900)  # wrong PINs per client and code per 15 minutes
BATAS_LACAK = (30, 900)  # code look-ups per client per 15 minutes
BATAS_API = (120, 60)  # API submissions per token per minute
