"""A bare Django project for `make bench`: settings, URLs and one view in one module.

Served by the same gunicorn settings as the product, with no app, no middleware and no
database: its `/ping/` is what Django and gunicorn cost by themselves, so the product's
`/ping/` as a share of it is the price of the project's middleware stack.
`DJANGO_SETTINGS_MODULE=bench.bare`; never used for anything else.
"""

import os

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

SECRET_KEY = os.environ.get("SECRET_KEY") or "bench-bare-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.bare"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_TZ = True
LOGGING_CONFIG = None


# The same view as bench.views.ping, decorators included.
@never_cache
@require_GET
def ping(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


urlpatterns = [path("ping/", ping, name="ping")]
