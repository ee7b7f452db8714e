"""Test settings: production-like (DEBUG off) with test conveniences.

django-simple-captcha reads CAPTCHA_TEST_MODE at import time, so it is set here
rather than with override_settings: the answer "PASSED" is accepted.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production-use-0123456789abcdef")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SESSION_COOKIE_SECURE", "false")
os.environ.setdefault("CSRF_COOKIE_SECURE", "false")

from .base import *  # noqa: E402, F403
from .base import CACHES, REDIS_URL  # noqa: E402

ALLOWED_HOSTS = ["*"]
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):  # noqa: F405
    # Test data need not survive a crash: commits do not wait for the WAL on disk.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
# Feature tests look at fresh renders; the page cache has its own tests that enable it.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "false").lower() == "true"
WIDGET_CACHE_ENABLED = os.environ.get("WIDGET_CACHE_ENABLED", "false").lower() == "true"
CAPTCHA_TEST_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405 - keeps an S3 default storage when a test configures one
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
SECURE_HSTS_SECONDS = 0
# Whatever the shell exports: tests that need compulsory 2FA set it themselves.
ADMIN_2FA_REQUIRED = "none"

# Each pytest-xdist worker gets its own cache namespace on a shared Redis.
if REDIS_URL:
    # cache.clear() flushes a whole Redis database, so each pytest-xdist worker ("gw0",
    # "gw1", …) gets a database of its own (8, 9, …); other processes keep REDIS_URL's.
    from urllib.parse import urlsplit, urlunsplit

    _worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    if _worker.startswith("gw") and _worker[2:].isdigit():
        _url = urlsplit(REDIS_URL)
        REDIS_URL = urlunsplit(_url._replace(path=f"/{8 + int(_worker[2:]) % 8}"))
        CACHES["default"]["LOCATION"] = REDIS_URL
        CACHES["kunjungan"]["LOCATION"] = REDIS_URL
        CACHES["batas"]["LOCATION"] = REDIS_URL
    CACHES["default"]["KEY_PREFIX"] = "test-" + _worker
    CACHES["batas"]["KEY_PREFIX"] = "test-" + _worker + "-batas"

# The captcha library shouts about test mode on every start; tests know.
LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        "captcha.conf.settings": {"level": "CRITICAL"},
        # Servers started by tests set DJANGO_REQUEST_LOG_LEVEL=ERROR to log tracebacks.
        "django.request": {"level": os.environ.get("DJANGO_REQUEST_LOG_LEVEL", "CRITICAL")},
        "desa.request": {"level": "WARNING"},
    },
}

# sitecore: visitor/read counters in a per-process memory cache during tests; on the
# Redis pass they share Redis like production, in the worker's own namespace.
if REDIS_URL:
    CACHES["kunjungan"]["KEY_PREFIX"] = CACHES["default"]["KEY_PREFIX"] + "-kunjungan"
else:
    CACHES["kunjungan"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "kunjungan-test",
    }
