"""Keep a half signed-in session (password only) out of everything that needs a login."""

from functools import cache
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from sitecore.twofactor import core

# The view that completes each pending step, and views a pending session may always use.
STEP_VIEWS = {core.VERIFY: "sitecore_2fa_verifikasi", core.ENROL: "sitecore_2fa_aktifkan"}
ALWAYS_OPEN = {
    "wagtailadmin_login",  # signing in as someone else still needs their password
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "admin:logout",
}


@cache
def admin_prefixes():
    prefixes = [reverse("wagtailadmin_home")]
    try:
        prefixes.append(reverse("admin:index"))
    except NoReverseMatch:
        pass
    return tuple(prefixes)


async def _anonymous():
    return AnonymousUser()


class TwoFactorMiddleware:
    """After OTPMiddleware: a session that still owes a code (or an enrolment the policy
    requires) is sent to that step in the admin and is anonymous outside it, so no admin
    page, admin API/ajax view, private document or login-restricted page is reachable
    with the password alone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # no session, no user: leave public requests untouched
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        step = core.pending_step(user)
        if step is None:
            return None
        if not request.path.startswith(admin_prefixes()):
            request.user = AnonymousUser()
            request.auser = _anonymous
            return None
        match = request.resolver_match
        name = match.view_name if match else ""
        if name in ALWAYS_OPEN or name == STEP_VIEWS[step]:
            return None
        if request.method in ("GET", "HEAD"):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(STEP_VIEWS[step])}?{query}")
        return HttpResponseForbidden(
            _("Selesaikan verifikasi dua langkah terlebih dahulu."),
            content_type="text/plain; charset=utf-8",
        )
