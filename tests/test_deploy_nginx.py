"""The documented nginx configuration, run for real in front of the live server."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from tests.subproses import free_port, wait_until_ready

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed"),
]


@pytest.fixture
def nginx(live_server):
    # nginx workers run as an unprivileged user: give them a world-readable work dir.
    tmp_path = Path(tempfile.mkdtemp(prefix="desa-nginx-"))
    tmp_path.chmod(0o755)
    # A copy of the static files too: the checkout may sit in a private directory
    # (mktemp -d is 0700) that those workers cannot enter.
    static = tmp_path / "static"
    shutil.copytree(ROOT / "static", static)
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "jahat.html").write_text("<script>alert(1)</script>")
    (media / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    port = free_port()
    conf = (ROOT / "docs" / "deploy" / "nginx.conf").read_text()
    for placeholder, value in {
        "__LISTEN__": f"127.0.0.1:{port}",
        "__UPSTREAM__": live_server.url.removeprefix("http://"),
        "__STATIC_ROOT__": str(static),
        "__MEDIA_ROOT__": str(media),
        "__CACHE_DIR__": str(tmp_path),
    }.items():
        conf = conf.replace(placeholder, value)
    conf_file = tmp_path / "nginx.conf"
    conf_file.write_text(conf)
    check = subprocess.run([NGINX, "-t", "-c", str(conf_file)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    proc = subprocess.Popen([NGINX, "-c", str(conf_file), "-g", "daemon off;"])
    base = f"http://127.0.0.1:{port}"
    wait_until_ready(base + "/healthz/", ok=range(100, 600), proc=proc)  # nginx listens
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(tmp_path, ignore_errors=True)


def _get(url, **kwargs):
    return requests.get(url, timeout=30, **kwargs)


def test_pages_go_through_the_micro_cache(desa_a, nginx):
    first = _get(nginx + "/", headers={"Host": "alpha.test"})
    second = _get(nginx + "/", headers={"Host": "alpha.test"})
    assert first.status_code == 200 and "Desa Alpha" in first.text
    assert first.headers["X-Micro-Cache"] == "MISS"
    assert second.headers["X-Micro-Cache"] == "HIT"
    assert "script-src 'self'" in second.headers["Content-Security-Policy"]
    # Responses are compressed for phones on slow links.
    assert first.headers.get("Content-Encoding") == "gzip"


def test_sessions_and_admin_bypass_the_micro_cache(desa_a, nginx):
    host = {"Host": "alpha.test"}
    _get(nginx + "/", headers=host)
    with_session = _get(nginx + "/", headers={**host, "Cookie": "sessionid=abc"})
    assert with_session.headers["X-Micro-Cache"] == "BYPASS"
    admin = _get(nginx + "/admin/login/", headers=host)
    assert admin.status_code == 200 and "X-Micro-Cache" not in admin.headers


def test_static_and_media_are_served_by_nginx_safely(desa_a, nginx):
    css = _get(nginx + "/static/css/desa.css")
    assert css.status_code == 200 and "immutable" in css.headers["Cache-Control"]
    evil = _get(nginx + "/media/documents/jahat.html")
    assert evil.headers["Content-Disposition"] == "attachment"
    assert "sandbox" in evil.headers["Content-Security-Policy"]
    assert evil.headers["X-Content-Type-Options"] == "nosniff"
    image = _get(nginx + "/media/foto.jpg")
    assert image.status_code == 200 and "sandbox" in image.headers["Content-Security-Policy"]
    assert _get(nginx + "/media/../sitecore/settings/base.py").status_code in (400, 404)
