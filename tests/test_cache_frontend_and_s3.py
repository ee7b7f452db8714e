"""Optional production pieces: S3-compatible media storage and front-end cache purging."""

import os
import threading
from functools import partial
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests import basisdata
from tests.subproses import manage

_manage = partial(manage, timeout=300)


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    env.update(DJANGO_SETTINGS_MODULE="sitecore.settings.test", **extra)
    return env


def test_bucket_setting_switches_media_to_s3():
    env = _env(AWS_STORAGE_BUCKET_NAME="media-desa", AWS_S3_ENDPOINT_URL="http://minio:9000")
    out = _manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; d = s.STORAGES['default'];"
        "print(d['BACKEND'], d['OPTIONS']['bucket_name'], d['OPTIONS']['endpoint_url'],"
        " s.SERVE_MEDIA)",
    )
    assert out.strip() == "storages.backends.s3.S3Storage media-desa http://minio:9000 False"


@pytest.mark.django_db
def test_images_and_renditions_are_stored_in_the_bucket(desa_a, settings):
    import boto3
    from moto import mock_aws
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    with mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="media-desa")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "media-desa",
                    "region_name": "us-east-1",
                    "access_key": "test",
                    "secret_key": "test",
                    "location": "media",
                    "querystring_auth": False,
                    "file_overwrite": False,
                },
            },
        }
        image = Image.objects.create(title="Sawah", file=get_test_image_file())
        rendition = image.get_rendition("width-100")
        keys = {
            obj["Key"]
            for obj in boto3.client("s3", region_name="us-east-1").list_objects_v2(
                Bucket="media-desa"
            )["Contents"]
        }
        assert f"media/{image.file.name}" in keys
        assert f"media/{rendition.file.name}" in keys
        assert rendition.url.startswith("https://media-desa.s3.amazonaws.com/media/")


class _PurgeRecorder(BaseHTTPRequestHandler):
    seen = []

    def do_PURGE(self):  # noqa: N802 - HTTP verb
        self.seen.append((self.headers.get("Host"), self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.sekali
def test_publishing_purges_the_front_end_cache(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        basisdata.copy_sqlite_template(tmp_path / "purge.sqlite3")
        env = _env(
            DATABASE_URL=f"sqlite:///{tmp_path / 'purge.sqlite3'}",
            FRONTEND_CACHE_PURGE_URL=f"http://127.0.0.1:{server.server_port}",
            MEDIA_ROOT=str(tmp_path / "media"),
        )
        _manage(env, "buat_desa", "Purge", "--hostname", "purge.test")
        _manage(
            env,
            "shell",
            "--no-imports",
            "-c",
            "from wagtail.models import Site; from sitecore.models import StandardPage;"
            "home = Site.objects.get(hostname='purge.test').root_page;"
            "p = StandardPage(title='Kabar', slug='kabar'); home.add_child(instance=p);"
            "p.save_revision().publish()",
        )
    finally:
        server.shutdown()
    assert ("purge.test", "/kabar/") in _PurgeRecorder.seen
