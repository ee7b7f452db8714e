"""Helpers for tests that run the project in other processes (manage.py, servers)."""

import socket
import subprocess
import sys
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
