"""Information requests: rules, public form, register, report, scoped admin; CSV import."""

import re
from datetime import datetime
from decimal import Decimal as D
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from sitecore.kalender.rules import KalenderKerja
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_transparansi_halaman import buat_apbdes
from transparansi.anggaran.impor import baca_csv
from transparansi.models import PermohonanInformasi
from transparansi.permohonan import aturan

WITA = ZoneInfo("Asia/Makassar")
KAL = KalenderKerja(tz=WITA)
SENIN = datetime(2026, 11, 16, 9, 0, tzinfo=WITA)

FORM = {
    "nama": "Rahmat Hidayat",
    "alamat": "Dusun Lendang Re RT 02",
    "telepon": "0819 1111 2222",
    "jenis_identitas": "ktp",
    "rincian": "Salinan SPJ pembangunan jalan usaha tani 2026",
    "tujuan": "Pemantauan warga",
    "cara_memperoleh": "salinan_digital",
    "cara_menerima": "whatsapp",
    "setuju": "on",
    "captcha_0": "x",
    "captcha_1": "PASSED",
}


def permohonan(site, now=SENIN):
    p = PermohonanInformasi(
        site=site,
        nama="Ani",
        alamat="Dusun A",
        jenis_identitas="ktp",
        rincian="APBDes",
        tujuan="Tahu",
        cara_memperoleh="melihat",
        cara_menerima="ambil",
    )
    return aturan.daftarkan(p, now=now, kalender=KAL)


@pytest.mark.django_db
def test_registration_number_and_ten_working_day_deadline(desa_a):
    p = permohonan(desa_a)
    assert p.nomor == "001/PPID/2026"
    assert p.tenggat == datetime(2026, 11, 30, 23, 59, 59, tzinfo=WITA)
    assert permohonan(desa_a).nomor == "002/PPID/2026"


@pytest.mark.django_db
def test_one_extension_of_at_most_seven_working_days(desa_a):
    p = permohonan(desa_a)
    with pytest.raises(ValidationError):
        aturan.perpanjang(p, "Dokumen di kecamatan", hari=8, now=SENIN, kalender=KAL)
    aturan.perpanjang(p, "Dokumen di kecamatan", hari=7, now=SENIN, kalender=KAL)
    assert p.tenggat.date().isoformat() == "2026-12-09"
    with pytest.raises(ValidationError):
        aturan.perpanjang(p, "Lagi", hari=1, now=SENIN, kalender=KAL)


@pytest.mark.django_db
def test_refusal_needs_reason_and_legal_basis_then_objection_path(desa_a):
    p = permohonan(desa_a)
    with pytest.raises(ValidationError):
        aturan.ajukan_keberatan(p, "ditolak", now=SENIN, kalender=KAL)  # no grounds yet
    with pytest.raises(ValidationError):
        aturan.putuskan(p, "ditolak", "Maaf", now=SENIN)
    diputus = datetime(2026, 11, 20, 10, tzinfo=WITA)
    aturan.putuskan(
        p, "ditolak", "Maaf", "dikecualikan", "UU 14/2008 Pasal 17 huruf h", now=diputus
    )
    assert p.status == "selesai"
    assert aturan.batas_keberatan(p, kalender=KAL).date().isoformat() == "2027-01-01"
    too_late = datetime(2027, 1, 4, 9, tzinfo=WITA)
    with pytest.raises(ValidationError):
        aturan.ajukan_keberatan(p, "ditolak", now=too_late, kalender=KAL)
    aturan.ajukan_keberatan(p, "ditolak", "Bukan data pribadi", now=diputus, kalender=KAL)
    assert p.status == "keberatan"
    assert p.tenggat_keberatan.date().isoformat() == "2027-01-01"
    aturan.jawab_keberatan(p, "Keberatan diterima, salinan diberikan", True, now=diputus)
    assert p.status == "keberatan_selesai" and p.keberatan_diterima


@pytest.mark.django_db
def test_missed_deadline_is_ground_for_objection(desa_a):
    p = permohonan(desa_a)
    later = datetime(2026, 12, 2, 9, tzinfo=WITA)
    assert aturan.terlambat(p, now=later)
    aturan.ajukan_keberatan(p, "tidak_ditanggapi", now=later, kalender=KAL)
    assert p.keberatan_pada == later


