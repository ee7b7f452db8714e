"""Shared version tokens: a value every process compares before trusting what it keeps
in memory (the site index compares one on every request).

The store is chosen for the cheapest read every process can see: Redis when the
installation has it (shared by every app server), beside the cached pages; a small file
beside the database when the database is an SQLite file (SQLite already means one
machine, and a file's status is a system call where a table is a query); the limits'
database table otherwise.
"""

import os
import tempfile
from pathlib import Path

from django.core.cache import caches
from django.db import connections


class FileToken:
    """One token in one file, replaced atomically; a read is one stat() while the
    file is unchanged."""

    def __init__(self, path):
        self.path = Path(path)
        self._seen = None  # (inode, mtime, size) of the file last read
        self._value = None

    def get(self):
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        seen = (st.st_ino, st.st_mtime_ns, st.st_size)
        if seen != self._seen:
            try:
                value = self.path.read_text()
            except FileNotFoundError:
                return None
            self._seen, self._value = seen, value
        return self._value or None

    def set(self, value):
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(value)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def add(self, value):
        if self.get() is None:
            self.set(value)


class CacheToken:
    def __init__(self, cache, key):
        self.cache, self.key = cache, key

    def get(self):
        return self.cache.get(self.key)

    def set(self, value):
        self.cache.set(self.key, value, None)

    def add(self, value):
        self.cache.add(self.key, value, None)


_files = {}


def _sqlite_file():
    """The default database's file when it is SQLite on disk (not in memory)."""
    conn = connections["default"]
    if conn.vendor != "sqlite":
        return None
    name = str(conn.settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return None
    return name


def token(key):
    """The shared token `key` (letters, digits, `_`, `-` and `:`)."""
    default = caches["default"]
    if "redis" in type(default).__module__:
        # Beside the pages, so that the page cache's lookup can read it in the same
        # round trip (`sitecore.pagecache.middleware`); an evicted token is only a rebuild.
        return CacheToken(default, key)
    db = _sqlite_file()
    if db is not None:
        path = f"{db}.{key.replace(':', '-')}"
        if path not in _files:
            _files[path] = FileToken(path)
        return _files[path]
    return CacheToken(caches["batas"], key)
