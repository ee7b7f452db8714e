"""The cache aliases, from the environment.

- default: pages, fragments and widgets (Redis shared by every app server when
  REDIS_URL is set, else per-process memory);
- kunjungan: visitor/read counters, shared by every worker process and the cron flush
  (Redis, else a file cache);
- batas: rate limits, lockouts and attempt counters (sitecore.batas), the site index's
  version (sitecore.situs) and, without Redis, the page cache's generations: shared by
  every worker and app server and never evicted by page traffic (Redis, else a database
  table created by migration sitecore 0006).
"""

import os


def caches_config(redis_url, base_dir):
    if redis_url:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "desa"),
            "TIMEOUT": 600,
        }
        return {
            "default": default,
            "kunjungan": {**default, "TIMEOUT": None},
            "batas": {**default, "KEY_PREFIX": "batas", "TIMEOUT": 3600},
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "desa-terbuka",
            "TIMEOUT": 600,
            # Django's 300 is a few register pages' worth of item fragments; a full cache
            # culls its least recently used third, generation keys (read on every hit)
            # last.
            "OPTIONS": {"MAX_ENTRIES": 3000},
        },
        "kunjungan": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("KUNJUNGAN_CACHE_DIR", str(base_dir / "var" / "kunjungan")),
            "TIMEOUT": None,
            "OPTIONS": {"MAX_ENTRIES": 200_000},
        },
        "batas": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "desa_batas",
            "TIMEOUT": 3600,
            "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 10},
        },
    }
