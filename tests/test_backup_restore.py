"""`cadangkan` and `pulihkan`: a backup restores the database and media exactly."""

import os
import uuid
from functools import partial

import pytest

from tests import basisdata
from tests.subproses import manage, run_manage

_manage = partial(manage, timeout=300)


def _env(tmp_path, database_url):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DJANGO_SETTINGS_MODULE="sitecore.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    return env


COUNT_SITES = (
    "from wagtail.models import Site; "
    "print(sorted(Site.objects.values_list('hostname', flat=True)))"
)


def _round_trip(tmp_path, database_url):
    env = _env(tmp_path, database_url)
    _manage(env, "buat_desa", "Cadang", "--hostname", "cadang.test", "--zona", "wita")
    media_file = tmp_path / "media" / "original_images" / "foto.jpg"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_bytes(b"\xff\xd8 pretend jpeg")
    archive = tmp_path / "cadangan.tar.gz"
    out = _manage(env, "cadangkan", "--output", str(archive))
    assert "Cadangan dibuat" in out and archive.exists()

    # Disaster: the village and the media are gone.
    hilang = _manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.models import Site; Site.objects.filter(hostname='cadang.test').delete(); "
        + COUNT_SITES,
    )
    media_file.unlink()
    assert "cadang.test" not in hilang

    refused = run_manage(env, "pulihkan", str(archive), timeout=300)
    assert refused.returncode != 0  # asks for confirmation; no stdin -> nothing done
    _manage(env, "pulihkan", str(archive), "--yes")
    assert "cadang.test" in _manage(env, "shell", "--no-imports", "-c", COUNT_SITES)
    assert media_file.read_bytes() == b"\xff\xd8 pretend jpeg"


@pytest.mark.sekali
def test_backup_and_restore_sqlite(tmp_path):
    basisdata.copy_sqlite_template(tmp_path / "desa.sqlite3")  # as `migrate` leaves it
    _round_trip(tmp_path, f"sqlite:///{tmp_path / 'desa.sqlite3'}")


def test_backup_and_restore_postgresql(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgres://…)")
    import psycopg

    name = f"desa_backup_{uuid.uuid4().hex[:8]}"
    base = url.rsplit("/", 1)[0]
    basisdata.create_postgres_database(url, name)  # migrated, as `migrate` leaves it
    try:
        _round_trip(tmp_path, f"{base}/{name}")
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_restore_refuses_unsafe_archives(tmp_path):
    import io
    import json
    import tarfile

    from sitecore.backup import restore_backup

    archive = tmp_path / "jahat.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        data = json.dumps({"database": {"engine": "sqlite", "file": "x"}}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        evil = tarfile.TarInfo("../../etc/evil")
        evil.size = 1
        tar.addfile(evil, io.BytesIO(b"x"))
    with pytest.raises(RuntimeError, match="unsafe"):
        restore_backup(archive)
