"""Reliability under failure: a killed app worker, a database outage, a mail outage.

(a) and (b) run real gunicorn servers on their own database (a temporary SQLite file,
or PostgreSQL on a closed port), so they do not depend on the test database; (c) runs
in-process with the SMTP backend pointed at a closed port, then at a tiny SMTP sink.
"""

import os
import signal
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone

from pengaduan.models import Notifikasi, Pengaduan
from pengaduan.testing import _private_root  # noqa: F401
from tests import basisdata
from tests.conftest import section
from tests.subproses import READY_DEADLINE, free_port, manage, wait_until_ready

ROOT = Path(__file__).resolve().parent.parent
HOST = "tahan.test"

SETUP = """
from django.contrib.auth import get_user_model
from sitecore.models.roles import Peran
from sitecore.provisioning import groups_for_site
from wagtail.models import Site
site = Site.objects.get(hostname="tahan.test")
bot = get_user_model().objects.create_user("bot-tahan", password="rahasia-bot-123456")
bot.groups.add(groups_for_site(site)[Peran.PETUGAS_PENGADUAN])
"""


def _env(tmp_path, database_url):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.pop("REDIS_URL", None)
    env.update(
        DJANGO_SETTINGS_MODULE="sitecore.settings.test",
        DATABASE_URL=database_url,
        DJANGO_REQUEST_LOG_LEVEL="ERROR",
        MEDIA_ROOT=str(tmp_path / "media"),
        PENGADUAN_PRIVATE_ROOT=str(tmp_path / "private"),
    )
    return env


class _Server:
    """gunicorn from the repository's gunicorn.conf.py on a free port."""

    def __init__(self, env, log, workers=2):
        self.port = free_port()
        self.count = workers
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "GUNICORN_WORKERS": str(workers),
                "GUNICORN_ACCESSLOG": "/dev/null",
            },
            stdout=subprocess.DEVNULL,
            stderr=open(log, "w"),  # noqa: SIM115
        )

    def wait(self, path="/healthz/", ok=(200,)):
        wait_until_ready(self.url + path, ok, proc=self.proc)
        # The first worker answers while gunicorn may still be forking the others (on a
        # loaded machine, seconds later): the tests count on all of them.
        end = time.monotonic() + READY_DEADLINE
        while len(self.workers()) < self.count and time.monotonic() < end:
            time.sleep(0.2)

    def workers(self):
        out = subprocess.run(
            ["ps", "--ppid", str(self.proc.pid), "-o", "pid="], capture_output=True, text=True
        ).stdout
        return [int(pid) for pid in out.split()]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# --- (a) a worker killed in the middle of submissions ------------------------------------


@pytest.mark.sekali
def test_killed_worker_loses_no_acknowledged_complaint(tmp_path):
    db = basisdata.copy_sqlite_template(tmp_path / "tahan.sqlite3")
    env = _env(tmp_path, f"sqlite:///{db}")
    manage(env, "buat_desa", "Tahan", "--hostname", HOST, "--zona", "wita")
    manage(env, "shell", "--no-imports", "-c", SETUP)
    token = manage(env, "api_tokens", "create", "--user", "bot-tahan", "--name", "uji")
    token = token.strip().splitlines()[-1].strip()
    headers = {"Host": HOST, "Authorization": f"Bearer {token}"}

    server = _Server(env, tmp_path / "server.log")
    try:
        server.wait()
        assert len(server.workers()) == 2
        acks, errors, done = {}, [], []
        lock = threading.Lock()
        killed = threading.Event()

        def submit(i):
            payload = {
                "judul": f"Lampu jalan mati {i}",
                "uraian": f"Lampu jalan di gang {i} mati sejak minggu lalu.",
                "kanal": "whatsapp",
                "ref": f"wa-{i}",
            }
            try:
                r = requests.post(
                    f"{server.url}/api/pengaduan/", json=payload, headers=headers, timeout=30
                )
            except requests.RequestException as exc:  # in flight on the killed worker
                with lock:
                    errors.append((i, type(exc).__name__))
                return
            with lock:
                done.append(i)
                if r.status_code == 201:
                    acks[f"wa-{i}"] = r.json()["kode"]
                else:
                    errors.append((i, r.status_code))
                if len(done) == 12 and not killed.is_set():
                    killed.set()
                    os.kill(server.workers()[0], signal.SIGKILL)

        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(submit, range(40)))
        assert killed.is_set()
        assert len(acks) >= 20, (len(acks), errors)  # most got through

        # The master replaces the worker; a client resends everything it is unsure of.
        server.wait()
        for i in range(40):
            r = requests.post(
                f"{server.url}/api/pengaduan/",
                json={"judul": f"Lampu jalan mati {i}", "uraian": "Ulang.", "ref": f"wa-{i}"},
                headers=headers,
                timeout=30,
            )
            assert r.status_code in (200, 201), r.text
            if f"wa-{i}" in acks:
                assert r.status_code == 200 and r.json()["kode"] == acks[f"wa-{i}"]
    finally:
        server.stop()

    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT kode, token_form FROM pengaduan_pengaduan").fetchall()
    kodes = [kode for kode, _ in rows]
    refs = [token_form.rsplit(":", 1)[-1] for _, token_form in rows]
    for ref, kode in acks.items():
        assert kodes.count(kode) == 1 and refs.count(ref) == 1
    assert sorted(refs) == sorted(f"wa-{i}" for i in range(40))  # no duplicate, none lost


