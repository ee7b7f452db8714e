"""Who is asking: the client's address, a daily keyed hash for it, the bot test, and the
counter cache that visitor counts and rate limits share (no raw address is ever kept)."""

import hashlib
import hmac
import re

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

CACHE_ALIAS = "kunjungan"

BOT_RE = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|whatsapp|telegram|preview|"
    r"fetch|curl|wget|python|httpclient|java/|go-http|headless|lighthouse|pingdom|"
    r"monitor|scan|checker|feed|okhttp|axios|libwww|scrapy",
    re.IGNORECASE,
)


def counter_cache():
    return caches[CACHE_ALIAS] if CACHE_ALIAS in settings.CACHES else caches["default"]


def is_bot(user_agent):
    """Empty or bot-like User-Agents are not visitors."""
    return not user_agent or bool(BOT_RE.search(user_agent))


def client_ip(request):
    if getattr(settings, "PENGUNJUNG_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, day=None):
    """A daily-salted keyed hash of IP and User-Agent: stable for a day, then useless."""
    day = day or timezone.localdate()
    ua = request.META.get("HTTP_USER_AGENT", "")[:300]
    message = f"{day.isoformat()}|{client_ip(request)}|{ua}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
