"""Per-page facts for `bench` that need the ORM: URLs, SQL queries, sizes, row counts.

Runs against the benchmark database through Django's test client, the same middleware
and settings the gunicorn servers use. Prints one JSON object.
"""

import gzip
import json

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from bench.data import BIG_HOSTNAME, bench_pages
from bench.load import hidden_inputs


def _measure(client, method, url, **kwargs):
    with CaptureQueriesContext(connection) as ctx:
        response = getattr(client, method)(url, **kwargs)
    body = response.content if not response.streaming else b""
    return {
        "status": response.status_code,
        "queries": len(ctx.captured_queries),
        "bytes": len(body),
        "gzip_bytes": len(gzip.compress(body, 6)),
        "cache": response.get("X-Desa-Cache", ""),
    }


def _submission(client, page):
    form = client.get(page.url)
    data = {**hidden_inputs(form.content.decode()), **page.post}
    return _measure(client, "post", page.url, data=data)


class Command(BaseCommand):
    help = "Measure SQL queries and compressed sizes of every bench page (JSON on stdout)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=BIG_HOSTNAME)
        parser.add_argument("--count-only", action="store_true")

    def handle(self, *args, host, count_only, **opts):
        from django.apps import apps

        site = Site.objects.get(hostname=host)
        pengaduan = apps.get_model("pengaduan", "Pengaduan")
        result = {"host": host, "pengaduan": pengaduan.objects.filter(site=site).count()}
        if count_only:
            result["kode"] = list(
                pengaduan.objects.filter(site=site).values_list("kode", flat=True)
            )
            self.stdout.write(json.dumps(result))
            return
        pages = []
        for page in bench_pages(site):
            # A fresh client per page: a form's session cookie would bypass the cache.
            client = Client(HTTP_HOST=host)
            row = {"key": page.key, "label": page.label, "url": page.url, "post": page.post}
            with override_settings(PAGE_CACHE_ENABLED=False):
                client.get(page.url)  # per-process caches (site root paths, settings)
                row["cold"] = _measure(client, "get", page.url)
                if page.post:
                    row["post_cold"] = _submission(Client(HTTP_HOST=host), page)
            with override_settings(PAGE_CACHE_ENABLED=True):
                client.get(page.url)  # prime
                row["warm"] = _measure(client, "get", page.url)
            pages.append(row)
        with override_settings(PAGE_CACHE_ENABLED=True):
            ping = _measure(Client(HTTP_HOST=host), "get", "/ping/")
        result.update(pages=pages, ping=ping)
        self.stdout.write(json.dumps(result))
