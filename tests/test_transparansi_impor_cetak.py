"""APBDes import of a table as printed (Perkades/Siskeudes), driven as a PPID editor does.

Figures of the printed table, by hand:
  pendapatan 50.000.000 + 1.004.459.000 + 400.000.000 = 1.454.459.000 (4.2: 1.404.459.000)
  belanja 380.000.000 + 700.000.000 + 270.000.000 + 120.000.000 = 1.470.000.000
    (bidang 2 and sub-bidang 2.3: 970.000.000)
  surplus/(defisit) 1.454.459.000 − 1.470.000.000 = −15.541.000
  pembiayaan netto 45.541.000 − 30.000.000 = 15.541.000; SiLPA −15.541.000 + 15.541.000 = 0
"""

import io
import re
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_transparansi_halaman import TAHUN, buat_apbdes
from transparansi import apbdes as hitung
from transparansi.anggaran import cetak
from transparansi.anggaran.impor import baca_csv
from transparansi.anggaran.peringatan import peringatan_defisit
from transparansi.models import APBDesPage

NBSP = "\u00a0"

CETAK = """PERATURAN KEPALA DESA ALPHA NOMOR 5 TAHUN 2026;;;
PENJABARAN APBDES TAHUN ANGGARAN 2026;;;
KODE REKENING;URAIAN;ANGGARAN (Rp);SUMBER DANA
1;2;3;4
4;PENDAPATAN;Rp 1.454.459.000;
4.1;Pendapatan Asli Desa;50.000.000;
4.1.1;Hasil Usaha Desa;50.000.000;
4.2;Pendapatan Transfer;1.404.459.000;
4.2.1;Dana Desa;1.004.459.000,00;
4.2.3;Alokasi Dana Desa;400000000;
;JUMLAH PENDAPATAN;1.454.459.000;
5;BELANJA;1.470.000.000;
1;BIDANG PENYELENGGARAAN PEMERINTAHAN DESA;380.000.000;
1.1;Sub Bidang Siltap, Tunjangan dan Operasional;380.000.000;
1.1.01;Penghasilan tetap kepala desa dan perangkat;380.000.000;ADD
2;BIDANG PELAKSANAAN PEMBANGUNAN DESA;970.000.000;
2.3;Sub Bidang Pekerjaan Umum dan Penataan Ruang;970.000.000;
2.3.01;Rehabilitasi jalan usaha tani;700.000.000;DDS
2.3.02;Pembangunan talud;270.000.000;
4;BIDANG PEMBERDAYAAN MASYARAKAT;120.000.000;
4.1;Sub Bidang Kelautan dan Perikanan;120.000.000;
4.1.01;Bibit ikan untuk kelompok nelayan;120.000.000;DDS
;JUMLAH BELANJA;1.470.000.000;
;SURPLUS/(DEFISIT);(15.541.000);
6;PEMBIAYAAN;;
6.1;Penerimaan Pembiayaan;45.541.000;
6.1.1;SiLPA tahun sebelumnya;45.541.000;
;JUMLAH PENERIMAAN PEMBIAYAAN;45.541.000;
6.2;Pengeluaran Pembiayaan;30.000.000;
6.2.2;Penyertaan modal BUMDes;30.000.000;
;JUMLAH PENGELUARAN PEMBIAYAAN;30.000.000;
;PEMBIAYAAN NETTO;15.541.000;
;SILPA TAHUN BERJALAN;0;
"""
KODE_BARIS = ["4.1.1", "4.2.1", "4.2.3", "1.1.01", "2.3.01", "2.3.02", "4.1.01", "6.1.1", "6.2.2"]


def _ppid(desa, make_staff, client_for):
    client = client_for(desa)
    client.force_login(make_staff(desa, Peran.PPID))
    return client


def _draf(page):
    page.refresh_from_db()
    return page.get_latest_revision_as_object()