@pytest.mark.django_db
def test_annual_report_figures(desa_a):
    a, b, c, d = (permohonan(desa_a) for _ in range(4))
    aturan.putuskan(a, "penuh", "Terlampir", now=datetime(2026, 11, 18, 9, tzinfo=WITA))
    aturan.putuskan(
        b,
        "ditolak",
        "Maaf",
        "tidak_dikuasai",
        "Pasal 22",
        now=datetime(2026, 11, 20, 9, tzinfo=WITA),
    )
    aturan.putuskan(
        c,
        "sebagian",
        "Sebagian",
        "dikecualikan",
        "Pasal 17",
        now=datetime(2026, 11, 23, 9, tzinfo=WITA),
    )
    laporan = aturan.laporan_tahunan([a, b, c, d], 2026, KAL, now=SENIN)
    assert (laporan.jumlah, laporan.dikabulkan_penuh, laporan.dikabulkan_sebagian) == (4, 1, 1)
    assert (laporan.ditolak, laporan.belum_diputus) == (1, 1)
    assert dict(laporan.alasan_penolakan) == {"tidak_dikuasai": 1, "dikecualikan": 1}
    assert laporan.rata_rata_hari == D("3.7")  # (2 + 4 + 5) / 3 = 3.67 working days


@pytest.mark.django_db
def test_public_form_receipt_register_and_report(desa_a, desa_b, client_for):
    client = client_for(desa_a)
    url = section(desa_a, "transparansi").url + "permohonan/"
    get = client.get(url)
    assert "no-cache" in get["Cache-Control"] or "max-age=0" in get["Cache-Control"]
    bad = client.post(url, {**FORM, "captcha_1": "SALAH"})
    assert "Kode keamanan salah" in bad.content.decode()
    response = client.post(url, FORM)
    assert response.status_code == 302
    p = PermohonanInformasi.objects.get()
    assert p.site == desa_a and p.nomor.endswith("/PPID/" + str(p.diterima_pada.year))
    receipt = client.get(response["Location"])
    assert "max-age=0" in receipt["Cache-Control"]
    assert p.nomor in receipt.content.decode()
    # The receipt code belongs to village A only.
    assert (
        client_for(desa_b)
        .get(section(desa_b, "transparansi").url + f"permohonan/{p.kode_lacak}/")
        .status_code
        == 404
    )
    p.ringkasan_publik = "SPJ jalan usaha tani"
    p.save()
    register = client.get(section(desa_a, "transparansi").url + "register/").content.decode()
    assert p.nomor in register and "SPJ jalan usaha tani" in register
    assert "Rahmat" not in register and "0819" not in register
    laporan = client.get(section(desa_a, "transparansi").url + "laporan/").content.decode()
    assert "Jumlah permohonan" in laporan


@pytest.mark.django_db
def test_honeypot_and_rate_limit(desa_a, client_for):
    client = client_for(desa_a)
    url = section(desa_a, "transparansi").url + "permohonan/"
    client.post(url, {**FORM, "situs_web": "http://spam.example"})
    assert PermohonanInformasi.objects.count() == 0
    for _ in range(aturan_limit()):
        client.post(url, FORM)
    assert PermohonanInformasi.objects.count() == aturan_limit()
    blocked = client.post(url, FORM)
    assert "Terlalu banyak permohonan" in blocked.content.decode()
    assert PermohonanInformasi.objects.count() == aturan_limit()


def aturan_limit():
    from transparansi.permohonan.views import RATE_LIMIT

    return RATE_LIMIT


@pytest.mark.django_db
def test_admin_requests_scoped_to_own_village(desa_a, desa_b, make_staff, client_for):
    pa, pb = permohonan(desa_a), permohonan(desa_b)
    ppid_a = make_staff(desa_a, Peran.PPID)
    client = client_for(desa_a)
    client.force_login(ppid_a)
    index = client.get("/admin/permohonan_informasi/")
    assert index.status_code == 200
    assert pa.nama in index.content.decode()
    edit_b = client.get(f"/admin/permohonan_informasi/edit/{pb.pk}/")
    assert edit_b.status_code == 404
    assert client.get(f"/admin/permohonan_informasi/inspect/{pb.pk}/").status_code == 404
    assert client.get(f"/admin/permohonan_informasi/history/{pb.pk}/").status_code == 404
    assert client.post(f"/admin/permohonan_informasi/delete/{pb.pk}/").status_code == 404
    response = client.post(
        f"/admin/permohonan_informasi/edit/{pa.pk}/",
        {
            "ringkasan_publik": "APBDes 2026",
            "tindakan": "putuskan",
            "keputusan_baru": "penuh",
            "jawaban_baru": "Salinan terlampir.",
        },
    )
    assert response.status_code == 302
    pa.refresh_from_db()
    assert pa.keputusan == "penuh" and pa.ringkasan_publik == "APBDes 2026"
    # A volunteer has no access to requests at all.
    relawan = make_staff(desa_a, Peran.RELAWAN_JID)
    client.force_login(relawan)
    assert client.get(f"/admin/permohonan_informasi/edit/{pa.pk}/").status_code in (302, 403)


