"""Optional two-factor sign-in (TOTP + backup codes) for the Wagtail admin."""

import base64
import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sitecore.models.roles import Peran
from sitecore.twofactor import core

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
VERIFY = "/admin/2fa/verifikasi/"
ENROL = "/admin/2fa/aktifkan/"
MANAGE = "/admin/2fa/"
DISABLE = "/admin/2fa/nonaktifkan/"
NEW_CODES = "/admin/2fa/kode-cadangan/"
PASSWORD = "rahasia-desa-123"
IP = "203.0.113.7"
WRONG = "Kode salah atau sudah kedaluwarsa"


@pytest.fixture
def clock():
    """Frozen time that tests move on by hand: TOTP steps and django-otp's throttle
    both read the clock."""
    with time_machine.travel(dt.datetime(2026, 8, 17, 1, 0, 5, tzinfo=dt.UTC), tick=False) as t:
        yield t


def code_for(device, shift_steps=0):
    """The code an authenticator app would show now (or `shift_steps` periods on),
    computed from the device's secret like the app does."""
    import time

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + shift_steps * device.step
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device):
    """Six digits the authenticator would not accept around now."""
    valid = {code_for(device, shift) for shift in (-1, 0, 1)}
    return next(c for c in (f"{n:06d}" for n in range(100000, 100010)) if c not in valid)


def enrolled(user):
    """A user who finished enrolment earlier: confirmed authenticator + backup codes."""
    device = TOTPDevice.objects.create(user=user, name=core.TOTP_NAME, confirmed=True)
    return device, core.new_backup_codes(user)


def sign_in(client, user, password=PASSWORD, ip=IP, next_url="/admin/"):
    return client.post(
        LOGIN, {"username": user.username, "password": password, "next": next_url}, REMOTE_ADDR=ip
    )


def verify(client, kode, ip=IP, next_url="/admin/"):
    return client.post(VERIFY, {"kode": kode, "next": next_url}, REMOTE_ADDR=ip)


def test_enrol_from_the_account_page(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    client.force_login(user)
    account = client.get("/admin/account/")
    assert account.status_code == 200
    html = account.content.decode()
    assert "Verifikasi dua langkah" in html and ENROL in html

    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # QR code drawn on the server as a data: image, the secret printed for typing by hand.
    qr = re.search(r'<img src="(data:image/svg\+xml;base64,[A-Za-z0-9+/=]+)"', html)
    assert qr, "no server-side QR image"
    assert b"<svg" in base64.b64decode(qr.group(1).split(",", 1)[1])
    assert qr.group(1) == core.qr_data_uri(device.config_url)  # the app's otpauth:// URI
    secret = base64.b32encode(device.bin_key).decode()
    assert f"secret={secret}" in device.config_url and "issuer=Desa%20Terbuka" in device.config_url
    assert core.secret_text(device) in html
    assert "data:" in re.search(r"img-src ([^;]+)", page["Content-Security-Policy"]).group(1)
    assert "otpauth://" not in html  # only inside the image
    # Reloading keeps the same secret until it is confirmed.
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=user).count() == 1

    wrong = client.post(ENROL, {"kode": wrong_code(device)})
    assert wrong.status_code == 200
    assert "Kode tidak cocok" in wrong.content.decode()
    assert not core.is_enrolled(user)

    clock.shift(5)  # the throttle after one wrong code is a second
    done = client.post(ENROL, {"kode": code_for(device)})
    assert done.status_code == 200
    codes = done.context["codes"]
    assert len(codes) == core.BACKUP_CODE_COUNT == len(set(codes))
    body = done.content.decode()
    assert all(code in body for code in codes)
    assert "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert StaticToken.objects.filter(device__user=user).count() == core.BACKUP_CODE_COUNT
    # The enrolling session counts as verified; the account page now says so.
    assert client.get("/admin/").status_code == 200
    assert "Kelola verifikasi dua langkah" in client.get("/admin/account/").content.decode()
    # Codes are shown once: the management page only counts them.
    manage = client.get(MANAGE).content.decode()
    assert not any(code in manage for code in codes)
    assert f"Sisa {core.BACKUP_CODE_COUNT} kode cadangan" in manage


