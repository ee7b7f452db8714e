"""gunicorn's settings file: what the app loads before forking is frozen for the GC."""

import gc
import runpy
from pathlib import Path


def test_loaded_objects_are_frozen_before_the_workers_fork():
    conf = runpy.run_path(str(Path(__file__).resolve().parent.parent / "gunicorn.conf.py"))
    assert conf["preload_app"] is True
    try:
        conf["when_ready"](server=None)
        assert gc.get_freeze_count() > 10_000  # Django, Wagtail and the app's modules
    finally:
        gc.unfreeze()
