"""The complaint module's limits, counted in sitecore.batas (shared by every worker).

Keys hold a keyed hash of the client address, never the address itself.
"""

from sitecore.batas import kunci, lewat_batas, sudah_lewat  # noqa: F401 - the module's interface


def kunci_klien(request):
    # REMOTE_ADDR only: a forwarded header is trivially forged. Behind a reverse proxy,
    # the proxy must set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    return kunci(request.META.get("REMOTE_ADDR", ""))


# Limits: (hits, seconds).
BATAS_KIRIM = (5, 3600)  # new submissions per client per hour
BATAS_PIN_KLIEN = (10, 900)  # wrong PINs per client per 15 minutes
BATAS_PIN_KODE = (5, 900)  # wrong PINs per client and code per 15 minutes
BATAS_LACAK = (30, 900)  # code look-ups per client per 15 minutes
BATAS_API = (120, 60)  # API submissions per token per minute
