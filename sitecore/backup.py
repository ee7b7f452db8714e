"""Backup and restore of the database and media in one archive.

SQLite is copied with SQLite's online backup API (consistent while the site runs);
PostgreSQL with pg_dump/pg_restore (custom format). Media files go into the same
tar.gz, with a manifest that says what the archive holds.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

MANIFEST = "manifest.json"


def _db():
    return settings.DATABASES["default"]


def _pg_env(db):
    env = os.environ.copy()
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args(db):
    args = []
    if db.get("HOST"):
        args += ["-h", db["HOST"]]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", db["USER"]]
    return args


def dump_database(target_dir):
    db = _db()
    engine = db["ENGINE"]
    if engine.endswith("sqlite3"):
        target = Path(target_dir) / "database.sqlite3"
        source = sqlite3.connect(str(db["NAME"]))
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        source.close()
        dest.close()
        return "sqlite", target.name
    if engine.endswith("postgresql"):
        target = Path(target_dir) / "database.pgdump"
        subprocess.run(  # noqa: S603
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *_pg_args(db)]
            + [db["NAME"]],
            check=True,
            env=_pg_env(db),
        )
        return "postgresql", target.name
    raise RuntimeError(f"Unsupported database engine for backup: {engine}")


def create_backup(output):
    """Write a .tar.gz with the database and MEDIA_ROOT; returns the manifest."""
    output = Path(output)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory() as tmp:
        kind, db_name = dump_database(tmp)
        manifest = {
            "created": datetime.now(UTC).isoformat(),
            "database": {"engine": kind, "file": db_name},
            "media": media_root.is_dir(),
        }
        (Path(tmp) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(output, "w:gz") as tar:
            tar.add(Path(tmp) / MANIFEST, arcname=MANIFEST)
            tar.add(Path(tmp) / db_name, arcname=db_name)
            if media_root.is_dir():
                tar.add(media_root, arcname="media")
    return manifest


def _safe_members(tar):
    for member in tar.getmembers():
        path = Path(member.name)
        if path.is_absolute() or ".." in path.parts or member.issym() or member.islnk():
            raise RuntimeError(f"Refusing unsafe path in archive: {member.name}")
        yield member


def restore_backup(archive):
    """Replace the database and media with the archive's contents."""
    db = _db()
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive, "r:gz") as tar:
        tar.extractall(tmp, members=_safe_members(tar), filter="data")
        manifest = json.loads((Path(tmp) / MANIFEST).read_text())
        kind = manifest["database"]["engine"]
        dump = Path(tmp) / manifest["database"]["file"]
        connections.close_all()
        if kind == "sqlite":
            if not db["ENGINE"].endswith("sqlite3"):
                raise RuntimeError(
                    "This archive holds a SQLite database; DATABASE_URL is not SQLite."
                )
            source = sqlite3.connect(str(dump))
            dest = sqlite3.connect(str(db["NAME"]))
            with dest:
                source.backup(dest)
            source.close()
            dest.close()
        elif kind == "postgresql":
            if not db["ENGINE"].endswith("postgresql"):
                raise RuntimeError(
                    "This archive holds a PostgreSQL dump; DATABASE_URL is not PostgreSQL."
                )
            subprocess.run(  # noqa: S603
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction"]
                + _pg_args(db)
                + ["--dbname", db["NAME"], str(dump)],
                check=True,
                env=_pg_env(db),
            )
        media_src = Path(tmp) / "media"
        if manifest.get("media") and media_src.is_dir():
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                shutil.rmtree(media_root)
            shutil.copytree(media_src, media_root)
    return manifest
