"""One JSON line per request, for log shippers and for finding slow pages."""

import json
import logging
import time

from django.db import connection

logger = logging.getLogger("desa.request")


class PlainFormatter(logging.Formatter):
    """Readable lines for development; request fields follow the message."""

    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s")

    def format(self, record):
        line = super().format(record)
        fields = getattr(record, "fields", None)
        if fields:
            line += " " + " ".join(f"{key}={value}" for key, value in fields.items())
        return line


class JsonFormatter(logging.Formatter):
    def format(self, record):
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
        }
        fields = getattr(record, "fields", None)
        if fields:
            payload.update(fields)
        else:
            payload["message"] = record.getMessage()
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, ensure_ascii=False)


class RequestLogMiddleware:
    """Logs method, host, path, status, duration and whether the page cache answered.

    No client IP and no query string are logged: they can carry personal data.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.perf_counter()
        queries_before = len(connection.queries) if connection.queries_logged else None
        response = self.get_response(request)
        level = logging.WARNING if response.status_code >= 500 else logging.INFO
        if not logger.isEnabledFor(level):
            return response  # e.g. REQUEST_LOG_LEVEL=WARNING: nothing to build
        fields = {
            "method": request.method,
            "host": request.get_host() if _host_ok(request) else "invalid",
            "path": request.path,
            "status": response.status_code,
            "duration_ms": round((time.perf_counter() - start) * 1000, 1),
            "cache": response.get("X-Desa-Cache", "bypass"),
            "bytes": len(response.content) if not response.streaming else None,
        }
        if queries_before is not None:
            fields["queries"] = len(connection.queries) - queries_before
        logger.log(level, "request", extra={"fields": fields})
        return response


def _host_ok(request):
    from django.core.exceptions import DisallowedHost

    try:
        request.get_host()
    except DisallowedHost:
        return False
    return True
