"""The documented nginx configuration, run for real in front of the live server."""

import http.client
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import requests

from sitecore.models.roles import Peran
from tests.subproses import free_port, wait_until_ready
from tests.test_dokumen_privat import PUBLIK, RAHASIA, buat_dokumen

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

pytestmark = [
    # nginx's configuration behaves the same whatever database the app runs on.
    pytest.mark.sekali,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed"),
]


@pytest.fixture
def nginx(live_server, settings):
    # nginx workers run as an unprivileged user: give them a world-readable work dir.
    tmp_path = Path(tempfile.mkdtemp(prefix="desa-nginx-"))
    tmp_path.chmod(0o755)
    # A copy of the static files too: the checkout may sit in a private directory
    # (mktemp -d is 0700) that those workers cannot enter.
    static = tmp_path / "static"
    shutil.copytree(ROOT / "static", static)
    media = tmp_path / "media"
    for folder in ("images", "documents", "wagtail_uploads"):
        (media / folder).mkdir(parents=True)
    (media / "images" / "jahat.html").write_text("<script>alert(1)</script>")
    (media / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    (media / "documents" / "rahasia.pdf").write_bytes(RAHASIA)
    (media / "wagtail_uploads" / "parkir.pdf").write_bytes(RAHASIA)
    # The app stores into the directory nginx serves, and hands documents to nginx.
    settings.MEDIA_ROOT = media
    settings.DOCUMENTS_X_ACCEL_REDIRECT = True
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
    evil = _get(nginx + "/media/images/jahat.html")
    assert evil.headers["Content-Disposition"] == "attachment"
    assert "sandbox" in evil.headers["Content-Security-Policy"]
    assert evil.headers["X-Content-Type-Options"] == "nosniff"
    image = _get(nginx + "/media/foto.jpg")
    assert image.status_code == 200 and "sandbox" in image.headers["Content-Security-Policy"]
    assert _get(nginx + "/media/../sitecore/settings/base.py").status_code in (400, 404)


def _raw_get(base, path, headers=None):
    """GET with the path sent exactly as written (requests removes dot segments)."""
    conn = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


REFUSED = [
    "/media/documents/rahasia.pdf",
    "/media//documents/rahasia.pdf",
    "/media/./documents/rahasia.pdf",
    "/media/images/../documents/rahasia.pdf",
    "/media/%64ocuments/rahasia.pdf",
    "/media/images/..%2Fdocuments/rahasia.pdf",
    "/media/images/%2E%2E/documents/rahasia.pdf",
    "/media/wagtail_uploads/parkir.pdf",
    "/media/images/../wagtail_uploads/parkir.pdf",
]


def test_documents_and_parked_uploads_are_refused_by_nginx(desa_a, nginx):
    # One nginx for every variant: each start costs seconds.
    for path in REFUSED:
        status, _, body = _raw_get(nginx, path)
        assert status in (400, 404), path
        assert RAHASIA not in body, path


def test_public_document_is_sent_by_nginx_after_the_view(desa_a, nginx, live_server):
    _, publik = buat_dokumen(desa_a)
    host = {"Host": "alpha.test"}
    # The app itself answers with a hand-over and no content ...
    app = _get(live_server.url + publik.url, headers=host, allow_redirects=False)
    assert app.headers["X-Accel-Redirect"] == "/media/" + publik.file.name and app.content == b""
    # ... which nginx fulfils from its internal location, headers kept, never cached.
    for _ in range(2):
        response = _get(nginx + publik.url, headers=host)
        assert response.status_code == 200 and response.content == PUBLIK
        assert response.headers["Content-Disposition"] == 'attachment; filename="perdes.pdf"'
        assert response.headers["Content-Type"] == "application/pdf"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "X-Accel-Redirect" not in response.headers
        assert "X-Micro-Cache" not in response.headers
    assert _get(nginx + "/media/" + publik.file.name).status_code == 404
    # A name with letters beyond ASCII survives the hand-over (quoted, then unquoted).
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    unik = Document.objects.create(title="APBDes", file=ContentFile(b"isi", name="apbdés 2026.pdf"))
    response = _get(nginx + unik.url, headers=host)
    assert response.status_code == 200 and response.content == b"isi"


def test_restricted_document_needs_a_login_through_nginx(desa_a, nginx, make_staff):
    from django.test import Client

    rahasia, _ = buat_dokumen(desa_a)
    host = {"Host": "alpha.test"}
    anonymous = _get(nginx + rahasia.url, headers=host, allow_redirects=False)
    assert anonymous.status_code == 302 and "/login/" in anonymous.headers["Location"]
    assert RAHASIA not in anonymous.content
    assert _get(nginx + "/media/" + rahasia.file.name).status_code == 404

    staff = Client()
    staff.force_login(make_staff(desa_a, Peran.EDITOR))
    cookie = {"Cookie": f"sessionid={staff.cookies['sessionid'].value}"}
    response = _get(nginx + rahasia.url, headers={**host, **cookie}, allow_redirects=False)
    assert response.status_code == 200 and response.content == RAHASIA
    # The next anonymous visitor is not served a cached copy.
    again = _get(nginx + rahasia.url, headers=host, allow_redirects=False)
    assert again.status_code == 302 and RAHASIA not in again.content
