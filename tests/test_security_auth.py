"""Admin login: brute-force lockout (django-axes) and strong passwords in Wagtail's forms."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from sitecore.models.roles import Peran

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def _login(client, username, password, ip="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def test_repeated_failures_lock_out_user_and_address_with_indonesian_message(
    desa_a, make_staff, client, settings
):
    user = make_staff(desa_a, Peran.EDITOR, password="rahasia-desa-123")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = _login(client, user.username, "salah-tebak")
        assert response.status_code == 200  # the form again, with an error
    locked = _login(client, user.username, "salah-tebak")
    assert locked.status_code == 429 and locked["Retry-After"] == "900"
    html = locked.content.decode()
    assert "Terlalu banyak percobaan masuk" in html
    assert "15 menit" in html
    assert "salah-tebak" not in html
    # Even the right password is refused while locked, from that address.
    again = _login(client, user.username, "rahasia-desa-123")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
    # The same account from another address, and another account from the first
    # address, are not locked: one attacker cannot lock every officer out.
    assert _login(client, user.username, "rahasia-desa-123", ip="198.51.100.2").status_code == 302
    client.logout()
    other = make_staff(desa_a, Peran.PPID, password="rahasia-desa-456")
    assert _login(client, other.username, "rahasia-desa-456").status_code == 302
    attempt = AccessAttempt.objects.get(username=user.username, ip_address="203.0.113.7")
    assert attempt.failures_since_start == settings.AXES_FAILURE_LIMIT + 1
    assert "salah-tebak" not in attempt.post_data


def test_success_resets_the_counter(desa_a, make_staff, client, settings):
    user = make_staff(desa_a, Peran.EDITOR, password="rahasia-desa-123")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, user.username, "salah")
    assert _login(client, user.username, "rahasia-desa-123").status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, user.username, "salah").status_code == 200
    assert _login(client, user.username, "rahasia-desa-123").status_code == 302


WEAK = [
    ("pendek1", "too short"),
    ("1234567890123", "entirely numeric"),
    ("password123", "too common"),
    ("siti.rahmawati", "too similar"),
]


@pytest.mark.parametrize("password,reason", WEAK)
def test_wagtail_user_create_form_refuses_weak_passwords(superuser, client, password, reason):
    client.force_login(superuser)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "siti.rahmawati",
            "email": "siti.rahmawati@example.test",
            "first_name": "Siti",
            "last_name": "Rahmawati",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200, reason
    assert not get_user_model().objects.filter(username="siti.rahmawati").exists(), reason
    assert response.context["form"].errors.get("password2"), reason


def test_wagtail_user_create_accepts_a_strong_password(superuser, client):
    client.force_login(superuser)
    response = client.post(
        "/admin/users/new/",
        {
            "username": "siti.rahmawati",
            "email": "siti.rahmawati@example.test",
            "first_name": "Siti",
            "last_name": "Rahmawati",
            "password1": "Kebun-Kopi-Lereng-Rinjani",
            "password2": "Kebun-Kopi-Lereng-Rinjani",
        },
    )
    assert response.status_code == 302
    assert (
        get_user_model()
        .objects.get(username="siti.rahmawati")
        .check_password("Kebun-Kopi-Lereng-Rinjani")
    )


@pytest.mark.parametrize("password,reason", WEAK)
def test_own_password_change_refuses_weak_passwords(desa_a, make_staff, client, password, reason):
    user = make_staff(desa_a, Peran.EDITOR, username="siti.rahmawati")
    client.force_login(user)
    response = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Siti",
            "name_email-last_name": "Rahmawati",
            "name_email-email": "siti.rahmawati@example.test",
            "password-old_password": "rahasia-desa-123",
            "password-new_password1": password,
            "password-new_password2": password,
        },
    )
    assert response.status_code == 200, reason
    user.refresh_from_db()
    assert user.check_password("rahasia-desa-123"), reason
    assert not user.check_password(password)
