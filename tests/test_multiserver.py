"""Two app servers, one PostgreSQL, one Redis: nothing is lost, duplicated or stale.

Runs in the PostgreSQL + Redis pass of `make test` (DATABASE_URL=postgres://…, REDIS_URL
set); skipped on the SQLite pass, where one server owns the database file.
"""

import os
import re
import signal
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests import basisdata
from tests.subproses import free_port, manage, wait_until_ready

ROOT = Path(__file__).resolve().parent.parent
HOST = "ganda.test"
DB_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = pytest.mark.skipif(
    not (DB_URL.startswith("postgres") and REDIS_URL),
    reason="needs PostgreSQL and Redis (the second pass of make test)",
)


def _get(url, **kwargs):
    return requests.get(url, timeout=30, **kwargs)


def _post(url, **kwargs):
    return requests.post(url, timeout=30, **kwargs)


SETUP = """
from django.contrib.auth import get_user_model
from sitecore.models.roles import Peran
from sitecore.provisioning import buat_desa, groups_for_site
site = buat_desa("Ganda", "ganda.test", zona_waktu="Asia/Makassar")
groups = groups_for_site(site)
User = get_user_model()
bot = User.objects.create_user("bot-wa", password="rahasia-bot-123456")
bot.groups.add(groups[Peran.PETUGAS_PENGADUAN])
editor = User.objects.create_user("editor-ganda", password="rahasia-editor-123456")
editor.groups.add(groups[Peran.EDITOR])
print(site.root_page_id)
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    import psycopg

    name = f"desa_multi_{uuid.uuid4().hex[:8]}"
    base = DB_URL.rsplit("/", 1)[0]
    basisdata.create_postgres_database(DB_URL, name)  # migrated: `migrate` has nothing to do
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="sitecore.settings.test",
        DATABASE_URL=f"{base}/{name}",
        REDIS_URL=REDIS_URL,
        PYTEST_XDIST_WORKER=f"multi-{uuid.uuid4().hex[:6]}",  # own cache namespace
        PAGE_CACHE_ENABLED="true",
        DJANGO_REQUEST_LOG_LEVEL="ERROR",
        MEDIA_ROOT=str(tmp_path_factory.mktemp("media")),
        PENGADUAN_PRIVATE_ROOT=str(tmp_path_factory.mktemp("private")),
    )
    servers = []
    log_dir = tmp_path_factory.mktemp("logs")
    try:
        manage(env, "migrate", "-v", "0")
        home_id = int(manage(env, "shell", "--no-imports", "-c", SETUP).strip().splitlines()[-1])
        token = manage(env, "api_tokens", "create", "--user", "bot-wa", "--name", "uji").strip()
        token = token.splitlines()[-1].strip()
        urls = []
        for _ in range(2):
            port = free_port()
            server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"}
            servers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
                    cwd=ROOT,
                    env={**server_env, "GUNICORN_ACCESSLOG": "/dev/null"},
                    stdout=subprocess.DEVNULL,
                    stderr=open(log_dir / f"server-{port}.log", "w"),  # noqa: SIM115
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url, proc in zip(urls, servers, strict=True):
            wait_until_ready(f"{url}/healthz/", proc=proc)
        yield {"urls": urls, "token": token, "env": env, "home_id": home_id}
    finally:
        for proc in servers:
            proc.send_signal(signal.SIGTERM)
        for proc in servers:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
        with psycopg.connect(DB_URL, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _count_items(env):
    out = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from pengaduan.models import Pengaduan; from django.db.models import Count;"
        "print(Pengaduan.objects.count());"
        "print(Pengaduan.objects.values('kode').annotate(n=Count('id')).filter(n__gt=1).count())",
    )
    total, duplicated = out.strip().splitlines()[-2:]
    return int(total), int(duplicated)


def test_complaints_posted_alternately_are_stored_exactly_once(cluster):
    urls, token = cluster["urls"], cluster["token"]
    headers = {"Host": HOST, "Authorization": f"Bearer {token}"}
    codes = set()
    for i in range(30):
        payload = {
            "judul": f"Laporan nomor {i}",
            "uraian": f"Isi laporan nomor {i} dari kanal WhatsApp.",
            "kanal": "whatsapp",
            "ref": f"wa-{i}",
        }
        response = _post(f"{urls[i % 2]}/api/pengaduan/", json=payload, headers=headers)
        assert response.status_code == 201, response.text
        codes.add(response.json()["kode"])
        # The gateway retries the same message on the other server: no second item.
        retry = _post(f"{urls[(i + 1) % 2]}/api/pengaduan/", json=payload, headers=headers)
        assert retry.status_code == 200 and retry.json()["kode"] in codes
    total, duplicated = _count_items(cluster["env"])
    assert len(codes) == 30 and total == 30 and duplicated == 0


def _login(session, url, username, password):
    page = session.get(f"{url}/admin/login/", headers={"Host": HOST})
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    response = session.post(
        f"{url}/admin/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": csrf},
        headers={"Host": HOST, "Referer": f"http://{HOST}/admin/login/"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:500]


def test_page_published_on_one_server_is_fresh_on_the_other(cluster):
    first, second = cluster["urls"]
    home = _get(f"{second}/", headers={"Host": HOST})
    assert _get(f"{second}/", headers={"Host": HOST}).headers["X-Desa-Cache"] == "hit"
    assert "Pasar Murah Desa" not in home.text

    session = requests.Session()
    _login(session, first, "editor-ganda", "rahasia-editor-123456")
    add_url = f"{first}/admin/pages/add/sitecore/standardpage/{cluster['home_id']}/"
    form = session.get(add_url, headers={"Host": HOST})
    assert form.status_code == 200
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    response = session.post(
        add_url,
        data=nested_form_data(
            {
                "csrfmiddlewaretoken": csrf,
                "title": "Pasar Murah Desa",
                "slug": "pasar-murah",
                "ringkasan": "Sembako murah di balai desa.",
                "body": streamfield([]),
                "show_in_menus": "on",
                "action-publish": "action-publish",
            }
        ),
        headers={"Host": HOST, "Referer": f"http://{HOST}{add_url}"},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text[:2000]

    fresh = _get(f"{second}/", headers={"Host": HOST})
    assert fresh.headers.get("X-Desa-Cache") == "miss"
    assert "Pasar Murah Desa" in fresh.text
    assert _get(f"{second}/pasar-murah/", headers={"Host": HOST}).status_code == 200


def _form(session, url):
    page = session.get(f"{url}/pengaduan/", headers={"Host": HOST})
    assert page.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', page.text).group(1)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    return token, csrf


def test_rate_limit_is_shared_between_servers(cluster):
    urls = cluster["urls"]
    statuses = []
    for i in range(6):
        url = urls[i % 2]
        session = requests.Session()
        token, csrf = _form(session, url)
        response = session.post(
            f"{url}/pengaduan/",
            data={
                "csrfmiddlewaretoken": csrf,
                "token": token,
                "jenis": "saran",
                "judul": f"Saran nomor {i}",
                "uraian": "Mohon lampu penerangan di jalan menuju sawah.",
                "persetujuan": "on",
                "captcha_0": "x",
                "captcha_1": "PASSED",
            },
            headers={"Host": HOST, "Referer": f"http://{HOST}/pengaduan/"},
            allow_redirects=False,
        )
        statuses.append(response.status_code)
    # Five per client per hour across the whole installation, not per server.
    assert statuses[:5] == [302] * 5
    assert statuses[5] != 302


def test_visitor_counts_are_shared_between_servers(cluster):
    first, second = cluster["urls"]
    beacon = f"/kunjungan/{cluster['home_id']}.gif"

    def today(url):
        html = _get(f"{url}/", headers={"Host": HOST, "Cookie": "sessionid=x"}).text
        match = re.search(r"Hari ini</dt><dd>([\d.]+)</dd>", html)
        return int(match.group(1).replace(".", ""))

    before = today(first)
    browser = "Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile"
    for url, agent in ((first, browser), (second, browser), (second, browser + " B")):
        _get(f"{url}{beacon}", headers={"Host": HOST, "User-Agent": agent})
    # The same visitor on both servers counts once; a second visitor counts too.
    assert today(first) == before + 2
    assert today(second) == before + 2
