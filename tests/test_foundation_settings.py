"""Settings come from the environment; production values pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "sitecore.settings.production",
    "SECRET_KEY": "k8$Jq2!vX9zL4mN7pR1sT5wY3bC6dF0gH2jK4lM8nP0qS3uV7xZ9aB1cE5fG7hJ",
    "DEBUG": "false",
    "ALLOWED_HOSTS": ".desa.lombokbaratkab.go.id",
    "DATABASE_URL": "sqlite:////tmp/desa-terbuka-deploy-check.sqlite3",
}


TEST_ONLY_ENV = {
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "DEBUG",
    "TASKS_BACKEND",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "DJANGO_SETTINGS_MODULE",
}


def _run(args, env_overrides):
    # The test settings put test-only values in os.environ; production starts clean.
    env = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_ENV}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args, *(["--no-imports"] if args[0] == "shell" else [])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,  # a hang, not a slow machine, is the failure
    )


@pytest.mark.sekali
def test_check_deploy_is_clean_with_production_values():
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.sekali
def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = _run(["check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.sekali
def test_database_and_cache_urls_are_read_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.DATABASES['default']['NAME']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.EMAIL_HOST, s.EMAIL_PORT, s.MEDIA_ROOT)"
    )
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": "postgres://desa:rahasia@db.internal:5432/desaterbuka",
        "REDIS_URL": "redis://cache.internal:6379/1",
        "EMAIL_HOST": "smtp.kab.go.id",
        "EMAIL_PORT": "587",
        "MEDIA_ROOT": "/srv/desa/media",
    }
    result = _run(["shell", "-c", code], env)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "django.db.backends.postgresql"
    assert lines[1] == "desaterbuka"
    assert lines[2] == "django.core.cache.backends.redis.RedisCache"
    assert lines[3] == "smtp.kab.go.id 587 /srv/desa/media"


@pytest.mark.django_db
def test_sqlite_is_tuned_for_concurrent_writers():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite-specific tuning")
    from django.conf import settings

    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] >= 5000
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


@pytest.mark.sekali
def test_sqlite_file_database_uses_wal(tmp_path):
    db = tmp_path / "wal.sqlite3"
    code = (
        "from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = _run(["shell", "-c", code], {**PRODUCTION_ENV, "DATABASE_URL": f"sqlite:///{db}"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "wal"


@pytest.mark.sekali
def test_static_files_are_compressed_and_hashed_in_production():
    code = "from django.conf import settings as s; print(s.STORAGES['staticfiles']['BACKEND'])"
    result = _run(["shell", "-c", code], PRODUCTION_ENV)
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"
