"""Workflow, deadlines, scoping, uploads, API, register, report, mail retry."""

import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from pengaduan import layanan
from pengaduan.berkas import periksa_berkas
from pengaduan.models import Notifikasi, Pengaduan
from pengaduan.notifikasi.pengiriman import kirim_ulang
from pengaduan.tenggat import hitung_tenggat, jeda_dari_riwayat
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import (
    CLOSED,
    TRANSITIONS,
    Status,
    TransitionError,
    can_transition,
    check_transition,
)
from sitecore.kalender.rules import KalenderKerja
from sitecore.models.roles import Peran
from tests.conftest import section

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")


# --- state machine ---------------------------------------------------------------


@pytest.mark.parametrize("src", list(Status))
@pytest.mark.parametrize("dst", list(Status))
def test_transition_table_is_exhaustive(src, dst):
    legal = dst in TRANSITIONS[src]
    if dst == Status.DIBUKA_KEMBALI:
        assert can_transition(src, dst, by_reporter=True) == legal
        assert not can_transition(src, dst)
    else:
        assert can_transition(src, dst) == legal
        assert not can_transition(src, dst, by_reporter=True)


def test_closed_states_only_reopen():
    for s in CLOSED:
        assert TRANSITIONS[s] == {Status.DIBUKA_KEMBALI}


def test_required_fields():
    with pytest.raises(TransitionError) as exc:
        check_transition(Status.DITERIMA, Status.DITOLAK, {})
    assert "alasan" in exc.value.errors
    # Leaving Diterima makes the item public: it needs its public title then.
    with pytest.raises(TransitionError) as exc:
        check_transition(Status.DITERIMA, Status.DITOLAK, {"alasan": "ganda"})
    assert set(exc.value.errors) == {"judul_publik"}
    check_transition(Status.DITERIMA, Status.DITOLAK, {"alasan": "ganda", "judul_publik": "Saran"})
    with pytest.raises(TransitionError):
        check_transition(Status.DITERIMA, Status.SELESAI, {"hasil": "x", "pesan_pelapor": "y"})


# --- deadlines ---------------------------------------------------------------------


def test_friday_evening_receipt():
    kal = KalenderKerja(tz=WITA)
    fri = datetime(2026, 11, 20, 21, tzinfo=WITA)
    t = hitung_tenggat(kal, fri, [])
    assert t.tanggapan.date().isoformat() == "2026-11-23"  # Monday
    assert t.selesai.date().isoformat() == "2026-11-24"
    assert hitung_tenggat(kal, fri, [], lintas_instansi=True).selesai.date().isoformat() == (
        "2026-11-27"
    )


def test_time_zone_changes_the_local_day():
    # 23:30 WIB on Friday is already Saturday 00:30 WITA.
    moment = datetime(2026, 11, 20, 23, 30, tzinfo=WIB)
    assert hitung_tenggat(KalenderKerja(tz=WIB), moment, []).tanggapan.day == 23
    assert hitung_tenggat(KalenderKerja(tz=WITA), moment, []).tanggapan.day == 23
    sat_week = KalenderKerja(tz=WITA, working_week=6)
    assert hitung_tenggat(sat_week, moment, []).tanggapan.day == 23  # Sat -> Mon
    assert hitung_tenggat(KalenderKerja(tz=WIB, working_week=6), moment, []).tanggapan.day == 21


def test_holiday_and_pause():
    from datetime import date

    kal = KalenderKerja(tz=WIB, holidays=frozenset({date(2026, 11, 24)}))
    mon = datetime(2026, 11, 23, 9, tzinfo=WIB)
    assert hitung_tenggat(kal, mon, []).selesai.date() == date(2026, 11, 26)
    paused = [
        (datetime(2026, 11, 23, 10, tzinfo=WIB), Status.MENUNGGU_PELAPOR),
        (datetime(2026, 11, 26, 10, tzinfo=WIB), Status.DIVERIFIKASI),
    ]
    assert jeda_dari_riwayat(paused) == [(paused[0][0], paused[1][0])]
    # Paused Mon -> Thu covers 2 working days (Wed, Thu; Tue is a holiday).
    assert hitung_tenggat(kal, mon, paused).selesai.date() == date(2026, 11, 30)
    assert hitung_tenggat(kal, mon, paused[:1]).selesai is None


