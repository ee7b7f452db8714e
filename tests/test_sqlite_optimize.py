"""SQLite keeps its query-planner statistics current (sitecore.sqlite)."""

import pytest
from django.db import connection

from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _stats():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if not cursor.fetchall():
            return set()
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        return {row[0] for row in cursor.fetchall()}


def test_a_connection_is_optimized_after_its_first_request_then_periodically(
    desa_a, client_for, monkeypatch
):
    from django.test.utils import CaptureQueriesContext

    from sitecore import sqlite

    index = section(desa_a, "artikel")
    for i in range(3):
        buat_artikel(index, f"Kabar desa {i}")
    had_stats = "sitecore_artikelpage" in _stats()
    # Well past any earlier request's optimize on this connection.
    clock = [sqlite._now() + 2 * sqlite.OPTIMIZE_SECONDS]
    monkeypatch.setattr(sqlite, "_now", lambda: clock[0])
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(desa_a).get(index.relative_url(desa_a))
    assert response.status_code == 200 and "Kabar desa 2" in response.text
    sql = [q["sql"] for q in ctx.captured_queries]
    assert sql[-1] == "PRAGMA optimize"
    assert any("sitecore_artikelpage" in q for q in sql[:-1])
    if not had_stats:  # a fresh database: the listing's tables got their statistics
        assert "sitecore_artikelpage" in _stats()
    # The same connection serves the next requests without optimizing again ...
    with CaptureQueriesContext(connection) as ctx:
        client_for(desa_a).get(index.relative_url(desa_a))
    assert ctx.captured_queries and "PRAGMA optimize" not in [
        q["sql"] for q in ctx.captured_queries
    ]
    # ... until OPTIMIZE_SECONDS have passed.
    clock[0] += sqlite.OPTIMIZE_SECONDS + 1
    with CaptureQueriesContext(connection) as ctx:
        client_for(desa_a).get(index.relative_url(desa_a))
    assert ctx.captured_queries[-1]["sql"] == "PRAGMA optimize"
