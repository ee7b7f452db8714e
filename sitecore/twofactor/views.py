"""Admin views: the sign-in code step, enrolment, backup codes and turning 2FA off.

Wrong codes count toward the same django-axes lockout as wrong passwords (username and
address); at the limit the half signed-in session is ended and the lockout page shown,
and the password is then refused until the cool-off. django-otp's own per-device
throttle (see core.check_code) keeps counting across fresh password sign-ins.
"""

import logging
import math

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from sitecore.auth import axes_lockout_response
from sitecore.twofactor import core
from sitecore.twofactor.forms import KodeAplikasiForm, KodeForm

logger = logging.getLogger("desa.twofactor")


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _credentials(user):
    return {settings.AXES_USERNAME_FORM_FIELD: user.get_username()}


def _locked_out(request):
    """End the half signed-in session and show the same page as a password lockout."""
    logger.warning("two-factor code lockout for user %s", request.user.pk)
    logout(request)
    return axes_lockout_response(request)


def _wait_message(locked_until):
    seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
    return ngettext(
        "Terlalu banyak kode salah. Tunggu %(detik)d detik, lalu coba lagi.",
        "Terlalu banyak kode salah. Tunggu %(detik)d detik, lalu coba lagi.",
        seconds,
    ) % {"detik": seconds}


def _check(request, form):
    """(device, response): the device that accepted the form's code, or None with the
    form's error set; response is the lockout page when this failure reached the limit."""
    user = request.user
    credentials = _credentials(user)
    if AxesProxyHandler.is_locked(request, credentials):
        return None, _locked_out(request)
    result = core.check_code(user, form.cleaned_data["kode"])
    if result.device is not None:
        return result.device, None
    if result.locked_until is not None:
        # Not checked at all, so not counted: only a wait.
        form.add_error("kode", _wait_message(result.locked_until))
        return None, None
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        return None, _locked_out(request)
    form.add_error("kode", _("Kode salah atau sudah kedaluwarsa. Periksa lalu coba lagi."))
    return None, None


def _signed_in_with(request, device):
    """The session is now fully signed in: new session key, device remembered."""
    request.session.cycle_key()
    django_otp.login(request, device)


@sensitive_post_parameters("kode")
def verifikasi_view(request):
    """Second step of signing in to the admin."""
    user = request.user
    next_url = _next_url(request)
    if user.is_verified() or core.pending_step(user) != core.VERIFY:
        return redirect(next_url)
    form = KodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, response = _check(request, form)
        if response is not None:
            return response
        if device is not None:
            _signed_in_with(request, device)
            if settings.AXES_RESET_ON_SUCCESS:  # as a successful password sign-in does
                AxesProxyHandler.reset_attempts(
                    username=user.get_username(), ip_address=request.axes_ip_address
                )
            if isinstance(device, StaticDevice):
                left = core.backup_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "Anda masuk dengan kode cadangan. Sisa %(n)d kode cadangan.",
                        "Anda masuk dengan kode cadangan. Sisa %(n)d kode cadangan.",
                        left,
                    )
                    % {"n": left},
                )
            return redirect(next_url)
    return TemplateResponse(
        request, "sitecore/twofactor/verifikasi.html", {"form": form, "next": next_url}
    )


def kelola_view(request, forms=None):
    """Status and actions, reached from the account page."""
    user = request.user
    forms = forms or {}
    context = {
        "enrolled": core.is_enrolled(user),
        "required": core.is_required(user),
        "backup_left": core.backup_codes_left(user),
        "form_nonaktifkan": forms.get("nonaktifkan") or KodeForm(auto_id="id_nonaktifkan_%s"),
        "form_kode_baru": forms.get("kode_baru") or KodeForm(auto_id="id_kode_baru_%s"),
    }
    return TemplateResponse(request, "sitecore/twofactor/kelola.html", context)


@sensitive_post_parameters("kode")
def aktifkan_view(request):
    """Enrolment: scan the QR code (or type the secret), confirm with a first code."""
    user = request.user
    if core.is_enrolled(user):
        return redirect("sitecore_2fa_kelola")
    device = core.enrolment_device(user)
    form = KodeAplikasiForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = core.confirm_enrolment(user, form.cleaned_data["kode"])
        if result.device is not None:
            _signed_in_with(request, result.device)
            return _show_backup_codes(request, result.backup_codes, enrolled_now=True)
        if result.locked_until is not None:
            form.add_error("kode", _wait_message(result.locked_until))
        else:
            form.add_error(
                "kode",
                _("Kode tidak cocok. Pastikan jam ponsel tepat, lalu masukkan kode terbaru."),
            )
    context = {
        "form": form,
        "qr": core.qr_data_uri(device.config_url),
        "secret": core.secret_text(device),
        "required": core.is_required(user),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "sitecore/twofactor/aktifkan.html", context)


def _show_backup_codes(request, codes, enrolled_now=False):
    # Rendered straight into the POST response: the codes are never stored in plain
    # form anywhere a later request could read them back. Admin views are never_cache.
    context = {"codes": codes, "enrolled_now": enrolled_now, "next": _next_url(request)}
    return TemplateResponse(request, "sitecore/twofactor/kode_cadangan.html", context)


def _action_with_code(request, form_name, on_success):
    if not core.is_enrolled(request.user):
        return redirect("sitecore_2fa_kelola")
    form = KodeForm(request.POST, auto_id=f"id_{form_name}_%s")
    if form.is_valid():
        device, response = _check(request, form)
        if response is not None:
            return response
        if device is not None:
            return on_success()
    return kelola_view(request, forms={form_name: form})


@require_POST
@sensitive_post_parameters("kode")
def nonaktifkan_view(request):
    """Turn 2FA off; a current code is required so a borrowed session cannot do it."""

    def done():
        core.remove_all(request.user)
        request.session.pop(django_otp.DEVICE_ID_SESSION_KEY, None)
        messages.success(request, _("Verifikasi dua langkah dinonaktifkan."))
        return redirect("sitecore_2fa_kelola")

    return _action_with_code(request, "nonaktifkan", done)


@require_POST
@sensitive_post_parameters("kode")
def kode_baru_view(request):
    """New backup codes (the old ones stop working); needs a current code."""

    def done():
        return _show_backup_codes(request, core.new_backup_codes(request.user))

    return _action_with_code(request, "kode_baru", done)