def test_password_alone_reaches_no_admin_page(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    response = sign_in(client, user, next_url="/admin/pages/")
    assert response.status_code == 302  # Wagtail's own login form took the password
    bounced = client.get("/admin/pages/")
    assert bounced.status_code == 302
    assert bounced["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    for url in [
        "/admin/",
        "/admin/account/",
        "/admin/users/",
        f"/admin/pages/{desa_a.root_page_id}/edit/",
        "/admin/api/main/pages/",
        "/admin/tag-autocomplete/?term=a",
        "/admin/2fa/",
        ENROL,
        "/django-admin/",
    ]:
        got = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert got.status_code == 302, url
        assert got["Location"].startswith(VERIFY), url
    # Writes are refused outright, not redirected.
    assert client.post("/admin/account/", {}).status_code == 403
    assert client.post(DISABLE, {"kode": code_for(device)}).status_code == 403
    # On the public site the session is anonymous: no admin userbar for it.
    home = client.get("/", HTTP_HOST=desa_a.hostname)
    assert home.status_code == 200
    assert "w-userbar" not in home.content.decode()

    form = client.get(VERIFY + "?next=/admin/pages/")
    assert form.status_code == 200
    assert "Verifikasi dua langkah" in form.content.decode()

    clock.shift(30)
    half_signed_in_key = client.session.session_key
    done = verify(client, code_for(device), next_url="/admin/pages/")
    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert client.session.session_key != half_signed_in_key  # no session fixation
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/api/main/pages/").status_code == 200
    assert "w-userbar" in client.get("/", HTTP_HOST=desa_a.hostname).content.decode()
    # A code is used once (replay within the same period is refused).
    client.logout()
    sign_in(client, user)
    assert WRONG in verify(client, code_for(device)).content.decode()


def test_half_signed_in_session_can_log_out(desa_a, make_staff, client):
    user = make_staff(desa_a, Peran.EDITOR)
    enrolled(user)
    sign_in(client, user)
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith(LOGIN)


def test_wrong_code_is_refused_with_an_indonesian_message(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    sign_in(client, user)
    response = verify(client, wrong_code(device))
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert client.get("/admin/").status_code == 302
    # Immediately again: django-otp's throttle asks to wait instead of checking.
    again = verify(client, code_for(device))
    assert "Tunggu 1 detik" in again.content.decode()
    assert client.get("/admin/").status_code == 302
    clock.shift(2)
    assert verify(client, code_for(device)).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_verification_never_redirects_off_site(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    sign_in(client, user)
    response = verify(client, code_for(device), next_url="https://evil.example/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_backup_code_works_once(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    _, codes = enrolled(user)
    sign_in(client, user)
    typed = " ".join([codes[0][:4].upper(), codes[0][4:].upper()])  # as read off paper
    response = verify(client, typed)
    assert response.status_code == 302
    follow = client.get("/admin/")
    assert follow.status_code == 200
    assert f"Sisa {core.BACKUP_CODE_COUNT - 1} kode cadangan" in follow.content.decode()

    client.post("/admin/logout/")
    sign_in(client, user)
    clock.shift(5)
    reused = verify(client, codes[0])
    assert reused.status_code == 200 and WRONG in reused.content.decode()
    clock.shift(5)
    assert verify(client, codes[1]).status_code == 302


def test_bad_codes_lock_out_like_bad_passwords(desa_a, make_staff, client, clock, settings):
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    assert sign_in(client, user).status_code == 302
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = verify(client, wrong_code(device))
        assert response.status_code == 200 and WRONG in response.content.decode()
        clock.shift(20)  # past django-otp's throttle, so every code is really checked
    locked = verify(client, wrong_code(device))
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan masuk" in locked.content.decode()
    # The half signed-in session is over and the password is refused from that address.
    assert "_auth_user_id" not in client.session
    assert sign_in(client, user).status_code == 429
    attempt = AccessAttempt.objects.get(username=user.username, ip_address=IP)
    assert attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT
    assert wrong_code(device) not in attempt.post_data  # masked like the password


def test_fresh_password_sign_in_does_not_reset_the_code_throttle(
    desa_a, make_staff, client, clock, settings
):
    """A password success resets django-axes' counter; guessing codes across new
    sign-ins still meets django-otp's per-device exponential wait."""
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    guesses = 0
    for _ in range(3):
        client.logout()
        assert sign_in(client, user).status_code == 302
        for _ in range(settings.AXES_FAILURE_LIMIT - 2):
            clock.shift(2**guesses)
            verify(client, wrong_code(device))
            guesses += 1
    device.refresh_from_db()
    assert device.throttling_failure_count == guesses
    # The wait has doubled with every guess: 2**(n-1) seconds now, even for the right code.
    clock.shift(2 ** (guesses - 1) - 5)
    waiting = verify(client, code_for(device))
    assert "Terlalu banyak kode salah" in waiting.content.decode()
    clock.shift(10)
    assert verify(client, code_for(device)).status_code == 302


@pytest.mark.parametrize("policy", ["superusers", "all"])
def test_required_setting_sends_unenrolled_users_to_enrolment(
    policy, desa_a, make_staff, superuser, client, clock, settings
):
    settings.ADMIN_2FA_REQUIRED = policy
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    if policy == "superusers":
        assert client.get("/admin/").status_code == 200
    else:
        assert client.get("/admin/")["Location"].startswith(ENROL)
    client.logout()

    assert sign_in(client, superuser, password="rahasia-super-123").status_code == 302
    for url in ["/admin/", "/admin/users/", "/admin/account/", MANAGE, VERIFY]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(ENROL), url
    page = client.get(ENROL + "?next=/admin/users/")
    assert page.status_code == 200
    assert "wajib untuk akun Anda" in page.content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    done = client.post(ENROL, {"kode": code_for(device), "next": "/admin/users/"})
    assert done.status_code == 200 and len(done.context["codes"]) == core.BACKUP_CODE_COUNT
    assert 'href="/admin/users/"' in done.content.decode()
    assert client.get("/admin/users/").status_code == 200


def test_disabling_needs_a_current_code(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    device, _ = enrolled(user)
    sign_in(client, user)
    clock.shift(30)
    verify(client, code_for(device))
    assert client.get(MANAGE).status_code == 200

    missing = client.post(DISABLE, {"kode": ""}, REMOTE_ADDR=IP)
    assert missing.status_code == 200 and core.is_enrolled(user)
    wrong = client.post(DISABLE, {"kode": wrong_code(device)}, REMOTE_ADDR=IP)
    assert WRONG in wrong.content.decode() and core.is_enrolled(user)
    assert client.get(DISABLE).status_code == 405

    clock.shift(30)
    done = client.post(DISABLE, {"kode": code_for(device)}, REMOTE_ADDR=IP)
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert client.get("/admin/").status_code == 200
    # Password alone is enough again.
    client.logout()
    sign_in(client, user)
    assert client.get("/admin/").status_code == 200


def test_new_backup_codes_need_a_code_and_replace_the_old(desa_a, make_staff, client, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    device, old = enrolled(user)
    sign_in(client, user)
    clock.shift(30)
    verify(client, code_for(device))

    refused = client.post(NEW_CODES, {"kode": "nonsense1"}, REMOTE_ADDR=IP)
    assert refused.status_code == 200 and WRONG in refused.content.decode()
    clock.shift(2)
    response = client.post(NEW_CODES, {"kode": old[0]}, REMOTE_ADDR=IP)
    assert response.status_code == 200
    new = response.context["codes"]
    assert len(new) == core.BACKUP_CODE_COUNT and not set(new) & set(old)
    assert "no-store" in response["Cache-Control"]

    client.post("/admin/logout/")
    sign_in(client, user)
    clock.shift(5)
    assert WRONG in verify(client, old[1]).content.decode()
    clock.shift(5)
    assert verify(client, new[0]).status_code == 302


def test_reset_2fa_command(desa_a, make_staff, client, capsys):
    user = make_staff(desa_a, Peran.EDITOR)
    enrolled(user)
    sign_in(client, user)
    assert client.get("/admin/").status_code == 302
    call_command("reset_2fa", user.username)
    assert "direset" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert client.get("/admin/").status_code == 200  # no second factor left to ask for
    call_command("reset_2fa", user.username)
    assert "tidak memakai" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("reset_2fa", "tidak-ada")


def test_unknown_policy_stops_the_start():
    """A typo in ADMIN_2FA_REQUIRED must not silently mean "none"."""
    env = {"ADMIN_2FA_REQUIRED": "superuser", "SECRET_KEY": "x" * 50, "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "import sitecore.settings.base"],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "ADMIN_2FA_REQUIRED must be none, superusers or all" in result.stderr


def test_users_without_a_device_are_not_asked(desa_a, make_staff, client):
    user = make_staff(desa_a, Peran.EDITOR)
    assert sign_in(client, user).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY).status_code == 302  # nothing to verify: back to the admin
    client.logout()
    client.force_login(user)
    assert client.get("/admin/pages/").status_code == 200


def test_enrolling_elsewhere_bounces_an_older_session(desa_a, make_staff, client_for, clock):
    user = make_staff(desa_a, Peran.EDITOR)
    old, new = client_for(desa_a), client_for(desa_a)
    old.force_login(user)
    new.force_login(user)
    assert old.get("/admin/").status_code == 200
    new.get(ENROL)
    device = TOTPDevice.objects.get(user=user)
    assert new.post(ENROL, {"kode": code_for(device)}).status_code == 200
    assert new.get("/admin/").status_code == 200
    assert old.get("/admin/")["Location"].startswith(VERIFY)


def test_english_interface(desa_a, make_staff, client, clock):
    from wagtail.users.models import UserProfile

    user = make_staff(desa_a, Peran.EDITOR)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    device, _ = enrolled(user)
    sign_in(client, user)
    response = verify(client, wrong_code(device))
    html = response.content.decode()
    assert "Two-step verification" in html
    assert "Wrong or expired code" in html
