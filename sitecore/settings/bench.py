"""`make bench` servers: production settings, plus captcha test mode.

Load clients cannot read a captcha image; with CAPTCHA_TEST_MODE the answer "PASSED"
is accepted. django-simple-captcha reads it at import, hence a settings module.
Never use this module for a real site.
"""

from .production import *  # noqa: F403
from .production import LOGGING

CAPTCHA_TEST_MODE = True

LOGGING = {
    **LOGGING,
    "loggers": {**LOGGING["loggers"], "captcha.conf.settings": {"level": "CRITICAL"}},
}