@pytest.mark.django_db
def test_budget_editing_permissions(desa_a, desa_b, make_staff, client_for):
    page_b = buat_apbdes(desa_b)
    page_a = buat_apbdes(desa_a)
    client = client_for(desa_a)
    client.force_login(make_staff(desa_a, Peran.PPID))
    assert client.get(f"/admin/pages/{page_a.id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{page_b.id}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/transparansi/apbdes/{page_b.id}/impor/").status_code == 404
    client.force_login(make_staff(desa_a, Peran.RELAWAN_JID))
    assert client.get(f"/admin/pages/{page_a.id}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/transparansi/apbdes/{page_a.id}/impor/").status_code == 404


def test_csv_validation_lists_every_bad_row():
    text = (
        "kode;uraian;sumber_dana;anggaran;realisasi;tanggal_realisasi\n"
        "4.2.1;Dana Desa;;1.000.000.000;0;\n"
        "4.2.8;Tak dikenal;;10;0;\n"
        "2.3.01;Jalan;;abc;0;\n"
        "4.2.1;Dana Desa lagi;;5;0;31/13/2026\n"
    )
    rows, errors = baca_csv(text)
    assert [n for n, _m in errors] == [3, 4, 5]
    # A belanja line may omit its fund source (printed budgets often do).
    assert "sumber dana" not in errors[1][1] and "anggaran" in errors[1][1]
    assert rows[0]["anggaran"] == D(1_000_000_000)


@pytest.mark.django_db
def test_csv_import_all_or_nothing_into_a_draft(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = client_for(desa_a)
    client.force_login(make_staff(desa_a, Peran.PPID))
    url = f"/admin/transparansi/apbdes/{page.id}/impor/"
    bad = "kode,uraian,sumber_dana,anggaran\n4.2.1,Dana Desa,,900000000\n9.9.9,Salah,,1\n"
    response = client.post(url, {"berkas": SimpleUploadedFile("a.csv", bad.encode())})
    assert "Baris 3" in response.content.decode()
    assert page.revisions.count() == 1
    good = (
        "kode,uraian,sumber_dana,anggaran,realisasi\n"
        "4.2.1,Dana Desa,,900000000,100\n"
        "2.3.01,Jalan,DDS,800000000,0\n"
    )
    response = client.post(url, {"berkas": SimpleUploadedFile("a.csv", good.encode())})
    assert response.status_code == 302
    page.refresh_from_db()
    draft = page.get_latest_revision_as_object()
    assert [b.kode for b in draft.baris.all()] == ["4.2.1", "2.3.01"]
    assert page.baris.count() == 5  # live version untouched until published
    assert client.get("/admin/transparansi/templat-apbdes.xlsx").status_code == 200


def test_request_form_radio_choices_have_no_empty_option():
    from transparansi.permohonan.forms import PermohonanForm

    form = PermohonanForm()
    for name in ("cara_memperoleh", "cara_menerima"):
        assert all(value for value, _label in form.fields[name].choices)
        assert "---------" not in str(form[name])


def test_request_form_controls_are_labelled_on_the_page(desa_a, client_for):
    url = section(desa_a, "transparansi").url + "permohonan/"
    html = client_for(desa_a).get(url).content.decode()
    # Each radio sits inside its own label, beside its text, tied by for/id.
    pattern = r'<label class="check" for="(id_cara_memperoleh_\d)"><input[^>]+id="(\1)"'
    pattern += r"[^>]*> ([^<]+)"
    radios = re.findall(pattern, html)
    assert len(radios) >= 3 and all(text.strip() for _, _, text in radios)
    # The identity dropdown asks for a choice instead of showing "---------".
    identitas = html[html.index('name="jenis_identitas"') :].split("</select>")[0]
    assert "---------" not in identitas and "— pilih jenis identitas —" in identitas
    assert '<label for="id_jenis_identitas">' in html
