"""Concurrent submissions on a file SQLite database configured like production.

pytest-django's test database is in-memory SQLite, where concurrent writers never meet.
So the scenario runs in a subprocess on a fresh SQLite *file* with the production
settings block (WAL, busy timeout, IMMEDIATE transactions): it migrates, builds a
village through `buat_desa`, then fires many POSTs at the real public form from
threads at the same instant, and reports what the database holds. The subprocess
always uses its own SQLite file, so the test means the same on the PostgreSQL run.
"""

import io
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
N_FORMULIR = 24  # distinct visitors posting the form at once
N_GANDA = 4  # visitors whose double click sends the same form twice at once
N_LAYANAN = 16  # intake calls that all draw the same first tracking code


def _png():
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def _skenario(db_path, private_root):
    """Runs in the subprocess; prints one JSON line with what happened."""
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "sitecore.settings.test"
    os.environ["PENGADUAN_PRIVATE_ROOT"] = str(private_root)
    import django

    django.setup()
    from django.conf import settings
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.PENGADUAN_PRIVATE_ROOT = Path(private_root)
    call_command("migrate", verbosity=0)
    from pengaduan import kode as kode_mod
    from pengaduan import layanan
    from pengaduan.models import Lampiran, Pengaduan
    from sitecore.provisioning import buat_desa

    site = buat_desa("Serentak", "serentak.test", zona_waktu="Asia/Makassar")
    url = site.root_page.get_children().get(slug="pengaduan").url
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
    db = settings.DATABASES["default"]
    connection.close()
    png = _png()

    def visitor(i):
        client = Client(HTTP_HOST=site.hostname, REMOTE_ADDR=f"10.9.{i // 200}.{i % 200 + 1}")
        html = client.get(url).content.decode()
        token = re.search(r'name="token" value="([^"]+)"', html).group(1)
        return client, token

    def data(i, token):
        return {
            "jenis": "pengaduan",
            "judul": f"Laporan serentak nomor {i}",
            "uraian": f"Uraian laporan serentak nomor {i}, ditulis cukup panjang.",
            "persetujuan": "on",
            "token": token,
            "captcha_0": "x",
            "captcha_1": "PASSED",
            "lampiran": SimpleUploadedFile(f"foto{i}.png", png, "image/png"),
        }

    jobs = []  # (label, client, form data)
    for i in range(N_FORMULIR):
        client, token = visitor(i)
        jobs.append((f"f{i}", client, data(i, token)))
    for j in range(N_GANDA):
        i = N_FORMULIR + j
        client, token = visitor(i)
        twin = Client(HTTP_HOST=site.hostname, REMOTE_ADDR=f"10.8.0.{j + 1}")
        twin.cookies = client.cookies  # the same browser session, a second request
        jobs.append((f"g{j}a", client, data(i, token)))
        jobs.append((f"g{j}b", twin, data(i, token)))
    connection.close()

    barrier = threading.Barrier(len(jobs))
    results = {}

    def post(label, client, form):
        try:
            barrier.wait()
            response = client.post(url, form)
            results[label] = [response.status_code, response.get("Location", "")]
        except Exception as exc:  # noqa: BLE001 - reported to the test, not swallowed
            results[label] = [0, repr(exc)]
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    # Second wave through the intake path: every call first draws the same code, so
    # all but one collide on the unique constraint and must retry with a new code.
    real = kode_mod.buat_kode
    local = threading.local()

    def colliding():
        if not getattr(local, "drawn", False):
            local.drawn = True
            return "ZZZ-ZZZZ-ZZ"
        return real()

    kode_mod.buat_kode = colliding
    barrier = threading.Barrier(N_LAYANAN)
    layanan_kode = {}

    def intake(i):
        try:
            barrier.wait()
            item, _pin, created = layanan.buat_pengaduan(
                site=site,
                data={
                    "jenis": "saran",
                    "kanal": "sms",
                    "judul": f"SMS serentak {i}",
                    "uraian": "Saran lewat SMS gateway.",
                },
            )
            layanan_kode[i] = [item.kode, created]
        except Exception as exc:  # noqa: BLE001
            layanan_kode[i] = [repr(exc), False]
        finally:
            connection.close()

    threads = [threading.Thread(target=intake, args=(i,)) for i in range(N_LAYANAN)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    kode_mod.buat_kode = real

    rows = list(Pengaduan.objects.filter(site=site).values_list("judul", "kode", "token_form"))
    print(
        json.dumps(
            {
                "journal": journal,
                "options": db["OPTIONS"],
                "results": results,
                "layanan": layanan_kode,
                "rows": rows,
                "lampiran": Lampiran.objects.filter(pengaduan__site=site).count(),
            }
        )
    )


# The scenario makes its own SQLite file and runs without Redis, whatever the pass.
pytestmark = pytest.mark.sekali


@pytest.fixture(scope="module")
def hasil(tmp_path_factory):
    from tests import basisdata

    # The module's tests may be spread over both pytest-xdist workers: the first to get
    # here runs the scenario, the other reads what it reported.
    with basisdata.once_per_run("serentak") as saved:
        if not saved.exists():
            saved.write_text(json.dumps(_jalankan(tmp_path_factory, basisdata)))
        return json.loads(saved.read_text())


def _jalankan(tmp_path_factory, basisdata):
    tmp = tmp_path_factory.mktemp("serentak")
    # A migrated copy: the scenario's `migrate` has nothing left to do.
    basisdata.copy_sqlite_template(tmp / "db.sqlite3")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    proc = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "tests.test_pengaduan_konkuren", str(tmp / "db.sqlite3"), str(tmp)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_runs_on_a_production_like_sqlite_file(hasil):
    assert hasil["journal"] == "wal"
    assert hasil["options"]["transaction_mode"] == "IMMEDIATE"
    assert "busy_timeout" in hasil["options"]["init_command"]


def test_every_concurrent_submission_is_stored_exactly_once(hasil):
    from pengaduan.kode import KODE_RE

    results = hasil["results"]
    assert len(results) == N_FORMULIR + 2 * N_GANDA
    failures = {k: v for k, v in results.items() if v[0] != 302}
    assert not failures, failures
    by_title = {}
    for judul, kode, _token in hasil["rows"]:
        by_title.setdefault(judul, []).append(kode)
    for i in range(N_FORMULIR + N_GANDA):
        assert len(by_title.get(f"Laporan serentak nomor {i}", [])) == 1, i
    # Each visitor was sent to the receipt of the very item stored for them.
    for i in range(N_FORMULIR):
        (kode,) = by_title[f"Laporan serentak nomor {i}"]
        assert results[f"f{i}"][1].endswith(f"/terima/{kode}/")
    # Every stored attachment belongs to a stored item: one per item, none orphaned.
    assert hasil["lampiran"] == N_FORMULIR + N_GANDA
    assert all(KODE_RE.match(kode) for _j, kode, _t in hasil["rows"])


def test_double_click_under_concurrency_makes_one_item(hasil):
    by_title = {judul: kode for judul, kode, _t in hasil["rows"]}
    for j in range(N_GANDA):
        kode = by_title[f"Laporan serentak nomor {N_FORMULIR + j}"]
        a, b = hasil["results"][f"g{j}a"], hasil["results"][f"g{j}b"]
        assert a[1].endswith(f"/terima/{kode}/") and b[1].endswith(f"/terima/{kode}/")


def test_codes_stay_unique_when_concurrent_draws_collide(hasil):
    layanan = hasil["layanan"]
    assert len(layanan) == N_LAYANAN
    assert all(created for _kode, created in layanan.values()), layanan
    codes = [kode for kode, _created in layanan.values()]
    # Exactly one call kept the contested code; the others retried with fresh ones.
    assert codes.count("ZZZ-ZZZZ-ZZ") == 1
    all_codes = [kode for _j, kode, _t in hasil["rows"]]
    assert len(all_codes) == len(set(all_codes)) == N_FORMULIR + N_GANDA + N_LAYANAN


if __name__ == "__main__":
    _skenario(sys.argv[1], sys.argv[2])
