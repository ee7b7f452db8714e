"""Helpers for tests that run the project in other processes (manage.py, servers)."""

import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_manage(env, *args, timeout=600):
    """`manage.py args` with `env`, as a CompletedProcess (text output captured)."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(env, *args, timeout=600):
    """`manage.py args`, which must succeed (its output is shown if not); its stdout."""
    result = run_manage(env, *args, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


# On a loaded machine a server can take far longer than usual to boot and to answer its
# first request: readiness is judged against a generous overall deadline, and an attempt
# that times out or finds no listener yet is simply tried again.
READY_DEADLINE = 120


def wait_until_ready(url, ok=(200,), *, proc=None, deadline=READY_DEADLINE, **kwargs):
    """Poll `url` until it answers with a status in `ok`; fail after `deadline` seconds,
    or at once when `proc` (the server's process) has exited."""
    import requests

    end = time.monotonic() + deadline
    last = "no answer"
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"{url}: the server exited with {proc.returncode}")
        try:
            response = requests.get(url, timeout=10, **kwargs)
            if response.status_code in ok:
                return response
            last = f"status {response.status_code}"
        except requests.RequestException as exc:
            last = type(exc).__name__
        time.sleep(0.2)
    raise AssertionError(f"{url} not ready within {deadline} s ({last})")
