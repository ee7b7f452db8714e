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


def test_each_request_ends_with_pragma_optimize(desa_a, client_for):
    from django.test.utils import CaptureQueriesContext

    index = section(desa_a, "artikel")
    for i in range(3):
        buat_artikel(index, f"Kabar desa {i}")
    had_stats = "sitecore_artikelpage" in _stats()
    with CaptureQueriesContext(connection) as ctx:
        response = client_for(desa_a).get(index.relative_url(desa_a))
    assert response.status_code == 200 and "Kabar desa 2" in response.text
    sql = [q["sql"] for q in ctx.captured_queries]
    assert sql[-1] == "PRAGMA optimize"
    assert any("sitecore_artikelpage" in q for q in sql[:-1])
    if not had_stats:  # a fresh database: the listing's tables got their statistics
        assert "sitecore_artikelpage" in _stats()
