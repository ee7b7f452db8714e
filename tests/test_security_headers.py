"""Security headers and cookie flags on every kind of response, with production flags.

The test settings relax the HTTPS flags; here they are put back to production values
(see sitecore.settings.base) and requests are made over HTTPS.
"""

from http.cookies import SimpleCookie

import pytest
from django.core.files.base import ContentFile

from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_flags(settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_HSTS_PRELOAD = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    settings.LANGUAGE_COOKIE_SECURE = True
    return settings


def _directives(csp):
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in csp.split(";")) if part
    }


def assert_headers(response, what):
    assert response.status_code < 500, what
    csp = _directives(response["Content-Security-Policy"])
    if csp == {"default-src": ["'none'"]}:
        # Wagtail's document view: nothing may run or load; X-Frame-Options stops framing.
        assert response["X-Frame-Options"] == "DENY", what
    else:
        assert "'unsafe-eval'" not in csp["script-src"], what
        assert csp.get("object-src") == ["'none'"], (what, csp)
        assert csp["base-uri"] == ["'self'"], what
        assert csp["frame-ancestors"] in (["'none'"], ["'self'"]), what
    assert response["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    ), what
    assert response["X-Content-Type-Options"] == "nosniff", what
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", what
    assert "camera=()" in response["Permissions-Policy"], what
    assert "geolocation=()" in response["Permissions-Policy"], what
    return csp


def _image_document(site):
    from wagtail.documents.models import Document

    return Document.objects.create(
        title="Perdes APBDes", file=ContentFile(b"%PDF-1.4\n%%EOF", name="perdes.pdf")
    )


def test_every_public_response_type(desa_a, client_for, production_flags):
    from captcha.models import CaptchaStore

    client = client_for(desa_a)
    artikel = buat_artikel(section(desa_a, "artikel"), "Kerja bakti")
    key = CaptchaStore.generate_key()
    doc = _image_document(desa_a)
    urls = {
        "home": "/",
        "english home": "/en/",
        "article": artikel.url,
        "search": "/cari/?q=air",
        "404": "/tidak-ada/",
        "feed": section(desa_a, "artikel").url + "feed/",
        "ical": section(desa_a, "agenda").url + "ical/",
        "json register": section(desa_a, "pengaduan").url + "register/json/",
        "csv register": section(desa_a, "pengaduan").url + "register/csv/",
        "complaint form": section(desa_a, "pengaduan").url,
        "request form": section(desa_a, "transparansi").url + "permohonan/",
        "captcha image": f"/captcha/image/{key}/",
        "captcha refresh": "/captcha/refresh/",
        "sitemap": "/sitemap.xml",
        "robots": "/robots.txt",
        "healthz": "/healthz/",
        "document": doc.url,
        "admin login": "/admin/login/",
        "api (GET)": "/api/pengaduan/",
    }
    for what, url in urls.items():
        response = client.get(url, secure=True, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        csp = assert_headers(response, what)
        if not url.startswith(("/admin/", "/documents/")):
            assert csp["script-src"] == ["'self'"], what
            assert csp["frame-ancestors"] == ["'none'"], what
            assert response["X-Frame-Options"] == "DENY", what


def test_public_form_sets_secure_cookies(desa_a, client_for, production_flags):
    client = client_for(desa_a)
    form = client.get(section(desa_a, "transparansi").url + "permohonan/", secure=True)
    assert_headers(form, "form")
    csrf = form.cookies.get("csrftoken")
    if csrf is not None:  # only forms that need it set one
        assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    lang = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
    cookie = lang.cookies["django_language"]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def _raw_cookie(response, name):
    cookie = response.cookies.get(name)
    assert cookie is not None, f"{name} not set"
    parsed = SimpleCookie()
    parsed.load(cookie.output(header=""))
    return cookie


def test_admin_responses_and_cookies(desa_a, make_staff, client, production_flags):
    user = make_staff(desa_a, Peran.EDITOR, password="rahasia-desa-123")
    login_page = client.get("/admin/login/", secure=True)
    assert_headers(login_page, "login")
    csrf = _raw_cookie(login_page, "csrftoken")
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/",
        {"username": user.username, "password": "rahasia-desa-123", "next": "/admin/"},
        secure=True,
    )
    assert response.status_code == 302
    session = _raw_cookie(response, "sessionid")
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    dashboard = client.get("/admin/", secure=True)
    csp = assert_headers(dashboard, "dashboard")
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["default-src"] == ["'self'"] and csp["connect-src"] == ["'self'"]
    assert csp["img-src"] == ["'self'", "data:", "blob:"]
    assert "gravatar" not in dashboard.content.decode()
    # A flash message goes to the messages cookie: same flags as the session.
    saved = client.post(
        "/admin/account/",
        {
            "name_email-first_name": "Rina",
            "name_email-last_name": "Editor",
            "name_email-email": "rina@example.test",
            "locale-preferred_language": "id",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
        },
        secure=True,
    )
    assert saved.status_code == 302
    messages = _raw_cookie(saved, "messages")
    assert messages["secure"] and messages["httponly"] and messages["samesite"] == "Lax"
    assert_headers(client.get("/admin/pages/", secure=True), "explorer")
    assert_headers(client.get("/admin/tidak-ada/", secure=True), "admin 404")


@pytest.mark.sekali
def test_production_settings_module_keeps_the_flags():
    """The values above are what sitecore.settings.production gives (no DEBUG, no env)."""
    from tests.test_foundation_settings import PRODUCTION_ENV, _run

    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD,"
        " s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.LANGUAGE_COOKIE_SECURE,"
        " s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.CSRF_COOKIE_SAMESITE, s.SECURE_SSL_REDIRECT)"
    )
    result = _run(["shell", "-c", code], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == (
        "31536000 True True True True True True True True Lax Lax True".split()
    )
