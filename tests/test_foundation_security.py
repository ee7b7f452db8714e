"""Security headers, health endpoint and a friendly page when the database is down."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_public_pages_send_strict_security_headers(desa_a, client_for):
    response = client_for(desa_a).get("/")
    csp = response["Content-Security-Policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_public_pages_have_no_inline_script(desa_a, client_for):
    import re

    html = client_for(desa_a).get("/").text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_fails_when_database_is_down(client):
    broken = mock.Mock()
    broken.cursor.side_effect = OperationalError("down")
    with mock.patch("sitecore.views.connection", broken):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["database"] == "error: OperationalError"


def test_database_outage_gives_friendly_503(desa_a, client_for):
    client = client_for(desa_a, raise_request_exception=False)
    with mock.patch(
        "sitecore.middleware.Site.find_for_request", side_effect=OperationalError("db down")
    ):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "Layanan sedang dipulihkan" in response.text
    assert "Traceback" not in response.text and "OperationalError" not in response.text