def _galat(html):
    """The import view's error list, for assertion messages."""
    return html.partition('class="impor-errors"')[2].partition("</ul>")[0]


def _unggah(client, page, isi, nama="apbdes.csv", **extra):
    data = isi.encode() if isinstance(isi, str) else isi
    return client.post(
        f"/admin/transparansi/apbdes/{page.id}/impor/",
        {"berkas": SimpleUploadedFile(nama, data), **extra},
    )


# --- plain functions ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "teks,nilai",
    [
        ("1.004.459.000", D("1004459000")),
        ("1.004.459.000,00", D("1004459000")),
        ("Rp 1.004.459.000", D("1004459000")),
        ("Rp. 1.004.459.000,50", D("1004459000.50")),
        ("Rp1.004.459.000,-", D("1004459000")),
        ("1004459000", D("1004459000")),
        ("1004459000.5", D("1004459000.5")),  # our own CSV export
        ("0", D(0)),
    ],
)
def test_printed_amounts_are_read(teks, nilai):
    assert cetak.parse_rupiah(teks) == nilai


@pytest.mark.parametrize(
    "teks", ["1,004,459,000", "1.04.459", "12 juta", "abc", "-5", "(5)", "1004459000.123"]
)
def test_other_amount_forms_are_refused(teks):
    assert cetak.parse_rupiah(teks) is None


def test_subtotals_may_be_negative():
    assert cetak.parse_rupiah("(15.541.000)", negatif=True) == D(-15_541_000)
    assert cetak.parse_rupiah("-15.541.000", negatif=True) == D(-15_541_000)
    assert cetak.parse_rupiah("Rp -15.541.000", negatif=True) == D(-15_541_000)


def test_codes_4_and_4_1_mean_pendapatan_before_belanja_and_bidang_after():
    bagian = cetak.Bagian()
    jenis, sub = cetak.kenali(bagian, 5, "4.1", "Pendapatan Asli Desa")
    assert (jenis, sub.ukuran, sub.awalan) == (cetak.SUBTOTAL, cetak.PENDAPATAN, "4.1")
    assert cetak.kenali(bagian, 6, "", "BELANJA")[1].ukuran == cetak.BELANJA
    jenis, sub = cetak.kenali(bagian, 7, "4.1", "Sub Bidang Kelautan dan Perikanan")
    assert (sub.ukuran, sub.awalan) == (cetak.BELANJA, "4.1")
    assert cetak.kode_baris(bagian, "4.1.1") == "4.1.01"  # a kegiatan, not PADes
    assert cetak.kenali(bagian, 8, "", "SiLPA Tahun Berjalan")[1].ukuran == cetak.SILPA
    assert cetak.kenali(bagian, 9, "", "Catatan kaki", ada_angka=False)[0] == cetak.LEWATI
    assert cetak.kenali(bagian, 9, "", "Lain-lain", ada_angka=True)[0] == cetak.SALAH


def test_verification_names_the_subtotal_row_its_lines_and_both_amounts():
    rows, errors = baca_csv(CETAK.replace("700.000.000;DDS", "790.000.000;DDS"))
    pesan = dict(errors)
    assert pesan[17] == (
        f"2.3 Sub Bidang Pekerjaan Umum dan Penataan Ruang: anggaran tertulis Rp{NBSP}970.000.000,"
        f" sedangkan jumlah baris 18–19 Rp{NBSP}1.060.000.000"
    )
    # Every printed figure that includes the typo disagrees too; nothing else does.
    assert sorted(pesan) == [12, 16, 17, 23, 24, 33]
    assert f"tertulis -Rp{NBSP}15.541.000" in pesan[24]


def test_realisation_is_verified_when_printed():
    teks = (
        "kode,uraian,anggaran,realisasi\n"
        "4.2,Transfer,1.000.000,600.000\n"
        "4.2.1,Dana Desa,1.000.000,500.000\n"
    )
    rows, errors = baca_csv(teks)
    assert errors == [
        (
            2,
            f"4.2 Transfer: realisasi tertulis Rp{NBSP}600.000, sedangkan jumlah baris 3 "
            f"Rp{NBSP}500.000",
        )
    ]


