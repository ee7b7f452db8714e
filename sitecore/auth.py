"""Admin login hardening: django-axes lockout page and client address, and a limit on
failed sign-ins per address across usernames (password spraying), which axes' per
username-and-address lockout does not see."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from sitecore import batas
from sitecore.klien import client_ip

# Failed sign-ins per address, whatever the username: (failures, seconds).
GAGAL_PER_ALAMAT = (20, 15 * 60)


class BatasAlamatBackend:
    """Before ModelBackend: refuses any sign-in from an address that failed too often
    across usernames; other addresses are not affected."""

    def authenticate(self, request, **credentials):
        if request is not None and batas.sudah_lewat(
            "masuk", batas.kunci_alamat(request), GAGAL_PER_ALAMAT[0]
        ):
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page
            request.desa_semprot = True
            raise PermissionDenied
        return None  # no get_user(): sessions stay with ModelBackend


def catat_gagal_masuk(sender, credentials, request=None, **kwargs):
    """user_login_failed receiver: one more failure for the client's address."""
    if request is not None:
        batas.lewat_batas("masuk", batas.kunci_alamat(request), *GAGAL_PER_ALAMAT)


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
        "semprot": getattr(request, "desa_semprot", False),
    }
    if context["semprot"]:
        context["cooloff_minutes"] = GAGAL_PER_ALAMAT[1] // 60
    response = render(request, "sitecore/admin/login_terkunci.html", context, status=429)
    if context["cooloff_minutes"]:
        response["Retry-After"] = str(context["cooloff_minutes"] * 60)
    return response
