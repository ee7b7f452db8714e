"""Query statistics for the embedded SQLite database.

SQLite plans queries from statistics (sqlite_stat1) that only ANALYZE writes; without
them it guessed a full scan of the page tree plus a sort for the article listing, five
times slower at 5,000 articles than walking the date index. Its documentation advises
long-lived connections (ours are kept between requests, CONN_MAX_AGE) to run `PRAGMA
optimize` periodically: it analyses only the tables the connection's queries showed a
need for (bounded by `analysis_limit`, set in the connection's init command). Here it
runs after a connection's first request and then at most every OPTIMIZE_SECONDS, not on
every request. PostgreSQL's autovacuum does the same on its own.
"""

import logging
import time

from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


OPTIMIZE_SECONDS = 600


class SQLiteOptimizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        raw = connection.connection
        if raw is not None and not connection.in_atomic_block and _due(raw):
            try:
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA optimize")
            except DatabaseError:  # busy or broken: the next request will do it
                logger.debug("PRAGMA optimize skipped", exc_info=True)
            else:
                connection.desa_optimized = (raw, _now())
        return response


def _now():
    return time.monotonic()


def _due(raw):
    """Whether this thread's open connection `raw` is new or was last optimized more
    than OPTIMIZE_SECONDS ago (the mark lives on Django's per-thread wrapper)."""
    last = getattr(connection, "desa_optimized", None)
    return last is None or last[0] is not raw or _now() - last[1] >= OPTIMIZE_SECONDS
