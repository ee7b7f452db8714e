"""gunicorn settings for production; every value can be overridden by the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
wsgi_app = "sitecore.wsgi:application"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """The app is loaded (preload_app) and the workers are about to be forked: what it
    holds now lives as long as the process. Freezing it takes it out of the cyclic
    collector's full passes, which would otherwise walk Django's and Wagtail's whole
    object graph in every worker (a pause of tens of milliseconds in the middle of a
    request), and keeps those pages shared between the workers instead of copied."""
    import gc

    gc.collect()
    gc.freeze()