# --- (b) database outage -> friendly 503 ---------------------------------------------------


@pytest.mark.sekali
def test_database_outage_gives_a_friendly_503_without_traceback(tmp_path):
    closed = free_port()
    env = _env(tmp_path, f"postgres://desa@127.0.0.1:{closed}/desa")
    server = _Server(env, tmp_path / "server.log", workers=1)
    try:
        server.wait(path="/healthz/", ok=(503,))
        for path in ("/", "/pengaduan/", "/artikel/", "/cari/?q=air", "/admin/login/"):
            r = requests.get(server.url + path, headers={"Host": HOST}, timeout=30)
            assert r.status_code == 503, (path, r.status_code)
            assert r.headers.get("Retry-After") == "120"
            body = r.text
            assert "Layanan sedang dipulihkan" in body and "</html>" in body
            for leak in ("Traceback", "OperationalError", "psycopg", str(closed), 'File "'):
                assert leak not in body, (path, leak)
        assert "Traceback" not in requests.get(server.url + "/healthz/", timeout=30).text
    finally:
        server.stop()
    log = (tmp_path / "server.log").read_text()
    assert "Booting worker" in log  # the server itself kept running


# --- (c) mail outage ----------------------------------------------------------------------


class _SmtpSink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port):
        self.messages = []
        super().__init__(("127.0.0.1", port), _SmtpHandler)


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink ESMTP")
        rcpt = []
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb == "EHLO":
                self.reply("250-sink")
                self.reply("250 8BITMIME")
            elif verb in ("HELO", "MAIL", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "RCPT":
                rcpt.append(line.decode().split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 go ahead")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                self.server.messages.append((rcpt, b"".join(data).decode(errors="replace")))
                rcpt = []
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


@pytest.mark.django_db
def test_mail_outage_keeps_the_mail_in_the_outbox_until_it_can_be_sent(
    desa_a, client_for, settings, django_capture_on_commit_callbacks
):
    from pengaduan.testing import form_token, isian

    port = free_port()  # nothing listens here yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 30

    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, isian(form_token(client, url), email="siti@example.test"))
    assert response.status_code == 302  # the complaint is accepted all the same
    item = Pengaduan.objects.get(site=desa_a, email="siti@example.test")
    mail = Notifikasi.objects.get(pengaduan=item, penerima="siti@example.test")
    assert mail.status == Notifikasi.Status.MENUNGGU and mail.percobaan == 1
    assert "Connection" in mail.galat or "refused" in mail.galat.lower()

    sink = _SmtpSink(port)
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    try:
        # Cron runs after the back-off delay has passed.
        Notifikasi.objects.filter(pk=mail.pk).update(coba_lagi_pada=timezone.now())
        call_command("kirim_ulang_notifikasi", stdout=open(os.devnull, "w"))  # noqa: SIM115
    finally:
        sink.shutdown()
        sink.server_close()
    mail.refresh_from_db()
    assert mail.status == Notifikasi.Status.TERKIRIM
    delivered = [body for rcpt, body in sink.messages if rcpt == ["siti@example.test"]]
    assert len(delivered) == 1 and item.kode in delivered[0]
