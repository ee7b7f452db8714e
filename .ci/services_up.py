"""Exit 0 when PostgreSQL and Redis answer at the given URLs (used by `make test`)."""

import socket
import sys
from urllib.parse import urlparse


def reachable(url, default_port):
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), timeout=2):
            return True
    except OSError:
        return False


if __name__ == "__main__":
    pg, redis = sys.argv[1], sys.argv[2]
    sys.exit(0 if reachable(pg, 5432) and reachable(redis, 6379) else 1)
