"""Settings for Desa Terbuka, read from the environment.

Defaults give a working single-server install on SQLite. Production sets at least
SECRET_KEY, DEBUG=false and ALLOWED_HOSTS; a kabupaten running several app servers
adds DATABASE_URL (PostgreSQL) and REDIS_URL (shared cache).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .caches import caches_config
from .logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
    SECRET_KEY = "insecure-development-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "sitecore",
    "agenda",
    "pengaduan",
    "transparansi",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "sitecore.requestlog.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sitecore.security.SecurityHeadersMiddleware",
    "sitecore.pagecache.middleware.PageCacheMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sitecore.middleware.DesaMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sitecore.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Project templates, then each sitecore concern package's own templates/.
        "DIRS": [BASE_DIR / "templates", *sorted(BASE_DIR.glob("sitecore/*/templates"))],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "sitecore.context_processors.desa",
            ],
        },
    },
]

WSGI_APPLICATION = "sitecore.wsgi.application"

# Database: SQLite file by default, PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tuned for a web server: WAL lets readers run beside one writer, the busy timeout
    # waits for the lock instead of failing, and IMMEDIATE takes the write lock at the
    # start of a transaction so two writers never deadlock on a lock upgrade.
    # Connections are kept between requests like PostgreSQL's (CONN_MAX_AGE): opening
    # one and running these pragmas cost more than a cached page.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL;"
            "PRAGMA synchronous=NORMAL;"
            "PRAGMA busy_timeout=20000;"
            "PRAGMA foreign_keys=ON;"
            "PRAGMA analysis_limit=1000;"
        ),
    }
    # Keeps the query planner's statistics current (see sitecore.sqlite).
    MIDDLEWARE.insert(1, "sitecore.sqlite.SQLiteOptimizeMiddleware")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Whole-page cache for anonymous visitors (sitecore.pagecache.cache), in the default cache.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
WIDGET_CACHE_ENABLED = env_bool("WIDGET_CACHE_ENABLED", True)

# Caches (sitecore/settings/caches.py): Redis shared by every app server when REDIS_URL
# is set; page cache, visitor counters and the limits' store.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = caches_config(REDIS_URL, BASE_DIR)
# What each village's pages were rendered with (sitecore.pagecache) is shared by every
# worker: in Redis with the pages, else in the limits' table of the database.
PAGE_CACHE_GENERATIONS_ALIAS = "default" if REDIS_URL else "batas"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Indonesian is the default (no URL prefix), English lives under /en/.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jakarta"
FORMAT_MODULE_PATH = ["sitecore.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Media on S3-compatible object storage (AWS S3, MinIO, Wasabi, …) when a bucket is set.
# Complaint attachments never go there: they stay in PENGADUAN_PRIVATE_ROOT.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
            "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False

# Optional purge of a front-end cache (nginx with a purge module, Varnish, …) when a
# page is published; the Django page cache is invalidated either way.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "nginx": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Email
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Desa Terbuka <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (notifications, search indexing): a database queue so that a mail
# outage never loses work; `manage.py db_worker` runs it.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Wagtail
WAGTAIL_SITE_NAME = "Desa Terbuka"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "gif": "png"}
# Upload limits, checked from the file's header before a pixel is decoded: 40 MP takes
# a phone's full-resolution photo and stays far below Pillow's own bomb threshold.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Translated refusals; the location is stripped from every saved file (gambar_admin).
WAGTAILIMAGES_IMAGE_FORM_BASE = "sitecore.gambar.admin.GambarAdminForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "ods", "odt", "csv", "txt", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Documents reach visitors only through their view, which checks collection restrictions
# (sitecore.media); behind the documented nginx, DOCUMENTS_X_ACCEL_REDIRECT=true lets nginx
# send the file after that check.
SENDFILE_BACKEND = "sitecore.media"
DOCUMENTS_X_ACCEL_REDIRECT = env_bool("DOCUMENTS_X_ACCEL_REDIRECT", False)
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Captcha (django-simple-captcha, own font). Forms issue their own codes: sitecore.kodeaman.
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 34
CAPTCHA_LETTER_ROTATION = (-20, 20)
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.random_char_challenge"
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)

# Security: production values are the defaults; DEBUG relaxes them for local work.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# Database sessions written once per request, without waiting for the disk.
SESSION_ENGINE = "sitecore.sessions"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Logs go to stderr; LOG_FORMAT=json (the default when not DEBUG) writes one JSON
# object per line, including one line per request from sitecore.requestlog.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain" if DEBUG else "json")
LOGGING = logging_config(LOG_FORMAT)

# Behind a reverse proxy that sets X-Forwarded-For, count the client's address instead.
PENGUNJUNG_TRUST_X_FORWARDED_FOR = env_bool("PENGUNJUNG_TRUST_X_FORWARDED_FOR", False)

# pengaduan: complaint attachments live outside MEDIA_ROOT and are only served through
# a staff-only view; keep this directory out of any web server's document root.
PENGADUAN_PRIVATE_ROOT = Path(
    os.environ.get("PENGADUAN_PRIVATE_ROOT", BASE_DIR / "private" / "pengaduan")
)
# The key of the tracking PINs' keyed hash (pengaduan.kode). Empty: SECRET_KEY. Set it
# apart to rotate SECRET_KEY without making every reporter's PIN unusable.
PENGADUAN_PIN_KEY = os.environ.get("PENGADUAN_PIN_KEY", "")

# security (admin login hardening, issue 9): django-axes locks a username+address pair
# out after repeated failures; the counter resets on a successful login.
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")  # last: turns a lockout into a 429 page
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "sitecore.auth.BatasAlamatBackend",  # failed sign-ins per address (spraying)
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "sitecore.auth.axes_client_ip"
AXES_LOCKOUT_CALLABLE = "sitecore.auth.axes_lockout_response"
AXES_SENSITIVE_PARAMETERS = ["password"]
LOGGING["loggers"]["axes"] = {"level": "WARNING"}  # lockouts only, not its start banner
# security (issue 9): no third-party requests from the admin (Gravatar leaks staff emails'
# hashes and breaks the admin CSP); the language cookie gets the same flags as the others.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []  # every document is a download, never rendered inline
CSRF_COOKIE_HTTPONLY = True  # no script of ours or Wagtail's reads it (token is in the page)

# security (issue 9): optional two-factor sign-in for the admin (sitecore.twofactor) on
# django-otp: TOTP authenticator apps plus single-use backup codes. ADMIN_2FA_REQUIRED
# lets a kabupaten make it compulsory: "none" (default), "superusers" or "all" staff.
INSTALLED_APPS += ["django_otp", "django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "sitecore.twofactor.middleware.TwoFactorMiddleware",
)
ADMIN_2FA_REQUIRED = os.environ.get("ADMIN_2FA_REQUIRED", "none").strip().lower() or "none"
if ADMIN_2FA_REQUIRED not in {"none", "superusers", "all"}:
    raise ImproperlyConfigured("ADMIN_2FA_REQUIRED must be none, superusers or all.")
# The name authenticator apps show next to the account.
OTP_TOTP_ISSUER = os.environ.get("ADMIN_2FA_ISSUER", WAGTAIL_SITE_NAME)
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # no TOTP secrets or backup codes in /django-admin/
AXES_SENSITIVE_PARAMETERS = [*AXES_SENSITIVE_PARAMETERS, "kode"]  # the 2FA code field
