"""Population statistics: computed totals, chart, CSV import/export, snapshots and pages."""

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sitecore.models import StatistikData, StatistikPage
from sitecore.models.roles import Peran
from sitecore.statistik.admin import rows_to_stream
from sitecore.statistik.rules import CsvError, bar_chart_svg, hitung_tabel, parse_csv, persen, tren
from tests.conftest import section

ROWS = [("Islam", 1520, 1498), ("Hindu", 112, 120), ("Kristen", 8, 0)]


def test_totals_and_percentages_are_computed():
    tabel = hitung_tabel(ROWS)
    assert (tabel.laki_laki, tabel.perempuan, tabel.jumlah) == (1640, 1618, 3258)
    assert tabel.baris[0].jumlah == 3018
    assert tabel.baris[0].persen == Decimal("92.6")
    assert tabel.baris[2].persen_perempuan == Decimal("0.0")
    assert tabel.persen_laki_laki == Decimal("50.3")


def test_percentages_of_empty_table_are_zero():
    tabel = hitung_tabel([("A", 0, 0)])
    assert tabel.jumlah == 0 and tabel.baris[0].persen == Decimal("0.0")
    assert persen(1, 0) == Decimal("0.0")


def test_chart_is_accessible_svg_with_bars_and_labels():
    svg = str(bar_chart_svg(hitung_tabel(ROWS + [("<Lain>", 1, 1)]), "Agama", "grafik-1"))
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "grafik-1-judul grafik-1-ket"
    assert root.find(f"{ns}title").text == "Agama"
    bars = [r for r in root.iter(f"{ns}rect") if r.get("class") in ("bar-l", "bar-p")]
    assert len(bars) == 2 + 2 * 4  # legend + two bars per group
    labels = [t.text for t in root.iter(f"{ns}text") if t.get("class") == "label"]
    assert labels == ["Islam", "Hindu", "Kristen", "<Lain>"]  # escaped in the markup
    assert "&lt;Lain&gt;" in svg
    # The longest bar is the largest value; widths are proportional.
    widths = {r.find(f"{ns}title").text: float(r.get("width")) for r in bars[2:]}
    assert widths["Islam, Laki-laki: 1.520"] > widths["Hindu, Perempuan: 120"] > 0
    assert root.get("viewBox").startswith("0 0 360 ")


def test_parse_csv_accepts_header_semicolons_and_thousands():
    text = "kelompok;laki_laki;perempuan\nIslam;1.520;1.498\nHindu;112;120\n"
    assert parse_csv(text) == [("Islam", 1520, 1498), ("Hindu", 112, 120)]


def test_parse_csv_reports_every_bad_row():
    text = "Islam,10,12\n,5,5\nHindu,-1,3\nBuddha,4\nIslam,1,1\nKatolik,2,x\n"
    with pytest.raises(CsvError) as err:
        parse_csv(text)
    messages = err.value.errors
    assert any(m.startswith("Baris 2:") and "kosong" in m for m in messages)
    assert any(m.startswith("Baris 3:") and "laki-laki" in m for m in messages)
    assert any(m.startswith("Baris 4:") and "3 kolom" in m for m in messages)
    assert any(m.startswith("Baris 5:") and "sudah ada" in m for m in messages)
    assert any(m.startswith("Baris 6:") and "perempuan" in m for m in messages)
    with pytest.raises(CsvError):
        parse_csv("")


def test_trend_needs_two_snapshots():
    a = StatistikData(tanggal=date(2025, 6, 30), baris=rows_to_stream([("A", 1, 2)]))
    b = StatistikData(tanggal=date(2025, 12, 31), baris=rows_to_stream([("A", 2, 2), ("B", 1, 0)]))
    assert tren([a]) is None
    result = tren([b, a])
    assert result["tanggal"] == [date(2025, 6, 30), date(2025, 12, 31)]
    assert result["baris"] == [{"label": "A", "nilai": [3, 4]}, {"label": "B", "nilai": [None, 1]}]
    assert result["jumlah"] == [3, 5]


# --- pages -------------------------------------------------------------------------------


def buat_statistik(index, title, jenis, snapshots):
    page = StatistikPage(title=title, jenis=jenis, live=False)
    page.data = [
        StatistikData(tanggal=tgl, jumlah_kk=kk, baris=rows_to_stream(rows))
        for tgl, rows, kk in snapshots
    ]
    index.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