def test_deficit_warning_from_the_headline_figures():
    rows, errors = baca_csv(
        "kode,uraian,anggaran,realisasi\n4.2.1,Dana Desa,100,100\n2.3.01,Jalan,150,120\n"
        "6.1.1,SiLPA,30,0\n"
    )
    assert not errors
    pesan = peringatan_defisit(hitung.ringkasan(cetak_baris(rows)))
    assert len(pesan) == 2  # budget: 100 − 150 + 30 = −20; realisation: 100 − 120 = −20
    assert f"SiLPA -Rp{NBSP}20" in pesan[0] and f"(-Rp{NBSP}20)" in pesan[1]
    ok = baca_csv("kode,uraian,anggaran\n4.2.1,Dana Desa,100\n2.3.01,Jalan,150\n6.1.1,SiLPA,50\n")
    assert peringatan_defisit(hitung.ringkasan(cetak_baris(ok[0]))) == []


def cetak_baris(rows):
    from types import SimpleNamespace

    return [SimpleNamespace(**r) for r in rows]


def test_amendment_merge_replaces_same_codes_and_adds_new_ones():
    from types import SimpleNamespace

    lama = [SimpleNamespace(kode="4.2.1"), SimpleNamespace(kode="2.3.1")]
    baru = [{"kode": "2.3.01", "anggaran": 5}, {"kode": "4.2.5", "anggaran": 7}]
    hasil = cetak.gabung_perubahan(lama, baru)
    assert hasil == [lama[0], baru[0], baru[1]]


# --- the import admin view -----------------------------------------------------------------