# --- services on a real village -------------------------------------------------------


def _item(site, **extra):
    data = {"jenis": "pengaduan", "judul": "Judul asli", "uraian": "Uraian asli rahasia."}
    data.update(extra)
    return layanan.buat_pengaduan(site=site, data=data)[0]


@pytest.mark.django_db
def test_transitions_record_events_and_audit(desa_a, make_staff):
    from sitecore.models import DesaLogEntry

    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    item = _item(desa_a)
    item, event = layanan.ubah_status(
        item, Status.DIVERIFIKASI, user=officer, data={"judul_publik": "Pengaduan, Maret 2026"}
    )
    assert item.ditanggapi_pada and item.diverifikasi_pada and event.aktor == officer
    with pytest.raises(TransitionError):
        layanan.ubah_status(item, Status.DIBUKA_KEMBALI, user=officer)
    item, _ = layanan.ubah_status(
        item, Status.SELESAI, user=officer, data={"hasil": "korektif", "pesan_pelapor": "Beres"}
    )
    assert item.diselesaikan_pada and item.hari_selesai is not None
    assert (
        DesaLogEntry.objects.filter(action="pengaduan.status", object_id=str(item.pk)).count() == 2
    )
    item = layanan.buka_kembali(item, "Belum beres")
    assert item.status == Status.DIBUKA_KEMBALI and item.dibuka_kembali == 1


# --- scoping matrix ---------------------------------------------------------------


@pytest.mark.django_db
def test_admin_scoping_matrix(desa_a, desa_b, make_staff, client):
    officer_a = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    item_a = _item(desa_a, nama="Rahasia Nama", rahasiakan_identitas=True)
    item_b = _item(desa_b)
    client.force_login(officer_a)
    index = client.get("/admin/pengaduan/item/")
    assert index.status_code == 200
    assert item_a.kode in index.content.decode() and item_b.kode not in index.content.decode()
    export = client.get("/admin/pengaduan/item/?export=csv")
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert item_a.kode in body and item_b.kode not in body and "Rahasia Nama" not in body
    for suffix in [
        "edit/",
        "delete/",
        "inspect/",
        "history/",
        "usage/",
        "tindak-lanjut/",
        "tanda-terima/",
    ]:
        assert client.get(f"/admin/pengaduan/item/{suffix}{item_b.pk}/").status_code in (404,), (
            suffix
        )
    own = client.get(f"/admin/pengaduan/item/inspect/{item_a.pk}/")
    assert own.status_code == 200
    assert "Rahasia Nama" not in own.content.decode()  # only the coordinator sees it
    coord = make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN)
    client.force_login(coord)
    assert (
        "Rahasia Nama" in client.get(f"/admin/pengaduan/item/inspect/{item_a.pk}/").content.decode()
    )


# --- uploads ------------------------------------------------------------------------


def _upload(name, data):
    return SimpleUploadedFile(name, data)