@pytest.mark.django_db
def test_category_page_shows_chart_table_date_and_trend(desa_a, client_for):
    index = section(desa_a, "statistik")
    page = buat_statistik(
        index,
        "Agama",
        "agama",
        [(date(2025, 6, 30), [("Islam", 10, 12)], None), (date(2025, 12, 31), ROWS, None)],
    )
    client = client_for(desa_a)
    body = client.get(f"/statistik/{page.slug}/").content.decode()
    assert "Data per 31 Desember 2025" in body
    assert 'role="img"' in body and "<table" in body
    assert "1.520" in body and "3.258" in body and "92,6%" in body
    assert "Perkembangan dari waktu ke waktu" in body
    older = client.get(f"/statistik/{page.slug}/?per=2025-06-30").content.decode()
    assert "Data per 30 Juni 2025" in older
    response = client.get(f"/statistik/{page.slug}/csv/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["kelompok", "laki_laki", "perempuan"]
    assert rows[1] == ["Islam", "1520", "1498"]
    assert parse_csv(response.content.decode()) == ROWS  # round trip


@pytest.mark.django_db
def test_index_headline_figures_and_home_widget(desa_a, client_for):
    index = section(desa_a, "statistik")
    buat_statistik(index, "Agama", "agama", [(date(2025, 12, 31), ROWS, None)])
    buat_statistik(
        index,
        "Jenis Kelamin",
        "jenis_kelamin",
        [(date(2025, 12, 31), [("Penduduk", 1900, 1850)], 1210)],
    )
    client = client_for(desa_a)
    body = client.get("/statistik/").content.decode()
    assert "3.750" in body and "1.900" in body and "1.850" in body and "1.210" in body
    assert "Jenis Kelamin" in body and "Agama" in body
    home = client.get("/").content.decode()
    assert "Statistik penduduk" in home and "3.750" in home


# --- CSV import in the admin -------------------------------------------------------------


@pytest.fixture
def halaman_agama(desa_a):
    return buat_statistik(
        section(desa_a, "statistik"), "Agama", "agama", [(date(2025, 6, 30), ROWS, None)]
    )


def upload(text):
    return SimpleUploadedFile("data.csv", text.encode(), content_type="text/csv")


@pytest.mark.django_db
def test_csv_import_adds_snapshot_as_published_revision(client, make_staff, desa_a, halaman_agama):
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    url = f"/admin/statistik/{halaman_agama.pk}/impor-csv/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "tanggal": "2025-12-31",
            "berkas": upload("kelompok,laki_laki,perempuan\nIslam,1600,1550\n"),
        },
    )
    assert response.status_code == 302
    page = StatistikPage.objects.get(pk=halaman_agama.pk)
    assert [s.tanggal for s in page.snapshots] == [date(2025, 12, 31), date(2025, 6, 30)]
    assert page.terbaru.rows() == [("Islam", 1600, 1550)]
    assert page.get_latest_revision().content["data"][-1]["tanggal"] == "2025-12-31"


@pytest.mark.django_db
def test_csv_import_with_bad_rows_imports_nothing(client, make_staff, desa_a, halaman_agama):
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    revisions = halaman_agama.revisions.count()
    response = client.post(
        f"/admin/statistik/{halaman_agama.pk}/impor-csv/",
        {"tanggal": "2025-12-31", "berkas": upload("Islam,10,10\nHindu,sepuluh,3\nBuddha,1,1\n")},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Baris 2" in body and "sepuluh" in body
    page = StatistikPage.objects.get(pk=halaman_agama.pk)
    assert [s.tanggal for s in page.snapshots] == [date(2025, 6, 30)]
    assert page.revisions.count() == revisions


@pytest.mark.django_db
def test_csv_import_denied_for_other_village_editor(client, make_staff, desa_b, halaman_agama):
    client.force_login(make_staff(desa_b, Peran.EDITOR))
    response = client.post(
        f"/admin/statistik/{halaman_agama.pk}/impor-csv/",
        {"tanggal": "2025-12-31", "berkas": upload("Islam,1,1\n")},
    )
    # Wagtail turns PermissionDenied in the admin into a redirect to the dashboard.
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert len(StatistikPage.objects.get(pk=halaman_agama.pk).snapshots) == 1
