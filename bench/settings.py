"""`make bench` settings: production, plus the `bench` app, `/ping/` and captcha test mode.

The only settings that install the `bench` app (its commands) and route `/ping/`
(`bench.urls`): a production, development or test install carries neither.

Load clients cannot read a captcha image; with CAPTCHA_TEST_MODE the answer "PASSED"
is accepted. django-simple-captcha reads it at import, hence a settings module.
Never use this module for a real site.
"""

import os
import secrets
import warnings

# `manage.py bench` itself opens no database and serves nothing: without a SECRET_KEY in
# the environment it gets a throwaway one. The processes it starts get their own.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))

from sitecore.settings.production import *  # noqa: E402, F403
from sitecore.settings.production import INSTALLED_APPS, LOGGING  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]
ROOT_URLCONF = "bench.urls"

CAPTCHA_TEST_MODE = True
# The library warns about test mode at every process start (on stderr, not a logger):
# here it is the point, and the bench starts a dozen processes.
warnings.filterwarnings("ignore", "CAPTCHA_TEST_MODE is enabled", RuntimeWarning)

LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "captcha.conf.settings": {"level": "CRITICAL"}},
}
