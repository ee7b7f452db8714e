"""Local development and `make demo`: DEBUG on, console email, immediate tasks."""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")

from .base import *  # noqa: E402, F403
