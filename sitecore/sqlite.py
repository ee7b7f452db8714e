"""Query statistics for the embedded SQLite database.

SQLite plans queries from statistics (sqlite_stat1) that only ANALYZE writes; without
them it guessed a full scan of the page tree plus a sort for the article listing, five
times slower at 5,000 articles than walking the date index. Its documentation advises
short-lived connections (ours live for one request) to run `PRAGMA optimize` before
closing: it analyses only the tables this connection's queries showed a need for
(bounded by `analysis_limit`, set in the connection's init command) and costs next to
nothing otherwise. PostgreSQL's autovacuum does the same on its own.
"""

import logging

from django.db import DatabaseError, connection

logger = logging.getLogger(__name__)


class SQLiteOptimizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if connection.connection is not None and not connection.in_atomic_block:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA optimize")
            except DatabaseError:  # busy or broken: the next request will do it
                logger.debug("PRAGMA optimize skipped", exc_info=True)
        return response
