"""Officers' workspace: offline intake and receipt, dashboard panel, reminders, response
templates, redaction, and the feedback report over a custom date range."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from pengaduan import layanan
from pengaduan.models import Notifikasi, Pengaduan, TemplateTanggapan
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status, TransitionError
from sitecore.models import DesaLogEntry
from sitecore.models.roles import Peran
from tests.conftest import section

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")


def _item(site, t=None, **extra):
    data = {"jenis": "pengaduan", "judul": "Judul asli", "uraian": "Uraian asli rahasia."}
    data.update(extra)
    return layanan.buat_pengaduan(site=site, data=data, diterima_pada=t)[0]


# --- offline intake -> receipt ------------------------------------------------------


@pytest.mark.django_db
def test_offline_item_recorded_by_officer_gets_code_pin_and_printable_receipt(
    desa_a, desa_b, make_staff, client
):
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    form = client.get("/admin/pengaduan/item/new/")
    assert form.status_code == 200
    choices = form.context["form"].fields["site"].queryset
    assert list(choices) == [desa_a]  # only the officer's own village
    # 09:30 typed by a WITA village officer means 09:30 WITA, whatever the admin's zone.
    post = {
        "site": desa_a.pk,
        "kanal": "telepon",
        "diterima_pada": "2026-03-02 09:30",
        "jenis": "pengaduan",
        "judul": "Air bersih mati di dusun",
        "uraian": "Warga menelepon kantor desa: air bersih mati sejak kemarin.",
        "nama": "Pak Darto",
        "telepon": "0812 1111 2222",
        "persetujuan": "on",
    }
    response = client.post("/admin/pengaduan/item/new/", post)
    item = Pengaduan.objects.get(judul="Air bersih mati di dusun")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pengaduan/item/{item.pk}/tanda-terima/"
    assert item.site == desa_a and item.kanal == "telepon" and item.dicatat_oleh == officer
    assert item.diterima_pada == datetime(2026, 3, 2, 9, 30, tzinfo=WITA)
    assert item.tindak_lanjut.get().ke_status == Status.DITERIMA
    receipt = client.get(response["Location"])
    html = receipt.content.decode()
    assert "no-store" in receipt["Cache-Control"]
    assert item.kode in html and "09:30 WITA" in html and "Senin, 2 Maret 2026" in html
    assert f"/pengaduan/lacak/{item.kode}/" in html
    pin = receipt.context["pin"]
    assert pin and pin.isdigit() and item.check_pin(pin)
    # The workspace shows the village's local time too, whatever zone the admin host has.
    inspect = client.get(f"/admin/pengaduan/item/inspect/{item.pk}/").content.decode()
    assert "2 Maret 2026 09:30" in inspect
    # The PIN is printed once: a reprint shows the code only.
    again = client.get(response["Location"]).content.decode()
    assert pin not in again and item.kode in again
    # Another village cannot be chosen, and its receipts are not reachable.
    bad = client.post("/admin/pengaduan/item/new/", {**post, "site": desa_b.pk, "judul": "X"})
    assert bad.status_code == 200 and not Pengaduan.objects.filter(judul="X").exists()
    other = _item(desa_b)
    assert client.get(f"/admin/pengaduan/item/{other.pk}/tanda-terima/").status_code == 404


@pytest.mark.django_db
def test_offline_item_cannot_be_dated_in_the_future(desa_a, make_staff, client):
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    later = timezone.localtime(timezone.now() + timedelta(days=3), WITA)
    response = client.post(
        "/admin/pengaduan/item/new/",
        {
            "site": desa_a.pk,
            "kanal": "surat",
            "diterima_pada": later.strftime("%Y-%m-%d %H:%M"),
            "jenis": "saran",
            "judul": "Surat dari warga",
            "uraian": "Isi surat.",
        },
    )
    assert response.status_code == 200
    assert "masa depan" in response.content.decode()
    assert not Pengaduan.objects.exists()


# --- dashboard panel ----------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_panel_shows_due_soon_and_overdue_per_village(desa_a, desa_b, make_staff, client):
    now = timezone.now()
    overdue = _item(desa_a, judul="Sudah lewat tenggat")
    soon = _item(desa_a, judul="Jatuh tempo sebentar lagi")
    later = _item(desa_a, judul="Masih lama")
    closed = _item(desa_a, judul="Sudah ditolak")
    other = _item(desa_b, judul="Milik desa lain")
    Pengaduan.objects.filter(pk=overdue.pk).update(tenggat_selesai=now - timedelta(hours=5))
    Pengaduan.objects.filter(pk=soon.pk).update(tenggat_selesai=now + timedelta(hours=5))
    Pengaduan.objects.filter(pk=later.pk).update(tenggat_selesai=now + timedelta(days=4))
    Pengaduan.objects.filter(pk=closed.pk).update(
        status=Status.DITOLAK, tenggat_selesai=now - timedelta(days=1)
    )
    Pengaduan.objects.filter(pk=other.pk).update(tenggat_selesai=now - timedelta(hours=5))

    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    html = client.get("/admin/").content.decode()
    assert "Pengaduan: tenggat layanan" in html and desa_a.site_name in html
    assert "3 baru · 1 jatuh tempo dalam 24 jam · 1 lewat tenggat" in html
    assert overdue.kode in html and soon.kode in html
    assert html.count("<strong>lewat tenggat</strong>") == 1  # only the overdue one
    assert "/admin/pengaduan/laporan/" in html
    assert later.kode not in html and closed.kode not in html
    assert other.kode not in html and desa_b.site_name not in html

    client.force_login(make_staff(desa_b, Peran.KOORDINATOR_PENGADUAN))
    html = client.get("/admin/").content.decode()
    assert other.kode in html and overdue.kode not in html

    client.force_login(make_staff(desa_a, Peran.EDITOR))
    assert "Pengaduan: tenggat layanan" not in client.get("/admin/").content.decode()


# --- reminders ------------------------------------------------------------------------


@pytest.mark.django_db
def test_reminder_command_mails_before_the_deadline_and_only_once(
    desa_a, make_staff, django_capture_on_commit_callbacks
):
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    in_charge = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    now = timezone.now()
    due = _item(desa_a, judul="Hampir lewat")
    Pengaduan.objects.filter(pk=due.pk).update(
        tenggat_selesai=now + timedelta(hours=3), petugas=in_charge
    )
    unassigned = _item(desa_a, judul="Tanpa petugas")
    Pengaduan.objects.filter(pk=unassigned.pk).update(tenggat_selesai=now + timedelta(hours=20))
    far = _item(desa_a, judul="Masih jauh")
    Pengaduan.objects.filter(pk=far.pk).update(tenggat_selesai=now + timedelta(days=3))
    paused = _item(desa_a, judul="Menunggu pelapor")
    Pengaduan.objects.filter(pk=paused.pk).update(
        status=Status.MENUNGGU_PELAPOR, tenggat_selesai=now + timedelta(hours=1)
    )
    mail.outbox.clear()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingatkan_tenggat", stdout=out)
    assert "pengingat=2" in out.getvalue()
    sent = {(m.to[0], m.subject) for m in mail.outbox}
    # The officer in charge gets it; without one, every complaints officer does.
    assert (in_charge.email, f"[{desa_a.site_name}] Tenggat {due.kode}") in sent
    assert (officer.email, f"[{desa_a.site_name}] Tenggat {unassigned.kode}") in sent
    assert (officer.email, f"[{desa_a.site_name}] Tenggat {due.kode}") not in sent
    assert not any(far.kode in s or paused.kode in s for _to, s in sent)
    body = next(m.body for m in mail.outbox if due.kode in m.subject)
    assert f"/admin/pengaduan/item/inspect/{due.pk}/" in body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ingatkan_tenggat", stdout=io.StringIO())
    assert mail.outbox == []
    assert Notifikasi.objects.filter(subjek__contains="Tenggat").count() == 3


# --- response templates ---------------------------------------------------------------


@pytest.mark.django_db
def test_response_template_viewset_is_scoped(desa_a, desa_b, make_staff, client):
    mine = TemplateTanggapan.objects.create(
        site=desa_a, status=Status.DIVERIFIKASI, judul="Cek lapangan", teks="Kami cek."
    )
    theirs = TemplateTanggapan.objects.create(
        site=desa_b, status=Status.DIVERIFIKASI, judul="Rahasia Beta", teks="Teks Beta."
    )
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    index = client.get("/admin/pengaduan/template/").content.decode()
    assert "Cek lapangan" in index and "Rahasia Beta" not in index
    for url in (
        f"/admin/pengaduan/template/edit/{theirs.pk}/",
        f"/admin/pengaduan/template/delete/{theirs.pk}/",
        f"/admin/pengaduan/template/history/{theirs.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/admin/pengaduan/template/edit/{mine.pk}/").status_code == 200
    created = client.post(
        "/admin/pengaduan/template/new/",
        {"site": desa_a.pk, "status": "selesai", "judul": "Beres", "teks": "Sudah beres."},
    )
    assert created.status_code == 302
    assert TemplateTanggapan.objects.get(judul="Beres").site == desa_a
    refused = client.post(
        "/admin/pengaduan/template/new/",
        {"site": desa_b.pk, "status": "selesai", "judul": "Susupan", "teks": "x"},
    )
    assert refused.status_code == 200 and not TemplateTanggapan.objects.filter(judul="Susupan")
    edit = client.post(
        f"/admin/pengaduan/template/edit/{theirs.pk}/",
        {"site": desa_a.pk, "status": "selesai", "judul": "Dibajak", "teks": "x"},
    )
    assert edit.status_code == 404
    theirs.refresh_from_db()
    assert theirs.judul == "Rahasia Beta"


@pytest.mark.django_db
def test_transition_form_offers_templates_for_the_allowed_steps(desa_a, desa_b, make_staff, client):
    TemplateTanggapan.objects.create(
        site=desa_a, status=Status.DIVERIFIKASI, judul="Cek lapangan", teks="Petugas cek besok."
    )
    TemplateTanggapan.objects.create(
        site=desa_a, status=Status.SELESAI, judul="Beres", teks="Sudah beres."
    )
    TemplateTanggapan.objects.create(
        site=desa_b, status=Status.DIVERIFIKASI, judul="Milik Beta", teks="Teks Beta."
    )
    item = _item(desa_a)
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    url = f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/"
    html = client.get(url).content.decode()
    assert 'data-template-untuk="id_catatan_publik"' in html
    assert "Cek lapangan" in html and 'data-teks="Petugas cek besok."' in html
    # Only steps legal from "diterima": no closing template, nothing from another village.
    assert "Sudah beres." not in html and "Milik Beta" not in html
    assert "js/pengaduan-admin.js" in html and "<script>" not in html
    template = next(
        t for t in TemplateTanggapan.objects.filter(site=desa_a) if t.judul == "Cek lapangan"
    )

    # Without JS: "Pakai template" returns the form filled in, and saves nothing.
    filled = client.post(
        url, {"ke_status": "ditolak", "template": f"t:{template.pk}", "pakai_template": "1"}
    )
    assert filled.status_code == 200
    form = filled.context["form"]
    assert form["catatan_publik"].value() == "Petugas cek besok."
    assert form["ke_status"].value() == "diverifikasi"  # the template's own step
    item.refresh_from_db()
    assert item.status == Status.DITERIMA and item.tindak_lanjut.count() == 1

    # A default template works the same way.
    filled = client.post(url, {"template": "bawaan:menunggu_pelapor", "pakai_template": "1"})
    assert "keterangan tambahan dari pelapor" in filled.context["form"]["catatan_publik"].value()

    saved = client.post(
        url,
        {
            "ke_status": "diverifikasi",
            "catatan_publik": "Petugas cek besok (diubah).",
            "judul_publik": client.get(url).context["form"]["judul_publik"].value(),
        },
    )
    assert saved.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DIVERIFIKASI
    assert item.tindak_lanjut.last().catatan_publik == "Petugas cek besok (diubah)."


# --- redaction -------------------------------------------------------------------------


@pytest.mark.django_db
def test_redaction_keeps_the_original_for_officers_and_publishes_only_public_text(
    desa_a, make_staff, client, client_for
):
    item = _item(
        desa_a,
        judul="Pak Kades Budi menyelewengkan dana",
        uraian="Nama saya Siti, rumah saya di RT 03, saya lihat Pak Budi mengambil uang.",
        nama="Siti Rahmawati",
        telepon="0812 3456 7890",
    )
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    edit = client.post(
        f"/admin/pengaduan/item/edit/{item.pk}/",
        {
            "urgensi": "penting",
            "judul_publik": "Dugaan penyalahgunaan dana desa",
            "ringkasan_publik": "Warga melaporkan dugaan penyalahgunaan dana desa.",
        },
    )
    assert edit.status_code == 302
    item.refresh_from_db()
    assert item.judul == "Pak Kades Budi menyelewengkan dana"  # the original is kept
    assert DesaLogEntry.objects.filter(object_id=str(item.pk), action="wagtail.edit").exists()

    # Not public before verification, even with a public text.
    register = section(desa_a, "pengaduan").url + "register/"
    public = client_for(desa_a)
    assert item.kode not in public.get(register).content.decode()
    layanan.ubah_status(item, Status.DIVERIFIKASI, user=officer)

    coordinator = make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN)
    client.force_login(coordinator)
    inspect = client.get(f"/admin/pengaduan/item/inspect/{item.pk}/").content.decode()
    assert "Pak Kades Budi menyelewengkan dana" in inspect and "mengambil uang" in inspect
    assert "Dugaan penyalahgunaan dana desa" in inspect

    outputs = [
        public.get(register),
        public.get(register + f"{item.kode}/"),
        public.get(register + "csv/"),
        public.get(register + "json/"),
        public.get(register + "rss/"),
    ]
    for response in outputs:
        assert response.status_code == 200
        text = response.content.decode()
        assert item.kode in text
        assert "Budi" not in text and "Siti" not in text and "3456" not in text
        assert "RT 03" not in text
    assert "Dugaan penyalahgunaan dana desa" in outputs[1].content.decode()


# --- feedback report over a custom range --------------------------------------------------


def _laporan_data(site):
    for day, jenis in ((date(2026, 1, 5), "saran"), (date(2026, 2, 2), "pengaduan"),
                       (date(2026, 4, 6), "pengaduan")):  # fmt: skip
        _item(site, jenis=jenis, t=datetime.combine(day, datetime.min.time(), WIB).replace(hour=9))


@pytest.mark.django_db
def test_admin_report_custom_range_scoped_and_exportable(desa_a, desa_b, make_staff, client):
    _laporan_data(desa_b)
    _laporan_data(desa_a)
    client.force_login(make_staff(desa_b, Peran.KOORDINATOR_PENGADUAN))
    url = "/admin/pengaduan/laporan/"
    default = client.get(url)
    assert default.status_code == 200 and default.context["site"] == desa_b
    q = f"?site={desa_b.pk}&mulai=2026-01-01&sampai=2026-03-31"
    page = client.get(url + q)
    assert page.status_code == 200
    d = page.context["d"]
    assert d["total"] == 2  # the April item is outside the quarter
    assert dict(d["per_jenis"]) == {"Saran": 1, "Pengaduan": 1}
    html = page.content.decode()
    assert "<svg" in html and "Menurut jenis" in html and "1 Januari 2026" in html
    assert "31 Maret 2026" in html

    csv = client.get(url + q + "&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode()
    assert "01-01-2026 – 31-03-2026" in text and "Laporan masuk,2" in text
    xlsx = client.get(url + q + "&format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = [tuple(c for c in r if c is not None) for r in sheet.iter_rows(values_only=True)]
    assert ("Laporan masuk", 2) in rows

    # Another village's report is a 404, whatever the format; bad ranges are explained.
    for fmt in ("", "&format=csv"):
        other = f"?site={desa_a.pk}&mulai=2026-01-01&sampai=2026-03-31{fmt}"
        assert client.get(url + other).status_code == 404
    assert client.get(url + "?site=abc").status_code == 404
    bad = client.get(url + f"?site={desa_b.pk}&mulai=2026-05-01&sampai=2026-03-31")
    assert bad.status_code == 400 and "sesudah tanggal awal" in bad.content.decode()

    client.force_login(make_staff(desa_b, Peran.EDITOR))
    assert client.get(url).status_code in (302, 403)


# --- redacted photo publishing -----------------------------------------------------------


def _png(color):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (16, 12), color).save(out, "PNG")
    return SimpleUploadedFile("foto.png", out.getvalue(), "image/png")


@pytest.mark.django_db
def test_redacted_photo_is_published_only_when_an_officer_chooses_to(
    desa_a, desa_b, make_staff, client, client_for
):
    from pengaduan.berkas import periksa_berkas
    from pengaduan.models import Lampiran

    item = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "judul": "Jalan rusak", "uraian": "Foto wajah tetangga."},
        berkas=[periksa_berkas(_png((200, 0, 0)))],
    )[0]
    item.judul_publik, item.ringkasan_publik = "Jalan rusak di dusun", "Perlu perbaikan."
    item.save()
    layanan.ubah_status(item, Status.DIVERIFIKASI)
    asli = item.lampiran.get()
    register = section(desa_a, "pengaduan").url + "register/"
    public = client_for(desa_a)

    # Default: the original is private and never reachable from the register.
    assert "/foto/" not in public.get(register + f"{item.kode}/").content.decode()
    assert public.get(register + f"{item.kode}/foto/{asli.pk}/").status_code == 404
    with pytest.raises(TransitionError, match="salinan foto"):
        layanan.atur_publik(asli, True)

    # Another village's officer cannot touch it.
    client.force_login(make_staff(desa_b, Peran.KOORDINATOR_PENGADUAN))
    url = f"/admin/pengaduan/item/lampiran/{asli.pk}/tersamar/"
    assert client.post(url, {"berkas": _png((0, 0, 0)), "publik": "on"}).status_code == 404

    # The officer uploads a redacted copy without publishing it: still private.
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    inspect = client.get(f"/admin/pengaduan/item/inspect/{item.pk}/").content.decode()
    assert "Unggah salinan tersamar" in inspect
    assert client.post(url, {"berkas": _png((0, 0, 200))}).status_code == 302
    salinan = Lampiran.objects.get(salinan_dari=asli)
    assert not salinan.publik and not salinan.dari_pelapor
    assert public.get(register + f"{item.kode}/foto/{salinan.pk}/").status_code == 404

    # Deliberately published: shown on the register and served; the original still not.
    toggle = f"/admin/pengaduan/item/lampiran/{salinan.pk}/publik/"
    assert client.post(toggle, {"publik": "1"}).status_code == 302
    page = public.get(register + f"{item.kode}/").content.decode()
    assert f"/foto/{salinan.pk}/" in page and f"/foto/{asli.pk}/" not in page
    assert f"/foto/{salinan.pk}/" in public.get(register).content.decode()
    photo = public.get(register + f"{item.kode}/foto/{salinan.pk}/")
    assert photo.status_code == 200 and photo["Content-Type"] == "image/png"
    assert photo["X-Content-Type-Options"] == "nosniff"
    assert public.get(register + f"{item.kode}/foto/{asli.pk}/").status_code == 404
    # Publishing the original through the toggle is refused.
    client.post(f"/admin/pengaduan/item/lampiran/{asli.pk}/publik/", {"publik": "1"})
    asli.refresh_from_db()
    assert not asli.publik

    # A confidential item never shows photos, even a published copy.
    Pengaduan.objects.filter(pk=item.pk).update(laporan_rahasia=True)
    assert public.get(register + f"{item.kode}/foto/{salinan.pk}/").status_code == 404
    Pengaduan.objects.filter(pk=item.pk).update(laporan_rahasia=False)

    # Hidden again.
    assert client.post(toggle, {"publik": "0"}).status_code == 302
    assert public.get(register + f"{item.kode}/foto/{salinan.pk}/").status_code == 404
    actions = set(
        DesaLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", flat=True)
    )
    assert {"pengaduan.salinan", "pengaduan.lampiran_publik"} <= actions
    # GET never changes anything.
    assert client.get(toggle).status_code == 404