def _jpeg_with_gps():
    img = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x8825] = {2: (8.0, 35.0, 0.0)}
    out = io.BytesIO()
    img.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_upload_attacks():
    from django.core.exceptions import ValidationError

    for name, data in [
        ("foto.jpg", b"MZ\x90\x00 not an image"),
        ("gambar.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("doc.pdf", b"%PDF-1.4\n/OpenAction << /S /JavaScript /JS (app.alert(1)) >>\n%%EOF"),
        ("besar.jpg", b"\xff\xd8" + b"0" * (6 * 1024 * 1024)),
    ]:
        with pytest.raises(ValidationError):
            periksa_berkas(_upload(name, data))
    bomb = io.BytesIO()
    Image.new("1", (6000, 6000)).save(bomb, "PNG")
    with pytest.raises(ValidationError):
        periksa_berkas(_upload("bomb.png", bomb.getvalue()))
    # Polyglot: a JPEG with a trailing payload is re-encoded and loses the payload.
    content, ctype, _n = periksa_berkas(
        _upload("x.jpg", _jpeg_with_gps() + b"<?php system($_GET[1]); ?>")
    )
    assert ctype == "image/jpeg"
    raw = content.read()
    assert b"<?php" not in raw
    assert not Image.open(io.BytesIO(raw)).getexif()
    pdf, ctype, _n = periksa_berkas(_upload("ok.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF"))
    assert ctype == "application/pdf"


@pytest.mark.django_db
def test_attachment_served_to_own_staff_only(desa_a, desa_b, make_staff, client):
    from django.core.files.base import ContentFile

    item = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "judul": "x", "uraian": "y"},
        berkas=[(ContentFile(_jpeg_with_gps()), "image/jpeg", "a.jpg")],
    )[0]
    lampiran = item.lampiran.get()
    url = f"/admin/pengaduan/item/lampiran/{lampiran.pk}/"
    client.force_login(make_staff(desa_b, Peran.KOORDINATOR_PENGADUAN))
    assert client.get(url).status_code == 404
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


# --- mail outage and retry ------------------------------------------------------------


@pytest.mark.django_db
def test_mail_outage_then_retry(desa_a, make_staff, settings, django_capture_on_commit_callbacks):
    make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    settings.EMAIL_BACKEND = "tests.test_pengaduan_alur.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True):
        item = _item(desa_a, email="warga@example.test")
    assert Pengaduan.objects.filter(pk=item.pk).exists()
    pending = Notifikasi.objects.filter(status="menunggu")
    assert pending.count() == 2 and all(n.percobaan == 1 for n in pending)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.utils import timezone

    sent, failed = kirim_ulang(now=timezone.now() + timezone.timedelta(hours=1))
    assert (sent, failed) == (2, 0)
    assert len(mail.outbox) == 2


class BrokenBackend:
    def __init__(self, *a, **k):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


# --- API ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_api_intake(desa_a, desa_b, make_staff, client_for):
    from wagtail.models import APIToken

    bot = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    _t, token = APIToken.create_token(user=bot, name="WA bot")
    client = client_for(desa_a)
    post = lambda c, body, tok=token: c.post(  # noqa: E731
        "/api/pengaduan/",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {tok}",
    )
    body = {
        "judul": "Air PDAM mati",
        "uraian": "Dua hari air mati.",
        "kanal": "whatsapp",
        "ref": "m1",
    }
    assert post(client, body, "salah").status_code == 401
    assert post(client_for(desa_b), body).status_code == 403
    bad = post(client, {"kanal": "merpati"})
    assert bad.status_code == 400 and {"judul", "uraian", "kanal"} <= set(bad.json()["errors"])
    ok = post(client, body)
    assert ok.status_code == 201 and ok.json()["kode"]
    again = post(client, body)
    assert again.status_code == 200 and again.json()["duplikat"] is True
    assert Pengaduan.objects.get().kanal == "whatsapp"
    _t.revoke()
    assert post(client, body).status_code == 401


# --- public register and report -----------------------------------------------------


@pytest.mark.django_db
def test_register_never_leaks_identity(desa_a, client_for, django_assert_max_num_queries):
    items = []
    for i in range(25):
        item = _item(
            desa_a, nama="Siti Rahmawati", telepon="0812 3456 7890", laporan_rahasia=i == 0
        )
        item.judul_publik, item.ringkasan_publik = f"Judul publik {i}", "Ringkasan"
        item.save()
        layanan.ubah_status(item, Status.DIVERIFIKASI)
        items.append(item)
    hidden = _item(desa_a)  # still Diterima
    client = client_for(desa_a)
    base = section(desa_a, "pengaduan").url + "register/"
    with django_assert_max_num_queries(45):
        page = client.get(base)
    assert page.status_code == 200
    outputs = [page, client.get(base + "?halaman=2"), client.get(base + "csv/"),
               client.get(base + "json/"), client.get(base + "rss/"),
               client.get(base + f"{items[1].kode}/")]  # fmt: skip
    for response in outputs:
        assert response.status_code == 200
        text = response.content.decode()
        assert "Siti Rahmawati" not in text and "3456" not in text and "Uraian asli" not in text
        assert items[0].kode not in text and hidden.kode not in text
    data = json.loads(outputs[3].content)["data"]
    # The confidential item is counted, as a line with no code, title or dusun.
    assert len(data) == 25
    assert [r["rahasia"] for r in data].count(True) == 1
    assert "Judul publik 0" not in "".join(r.content.decode() for r in outputs)
    assert client.get(base + f"{items[0].kode}/").status_code == 404
    filtered = client.get(base + "?status=selesai")
    assert "Judul publik" not in filtered.content.decode()