@pytest.mark.django_db
def test_printed_table_imports_lines_only_with_the_documents_totals(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = _ppid(desa_a, make_staff, client_for)
    response = _unggah(client, page, CETAK)
    assert response.status_code == 302, response.content.decode()[-3000:]
    page.refresh_from_db()
    draft = _draf(page)
    baris = list(draft.baris.all())
    assert [b.kode for b in baris] == KODE_BARIS  # no group or subtotal row stored
    assert {b.kode: b.kelompok for b in baris}["4.1.01"] == "belanja"
    r = hitung.ringkasan(baris)
    assert r.pendapatan.anggaran == D(1_454_459_000)
    assert r.belanja.anggaran == D(1_470_000_000)
    assert r.surplus.anggaran == D(-15_541_000)
    assert r.pembiayaan_netto.anggaran == D(15_541_000)
    assert r.silpa.anggaran == D(0)

    page.get_latest_revision().publish()
    html = client_for(desa_a).get(page.url).content.decode()
    assert f"Rp{NBSP}1.454.459.000" in html and f"Rp{NBSP}1.470.000.000" in html
    # The belanja without a printed source is shown as not stated, never as DLL.
    teks = re.sub(r"</?span[^>]*>", "", html)
    assert f"Tidak disebutkan (sumber dana tidak ada dalam dokumen): Rp{NBSP}270.000.000" in teks
    assert "sumber dana tidak disebutkan" in html and "DLL" not in html
    ekspor = client_for(desa_a).get(f"{page.url}csv/").content.decode()
    assert "2.3.02,Pembangunan talud,,,tidak disebutkan,270000000" in ekspor
    data = client_for(desa_a).get(f"{page.url}json/").json()
    assert {b["kode"]: b["sumber_dana"] for b in data["baris"]}["2.3.02"] == "tidak disebutkan"
    # The open-data CSV imports again as it is.
    assert _unggah(client, page, ekspor).status_code == 302


@pytest.mark.django_db
def test_a_wrong_subtotal_stores_nothing_and_names_rows_and_amounts(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = _ppid(desa_a, make_staff, client_for)
    salah = CETAK.replace("4.2;Pendapatan Transfer;1.404.459.000", "4.2;Transfer;1.404.549.000")
    response = _unggah(client, page, salah)
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        f"Baris 8: 4.2 Transfer: anggaran tertulis Rp{NBSP}1.404.549.000, sedangkan jumlah "
        f"baris 9–10 Rp{NBSP}1.404.459.000"
    ) in html
    assert page.revisions.count() == 1
    assert _draf(page).baris.count() == 5


@pytest.mark.django_db
def test_amount_formats_and_a_clear_error_naming_the_row(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = _ppid(desa_a, make_staff, client_for)
    teks = (
        "kode,uraian,anggaran\n"
        '4.2.1,Dana Desa,"1.004.459.000,00"\n'
        "4.2.3,ADD,Rp 400.000.000\n"
        "4.1.1,BUMDes,50000000\n"
        "2.3.01,Jalan,1.000.000\n"
    )
    assert _unggah(client, page, teks).status_code == 302
    draft = _draf(page)
    assert [b.anggaran for b in draft.baris.all()] == [
        D(1_004_459_000),
        D(400_000_000),
        D(50_000_000),
        D(1_000_000),
    ]
    response = _unggah(client, page, teks.replace("Rp 400.000.000", "400 juta"))
    assert "Baris 3: anggaran &#x27;400 juta&#x27; bukan angka rupiah" in response.content.decode()


@pytest.mark.django_db
def test_templates_download_and_import_as_they_are(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = _ppid(desa_a, make_staff, client_for)
    for fmt in ("csv", "xlsx"):
        templat = client.get(f"/admin/transparansi/templat-apbdes.{fmt}").content
        assert _unggah(client, page, templat, nama=f"templat.{fmt}").status_code == 302
    kode = [b.kode for b in _draf(page).baris.all()]
    assert kode == ["4.2.1", "4.2.3", "1.1.01", "2.2.01", "2.3.01", "6.1.1", "6.2.2"]


@pytest.mark.django_db
def test_amendment_import_can_replace_only_changed_lines(desa_a, make_staff, client_for):
    murni = buat_apbdes(desa_a, title="APBDes murni")
    perubahan = buat_apbdes(desa_a, versi="perubahan", title="APBDes perubahan")
    client = _ppid(desa_a, make_staff, client_for)
    form = client.get(f"/admin/transparansi/apbdes/{perubahan.id}/impor/").content.decode()
    assert "Hanya baris yang berubah" in form
    assert (
        "Hanya baris yang berubah"
        not in client.get(f"/admin/transparansi/apbdes/{murni.id}/impor/").content.decode()
    )
    teks = "kode,uraian,sumber_dana,anggaran\n2.3.01,Jalan,DDS,550000000\n4.2.5,BKK,,60000000\n"
    assert _unggah(client, perubahan, teks, cara="berubah").status_code == 302
    baris = {b.kode: b.anggaran for b in _draf(perubahan).baris.all()}
    assert baris == {
        "4.2.1": D(1_000_000_000),
        "4.2.3": D(400_000_000),
        "2.3.01": D(550_000_000),
        "1.1.01": D(380_000_000),
        "6.1.1": D(30_000_000),
        "4.2.5": D(60_000_000),
    }
    # A printed subtotal is checked against the merged page: 1.4 M + 60 juta.
    salah = "kode,uraian,anggaran\n,JUMLAH PENDAPATAN,1.400.000.000\n4.2.5,BKK,60000000\n"
    html = _unggah(client, perubahan, salah, cara="berubah").content.decode()
    assert f"jumlah baris 3 dan 2 baris yang sudah ada Rp{NBSP}1.460.000.000" in html, _galat(html)
    assert _unggah(client, perubahan, teks, cara="ganti").status_code == 302
    assert _draf(perubahan).baris.count() == 2
    # Murni: the file replaces all lines.
    assert _unggah(client, murni, teks).status_code == 302
    assert _draf(murni).baris.count() == 2


# --- one budget per village, year and version ---------------------------------------------


def _data_halaman(tahun, versi, slug):
    return nested_form_data(
        {
            "title": f"APBDes {tahun} {versi} baru",
            "slug": slug,
            "tahun": tahun,
            "versi": versi,
            "nomor_perdes": "",
            "tanggal_perdes": "",
            "dokumen": "",
            "catatan": rich_text(""),
            "baris": inline_formset([]),
            "action-publish": "action-publish",
        }
    )


@pytest.mark.django_db
def test_duplicate_budget_refused_in_the_admin_create_view(desa_a, desa_b, make_staff, client_for):
    ada = buat_apbdes(desa_a, title="APBDes Desa Alpha 2026")
    buat_apbdes(desa_b)  # the other village's budget of the same year is no duplicate
    parent = section(desa_a, "transparansi")
    client = _ppid(desa_a, make_staff, client_for)
    url = f"/admin/pages/add/transparansi/apbdespage/{parent.pk}/"
    response = client.post(url, _data_halaman(TAHUN, "murni", "apbdes-kembar"))
    assert response.status_code == 200
    assert "sudah ada: «APBDes Desa Alpha 2026»" in response.content.decode()
    assert APBDesPage.objects.child_of(parent).count() == 1
    # Copying it beside itself is the same duplicate, refused in Wagtail's copy form.
    salin = {"new_title": "Salinan", "new_slug": "salinan", "new_parent_page": parent.pk}
    response = client.post(f"/admin/pages/{ada.pk}/copy/", salin)
    assert response.status_code == 200 and "sudah ada" in response.content.decode()
    assert APBDesPage.objects.child_of(parent).count() == 1
    response = client.post(url, _data_halaman(TAHUN, "perubahan", "apbdes-perubahan"))
    assert response.status_code == 302
    assert APBDesPage.objects.child_of(parent).filter(tahun=TAHUN).count() == 2
    # Editing the live one into the other's version is refused as well.
    data = _data_halaman(TAHUN, "perubahan", ada.slug)
    response = client.post(f"/admin/pages/{ada.pk}/edit/", data)
    assert response.status_code == 200 and "sudah ada" in response.content.decode()


# --- no path answers 500 -------------------------------------------------------------------


def _xlsx(rows):
    from openpyxl import Workbook

    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.django_db
def test_no_import_path_answers_500(desa_a, desa_b, make_staff, client_for):
    buat_apbdes(desa_a, title="APBDes asli")
    page = buat_apbdes(desa_a, tahun=TAHUN - 1)
    # A duplicate made before the guard existed (the model check skips pages without pk).
    kembar = APBDesPage(title="APBDes kembar", tahun=TAHUN, versi="murni")
    section(desa_a, "transparansi").add_child(instance=kembar)
    lain = buat_apbdes(desa_b)
    client = _ppid(desa_a, make_staff, client_for)
    good = "kode,uraian,anggaran\n4.2.1,Dana Desa,100\n"
    cases = [
        (kembar, good, "x.csv", "sudah ada: «APBDes asli»"),
        (page, b"PK\x03\x04 not really a workbook", "x.xlsx", "XLSX tidak dapat dibaca"),
        (page, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1old", "x.xls", "XLS lama"),
        (page, good.encode("utf-16"), "x.csv", None),  # Excel "Unicode text"
        (
            page,
            "kode;uraian;anggaran\n2.3.01;Jalan désa – RT 2;100\n".encode("cp1252"),
            "x.csv",
            None,
        ),
        (page, b"", "x.csv", "kosong"),
        (page, b"\n\n;;\n", "x.csv", "kosong"),
        (page, "nama,jumlah\nA,1\n", "x.csv", "Kolom wajib tidak ada"),
        (
            page,
            "kode,uraian,anggaran\n4.2.1,Dana Desa,99999999999999999\n",
            "x.csv",
            "terlalu besar",
        ),
        (
            page,
            "kode,uraian,anggaran\n,JUMLAH BELANJA,1" + "0" * 40 + "\n4.2.1,DD,1\n",
            "x.csv",
            "terlalu besar",
        ),
        (page, b"\x00\x01\x02binary", "x.csv", "bukan CSV"),
        (
            page,
            'kode,uraian,anggaran\n4.2.1,"' + "x" * 200_000 + '",1\n',
            "x.csv",
            "tidak dapat dibaca",
        ),
        (page, "kode,uraian,anggaran\n4.2.1,Dana Desa\n", "x.csv", "bukan angka rupiah"),
        (page, "kode,uraian,anggaran\n5.1,Belanja Pegawai,1\n", "x.csv", "jenis belanja"),
        (page, "kode,uraian,anggaran\n9,Sembilan,1\n", "x.csv", "bukan kode kelompok"),
        (page, "kode,uraian,anggaran\n,Tanpa kode,1\n", "x.csv", "baris tanpa kode"),
        (
            page,
            _xlsx([["kode", "uraian", "anggaran"], [4.1, "PADes", None]]),
            "x.xlsx",
            "Tidak ada",
        ),
        (page, _xlsx([["kode", "uraian", "anggaran"], ["4.2.1", "DD", 1e20]]), "x.xlsx", "terlalu"),
    ]
    for target, isi, nama, pesan in cases:
        response = _unggah(client, target, isi, nama=nama)
        html = response.content.decode()
        if pesan is None:
            assert response.status_code == 302, (nama, html[-2000:])
        else:
            assert response.status_code == 200 and pesan in html, (nama, pesan, _galat(html))
    assert _unggah(client, lain, good).status_code == 404  # another village's page
    assert client.get(f"/admin/transparansi/apbdes/{lain.id}/impor/").status_code == 404
    assert client.get("/admin/transparansi/templat-apbdes.pdf").status_code == 404
    too_big = b"kode,uraian,anggaran\n" + b"4.2.1,Dana Desa,1\n" * 400_000
    assert "5 MB" in _unggah(client, page, too_big).content.decode()
    assert kembar.revisions.count() == 0  # nothing stored on the duplicate
    # Its edit view opens, and saving it tells the editor why it cannot stay.
    assert client.get(f"/admin/pages/{kembar.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{kembar.pk}/edit/", _data_halaman(TAHUN, "murni", kembar.slug)
    )
    assert response.status_code == 200 and "sudah ada" in response.content.decode()


# --- the deficit warning -------------------------------------------------------------------


@pytest.mark.django_db
def test_deficit_warning_for_the_editor_never_on_the_public_page(desa_a, make_staff, client_for):
    page = buat_apbdes(desa_a)
    client = _ppid(desa_a, make_staff, client_for)
    defisit = (
        "kode,uraian,sumber_dana,anggaran\n4.2.1,Dana Desa,,1.000.000.000\n"
        "2.3.01,Jalan,DDS,1.100.000.000\n6.1.1,SiLPA,,40.000.000\n"
    )
    response = _unggah(client, page, defisit)
    assert response.status_code == 302
    edit = client.get(response["Location"]).content.decode()
    warning = "Anggaran defisit yang tidak tertutup pembiayaan"
    assert edit.count(warning) == 2  # the import message and the edit view's panel
    assert f"SiLPA -Rp{NBSP}60.000.000" in edit
    assert client.get(f"/admin/pages/{page.pk}/edit/").content.decode().count(warning) == 1
    page.get_latest_revision().publish()
    public = client_for(desa_a).get(page.url).content.decode()
    assert "defisit yang tidak tertutup" not in public.lower()
    # A covered budget shows no warning.
    assert _unggah(client, page, CETAK).status_code == 302
    assert warning not in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
