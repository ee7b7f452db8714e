"""Admin login hardening: django-axes lockout page and client address."""

from django.conf import settings
from django.shortcuts import render

from sitecore.klien import client_ip


def axes_client_ip(request):
    # Same trust rule as the visitor counter: X-Forwarded-For only behind our own proxy.
    return client_ip(request) or "0.0.0.0"  # noqa: S104 - a key, never bound


def axes_lockout_response(request, original_response=None, credentials=None):
    """A readable Indonesian page in the admin's look instead of axes' bare text."""
    cooloff = settings.AXES_COOLOFF_TIME
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_timedelta": cooloff,
        "cooloff_minutes": int(cooloff.total_seconds() // 60) if cooloff else None,
    }
    return render(request, "sitecore/admin/login_terkunci.html", context, status=429)