@pytest.mark.django_db
def test_report_figures(desa_b, client_for):
    from pengaduan.laporan import hitung

    t = datetime(2026, 3, 2, 9, tzinfo=WIB)  # Monday
    a = layanan.buat_pengaduan(
        site=desa_b,
        data={"jenis": "saran", "judul": "a", "uraian": "a", "gender": "perempuan"},
        diterima_pada=t,
    )[0]
    b = layanan.buat_pengaduan(
        site=desa_b, data={"jenis": "pengaduan", "judul": "b", "uraian": "b"}, diterima_pada=t
    )[0]
    layanan.ubah_status(
        a,
        Status.DIVERIFIKASI,
        waktu=datetime(2026, 3, 3, 9, tzinfo=WIB),
        data={"judul_publik": "Saran"},
    )
    layanan.ubah_status(
        a,
        Status.SELESAI,
        data={"hasil": "lainnya", "pesan_pelapor": "ok"},
        waktu=datetime(2026, 3, 4, 9, tzinfo=WIB),
    )
    layanan.ubah_status(
        b,
        Status.DIVERIFIKASI,
        waktu=datetime(2026, 3, 5, 9, tzinfo=WIB),
        data={"judul_publik": "Saran"},
    )
    a.refresh_from_db()
    layanan.beri_penilaian(a, 4)
    from datetime import date

    d = hitung(desa_b, date(2026, 1, 1), date(2026, 12, 31))
    assert d["total"] == 2 and d["ditanggapi"] == 2 and d["tepat_tanggapan"] == 1
    assert d["selesai"] == 1 and d["tepat_selesai"] == 1
    assert d["median_tanggapan"] == 2  # (1 + 3) / 2
    assert d["median_selesai"] == 2
    assert dict(d["penilaian"])["4"] == 1
    assert d["berbagi_profil"] == 1
    base = section(desa_b, "pengaduan").url + "laporan/2026/"
    page = client_for(desa_b).get(base)
    assert page.status_code == 200 and "<svg" in page.content.decode()
    assert client_for(desa_b).get(base + "xlsx/").status_code == 200
    assert b"Laporan masuk" in client_for(desa_b).get(base + "csv/").content


@pytest.mark.django_db
def test_report_shortcut_redirects_to_this_years_report(desa_a, client_for):
    from django.utils import timezone

    page = section(desa_a, "pengaduan")
    response = client_for(desa_a).get(page.url + "laporan/")
    assert response.status_code == 302
    year = timezone.localdate().year
    assert response["Location"].endswith(f"/pengaduan/laporan/{year}/")
    assert client_for(desa_a).get(response["Location"]).status_code == 200


def test_choice_labels_translate_only_the_label_shown():
    from django.utils import translation

    from pengaduan.models import TindakLanjut
    from pengaduan.models.pengaduan import Jenis

    item = Pengaduan(status=Status.SELESAI, jenis=Jenis.PENGADUAN)
    with translation.override("id"):
        assert item.get_status_display() == "Selesai"
        assert item.get_jenis_display() == str(Jenis.PENGADUAN.label)
    with translation.override("en"):
        assert item.get_status_display() == "Closed"
    # Unknown and empty values come back as they are, as with Django's own version.
    assert Pengaduan(status="hilang").get_status_display() == "hilang"
    assert TindakLanjut(ke_status="").get_ke_status_display() == ""
