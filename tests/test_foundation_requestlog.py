"""Structured request logging: one JSON line per request, no personal data."""

import json
import logging

import pytest

from sitecore.requestlog import JsonFormatter

pytestmark = pytest.mark.django_db


def test_each_request_is_logged_as_json(desa_a, client_for, caplog):
    with caplog.at_level(logging.INFO, logger="desa.request"):
        client_for(desa_a).get("/?q=Budi+0812", REMOTE_ADDR="203.0.113.9")
    records = [r for r in caplog.records if r.name == "desa.request"]
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    data = json.loads(line)
    assert data["method"] == "GET" and data["status"] == 200
    assert data["host"] == "alpha.test" and data["path"] == "/"
    assert data["duration_ms"] >= 0 and data["cache"] in ("bypass", "miss", "hit")
    assert "203.0.113.9" not in line and "Budi" not in line


def test_server_errors_log_at_warning(desa_a, client_for, caplog):
    from unittest import mock

    client = client_for(desa_a, raise_request_exception=False)
    with (
        caplog.at_level(logging.INFO, logger="desa.request"),
        mock.patch("sitecore.views.Page.objects.live", side_effect=RuntimeError("boom")),
    ):
        response = client.get("/cari/", {"q": "air"})
    assert response.status_code == 500
    record = next(r for r in caplog.records if r.name == "desa.request")
    assert record.levelno == logging.WARNING and record.fields["status"] == 500


def test_plain_format_for_development_lists_the_fields():
    from sitecore.requestlog import PlainFormatter

    record = logging.LogRecord("desa.request", logging.INFO, __file__, 1, "request", (), None)
    record.fields = {"method": "GET", "status": 200}
    line = PlainFormatter().format(record)
    assert line.endswith("request method=GET status=200")
    other = logging.LogRecord("django", logging.INFO, __file__, 1, "siap", (), None)
    assert PlainFormatter().format(other).endswith("INFO django siap")
