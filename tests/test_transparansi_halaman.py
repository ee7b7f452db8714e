"""APBDes pages, widgets, DIP, serta merta notices and plans, rendered for real."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from tests.conftest import section
from transparansi.models import (
    APBDesPage,
    BarisAPBDes,
    DaftarInformasiPage,
    InformasiPublik,
    KegiatanRencana,
    RKPDesPage,
    SertaMertaPage,
)

TAHUN = date.today().year


def buat_apbdes(site, tahun=TAHUN, versi="murni", baris=None, title=None):
    parent = section(site, "transparansi")
    page = APBDesPage(title=title or f"APBDes {tahun} {versi}", tahun=tahun, versi=versi)
    rows = baris or [
        ("4.2.1", "Dana Desa", 1_000_000_000, 600_000_000, ""),
        ("4.2.3", "Alokasi Dana Desa", 400_000_000, 200_000_000, ""),
        ("2.3.01", "Rehabilitasi jalan usaha tani", 700_000_000, 350_000_000, "DDS"),
        ("1.1.01", "Siltap kepala desa dan perangkat", 380_000_000, 190_000_000, "ADD"),
        ("6.1.1", "SiLPA tahun lalu", 30_000_000, 30_000_000, ""),
    ]
    page.baris = [
        BarisAPBDes(kode=k, uraian=u, anggaran=D(a), realisasi=D(r), sumber_dana=s)
        for k, u, a, r, s in rows
    ]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_apbdes_page_shows_totals_chart_table_and_complaint_address(desa_a, client_for):
    page = buat_apbdes(desa_a)
    assert set(page.baris.values_list("kelompok", flat=True)) == {
        "pendapatan",
        "belanja",
        "pembiayaan_penerimaan",
    }
    html = client_for(desa_a).get(page.url).content.decode()
    assert "Rp\u00a01.400.000.000" in html  # pendapatan
    assert "Rp\u00a01.080.000.000" in html  # belanja
    assert "Rp\u00a0350.000.000" in html  # SiLPA 320 + 30 juta
    assert 'role="img"' in html and "<title" in html
    assert 'id="baris-2.3.01"' in html and "<details" in html
    assert "/pengaduan/" in html  # alamat pengaduan
    assert "<script" not in html.split("<footer")[0]


@pytest.mark.django_db
def test_apbdes_page_queries_are_bounded_with_500_lines(
    desa_a, client_for, django_assert_max_num_queries
):
    rows = [("4.2.1", "Dana Desa", 1_000_000_000, 0, "")] + [
        (f"2.{1 + i % 8}.{i // 8 + 1:02d}", f"Kegiatan {i}", 1_000_000, 500_000, "DDS")
        for i in range(499)
    ]
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    kecil = buat_apbdes(desa_a, tahun=TAHUN - 1)
    page = buat_apbdes(desa_a, baris=rows)
    assert page.baris.count() == 500
    client = client_for(desa_a)
    client.get(page.url)  # warm the site/locale caches
    with CaptureQueriesContext(connection) as small:
        client.get(kecil.url)
    # The whole page (shared header, menu and sidebar widgets included) stays small…
    with django_assert_max_num_queries(45):
        response = client.get(page.url)
    assert response.status_code == 200
    assert "Kegiatan 498" in response.content.decode()
    # …and does not grow with the number of lines.
    with CaptureQueriesContext(connection) as large:
        client.get(page.url)
    assert len(large) <= len(small) + 2


@pytest.mark.django_db
def test_only_one_budget_per_year_and_version(desa_a):
    buat_apbdes(desa_a)
    parent = section(desa_a, "transparansi")
    dup = parent.add_child(instance=APBDesPage(title="Dup", tahun=TAHUN, versi="perubahan"))
    dup.versi = "murni"
    with pytest.raises(ValidationError):
        dup.full_clean()


@pytest.mark.django_db
def test_amended_budget_shows_changes_and_comparison(desa_a, client_for):
    buat_apbdes(desa_a, tahun=TAHUN - 1)
    buat_apbdes(desa_a)
    ubah = buat_apbdes(
        desa_a,
        versi="perubahan",
        baris=[
            ("4.2.1", "Dana Desa", 900_000_000, 600_000_000, ""),
            ("2.3.01", "Rehabilitasi jalan usaha tani", 600_000_000, 350_000_000, "DDS"),
        ],
    )
    html = client_for(desa_a).get(ubah.url).content.decode()
    assert "Rincian anggaran: semula dan menjadi" in html
    assert "(Rp\u00a0100.000.000)" in html  # Dana Desa 1.000 → 900 juta
    assert "Perbandingan antartahun" in html and str(TAHUN - 1) in html


@pytest.mark.django_db
def test_home_and_sidebar_widgets_show_current_year(desa_a, desa_b, client_for):
    buat_apbdes(desa_a)
    html = client_for(desa_a).get("/").content.decode()
    assert "apbdes-beranda" in html and "Rp\u00a01.400.000.000" in html
    # The sidebar summary sits on the transparency pages (the home has its own widget).
    assert "widget-apbdes" not in html
    transparansi = client_for(desa_a).get(section(desa_a, "transparansi").relative_url(desa_a))
    assert "widget-apbdes" in transparansi.content.decode()
    # Village B has no budget: no widget, and A's figures never leak there.
    html_b = client_for(desa_b).get("/").content.decode()
    assert "apbdes-beranda" not in html_b and "1.400.000.000" not in html_b


@pytest.mark.django_db
def test_export_csv_and_json(desa_a, client_for):
    page = buat_apbdes(desa_a)
    client = client_for(desa_a)
    csv_text = client.get(page.url + "csv/").content.decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("kelompok,kode,uraian")
    assert "belanja,2.3.01,Rehabilitasi jalan usaha tani" in csv_text
    data = client.get(page.url + "json/").json()
    assert data["ringkasan"]["silpa"]["anggaran"] == "350000000"
    assert len(data["baris"]) == 5


@pytest.mark.django_db
def test_serta_merta_notice_on_every_page_until_withdrawn(desa_a, desa_b, client_for):
    parent = section(desa_a, "transparansi")
    notice = SertaMertaPage(
        title="Banjir di Dusun Karang Bedil",
        jenis="bencana_alam",
        ringkasan="Banjir setinggi 50 cm; warga diminta mengungsi ke balai desa.",
        bahaya="Arus deras di jalan desa.",
        pengumum="Kepala Desa",
    )
    parent.add_child(instance=notice)
    notice.save_revision().publish()
    client = client_for(desa_a)
    for url in ("/", parent.url):
        assert "Banjir setinggi 50 cm" in client.get(url).content.decode()
    assert "Banjir setinggi" not in client_for(desa_b).get("/").content.decode()
    notice.dicabut = True
    notice.save_revision().publish()
    assert "Banjir setinggi 50 cm" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_dip_filters_gap_list_and_exempt_not_downloadable(desa_a, client_for):
    buat_apbdes(desa_a)
    dip = DaftarInformasiPage(title="Daftar Informasi Publik")
    dip.informasi = [
        InformasiPublik(
            judul="Profil Pemerintah Desa",
            kategori="berkala",
            kewajiban="profil",
            tahun=TAHUN,
            penanggung_jawab="Sekretaris Desa",
        ),
        InformasiPublik(
            judul="Data pribadi penerima bantuan",
            kategori="dikecualikan",
            tahun=TAHUN,
            penanggung_jawab="Sekretaris Desa",
            alasan_pengecualian="UU 14/2008 Pasal 17 huruf h: rahasia pribadi.",
        ),
    ]
    section(desa_a, "transparansi").add_child(instance=dip)
    dip.save_revision().publish()
    client = client_for(desa_a)
    html = client.get(dip.url).content.decode()
    assert "Profil Pemerintah Desa" in html and "Data pribadi penerima bantuan" in html
    assert "Tidak dapat diunduh" in html
    assert "Belum tersedia" in html and "Dokumen RPJMDes" in html

    def tabel(params):
        return client.get(dip.url, params).content.decode().split('id="t-wajib"')[0]

    filtered = tabel({"kategori": "dikecualikan"})
    assert "Profil Pemerintah Desa" not in filtered
    searched = tabel({"q": "pribadi"})
    assert "Profil Pemerintah Desa" not in searched and "penerima bantuan" in searched


def test_exempt_entry_cannot_carry_a_document():
    entry = InformasiPublik(
        judul="X", kategori="dikecualikan", tahun=2026, penanggung_jawab="PPID", dokumen_id=1
    )
    with pytest.raises(ValidationError):
        entry.clean()


@pytest.mark.django_db
def test_rkpdes_activity_links_funding_line(desa_a, client_for):
    buat_apbdes(desa_a)
    plan = RKPDesPage(title=f"RKPDes {TAHUN}", tahun_mulai=TAHUN)
    plan.kegiatan = [
        KegiatanRencana(
            nama="Rehabilitasi jalan usaha tani Karang Bedil",
            bidang="2",
            lokasi="Dusun Karang Bedil",
            volume=D(800),
            satuan="m",
            biaya=D(700_000_000),
            sumber_dana="DDS",
            pelaksana="TPK",
            tahun_rencana=TAHUN,
            status="berjalan",
            progres=45,
            kode_apbdes="2.3.01",
        )
    ]
    section(desa_a, "transparansi").add_child(instance=plan)
    plan.save_revision().publish()
    client = client_for(desa_a)
    html = client.get(plan.url).content.decode()
    assert "Rehabilitasi jalan usaha tani Karang Bedil" in html
    kegiatan = plan.kegiatan.get()
    detail = client.get(f"{plan.url}kegiatan/{kegiatan.pk}/").content.decode()
    assert "#baris-2.3.01" in detail and "Progres 45%" in detail
    assert client.get(f"{plan.url}kegiatan/999999/").status_code == 404


@pytest.mark.django_db
def test_aspiration_shown_on_activity_and_via_pengaduan_hook(desa_a, client_for):
    from django.utils import timezone
    from wagtail import hooks

    from pengaduan.models import Pengaduan

    usulan = Pengaduan.objects.create(
        site=desa_a,
        kode="USL-0001",
        jenis="aspirasi",
        judul="Perbaikan jalan usaha tani",
        uraian="Jalan berlumpur saat hujan.",
        diterima_pada=timezone.now(),
        status="diverifikasi",
        judul_publik="Usulan jalan usaha tani di Dusun Krajan",
    )
    rahasia = Pengaduan.objects.create(
        site=desa_a,
        kode="USL-0002",
        jenis="aspirasi",
        judul="Lampu jalan depan rumah Pak Amir",
        uraian="Gelap.",
        diterima_pada=timezone.now(),
        status="diverifikasi",
        laporan_rahasia=True,
    )
    belum = Pengaduan.objects.create(
        site=desa_a,
        kode="USL-0003",
        jenis="aspirasi",
        judul="Belum diverifikasi",
        uraian="Baru masuk.",
        diterima_pada=timezone.now(),
    )
    plan = RKPDesPage(title=f"RKPDes {TAHUN}", tahun_mulai=TAHUN)
    kegiatan = KegiatanRencana(
        nama="Rehabilitasi jalan", bidang="2", tahun_rencana=TAHUN, biaya=D(1)
    )
    kegiatan.usulan = [usulan, rahasia, belum]
    plan.kegiatan = [kegiatan]
    section(desa_a, "transparansi").add_child(instance=plan)
    plan.save_revision().publish()
    kegiatan = plan.kegiatan.get()
    html = client_for(desa_a).get(f"{plan.url}kegiatan/{kegiatan.pk}/").content.decode()
    # The register's public title, a redacted line for the confidential proposal; never
    # the reporter's own words, a tracking code or an item not yet in the register.
    assert "Usulan jalan usaha tani di Dusun Krajan" in html
    assert "Usulan rahasia" in html
    for private in ("Perbaikan jalan usaha tani", "Pak Amir", "Belum diverifikasi", "USL-000"):
        assert private not in html
    links = {}
    for fn in hooks.get_hooks("pengaduan_item_links"):
        links.update(fn([usulan]))
    assert links[usulan.pk][0]["url"].endswith(f"kegiatan/{kegiatan.pk}/")
    assert "Rehabilitasi jalan" in links[usulan.pk][0]["label"]


@pytest.mark.django_db
def test_budget_rows_escape_what_the_editor_typed(desa_a, client_for):
    page = buat_apbdes(
        desa_a,
        baris=[
            ("4.2.1", "Dana Desa", 500_000_000, 250_000_000, ""),
            ("2.3.01", '<script>alert("x")</script> Talud & drainase', 300_000_000, 0, ""),
        ],
    )
    html = client_for(desa_a).get(page.url).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Talud &amp; drainase" in html
    row = html.split('id="baris-2.3.01"')[1].split("</tr>")[0]
    # An expenditure line with no source of funds says so; amounts in Rupiah, 0 %.
    assert "sumber dana tidak disebutkan" in row
    assert "Rp\xa0300.000.000" in row and "Rp\xa00" in row and ">0,0%<" in row
