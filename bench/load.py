"""Complaint-submission load client for `make bench`; standard library only.

Run as its own process: `python -m bench.load --port P[,P2] --host H --path /x/ ...`.
Each of N threads repeatedly plays one resident: GET the form (session, CSRF cookie,
one-time token, captcha key), then POST it. Every resident connects from its own
loopback address (127.x.y.z) because the form rightly limits submissions per address.
Prints one JSON object: attempts, acknowledged tracking codes, errors, latencies.
"""

import argparse
import http.client
import itertools
import json
import re
import threading
import time
from html.parser import HTMLParser
from urllib.parse import urlencode

RECEIPT = re.compile(r"/terima/([0-9A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{2})/")


class _Hidden(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") == "hidden" and attrs.get("name"):
            self.fields[attrs["name"]] = attrs.get("value") or ""


def hidden_inputs(html):
    """{name: value} of a page's hidden inputs (CSRF token, one-time token, captcha key).

    Only the POST form is parsed: the client shares the 2 cores with the servers, and
    parsing the whole page (menus, footer) for every resident cost it more than needed.
    """
    mark = html.find('method="post"')
    start = html.rfind("<form", 0, mark) if mark >= 0 else -1
    end = html.find("</form>", mark) if start >= 0 else -1
    parser = _Hidden()
    parser.feed(html[start : end + len("</form>")] if end >= 0 else html)
    return parser.fields


def _cookies(response):
    jar = {}
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            pair = value.split(";", 1)[0]
            key, _, val = pair.partition("=")
            jar[key.strip()] = val.strip()
    return jar


def _address(n):
    # 127.1.0.1 onwards: never 127.0.0.1, which other tools share.
    n += 1
    return f"127.{1 + n // 65536}.{(n // 256) % 256}.{n % 256 or 1}"


def submit_once(port, host, path, data, source):
    """One resident's submission; returns (tracking code or None, error or None, seconds)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
    try:
        conn.request("GET", path, headers={"Host": host})
        form = conn.getresponse()
        body = form.read().decode("utf-8", "replace")
        if form.status != 200:
            return None, f"GET {form.status}", time.perf_counter() - started
        cookies = _cookies(form)
        fields = {**hidden_inputs(body), **data}
        conn.close()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60, source_address=(source, 0))
        conn.request(
            "POST",
            path,
            body=urlencode(fields),
            headers={
                "Host": host,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
            },
        )
        answer = conn.getresponse()
        answer.read()
        location = answer.getheader("Location") or ""
        match = RECEIPT.search(location)
        if answer.status in (302, 303) and match:
            return match.group(1), None, time.perf_counter() - started
        return None, f"POST {answer.status}", time.perf_counter() - started
    except OSError as exc:
        return None, f"{type(exc).__name__}: {exc}", time.perf_counter() - started
    finally:
        conn.close()


def run(ports, host, path, data, clients, duration):
    deadline = time.monotonic() + duration
    counter = itertools.count()
    lock = threading.Lock()
    codes, errors, seconds = [], [], []

    def worker():
        while time.monotonic() < deadline:
            with lock:
                n = next(counter)
            # Residents spread over the app servers; each stays on one for GET and POST.
            port = ports[n % len(ports)]
            code, error, took = submit_once(port, host, path, data, _address(n))
            with lock:
                seconds.append(took)
                if code:
                    codes.append(code)
                else:
                    errors.append(error)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    seconds.sort()

    def pct(p):
        return seconds[min(len(seconds) - 1, int(len(seconds) * p / 100))] if seconds else None

    return {
        "clients": clients,
        "duration_s": round(elapsed, 2),
        "attempts": len(seconds),
        "acknowledged": codes,
        "errors": errors,
        "rps": round(len(seconds) / elapsed, 1) if elapsed else 0,
        "latency_ms": {
            "p50": round(pct(50) * 1000, 1) if seconds else None,
            "p95": round(pct(95) * 1000, 1) if seconds else None,
            "p99": round(pct(99) * 1000, 1) if seconds else None,
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", required=True, help="port, or ports separated by commas")
    parser.add_argument("--host", required=True)
    parser.add_argument("--path", required=True)
    parser.add_argument("--data", required=True, help="JSON object of visible form fields")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--duration", type=float, default=10)
    args = parser.parse_args()
    ports = [int(p) for p in args.port.split(",")]
    result = run(ports, args.host, args.path, json.loads(args.data), args.clients, args.duration)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
