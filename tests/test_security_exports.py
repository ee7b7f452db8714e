"""Formula injection (CWE-1236): every CSV/XLSX export neutralises text cells that a
spreadsheet would run as a formula, and keeps numbers (negative ones too) as numbers."""

import csv
import io
from datetime import date
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from pengaduan import layanan
from pengaduan.models import Kategori
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status
from sitecore.ekspor import FORMULA_START, aman_csv, buang_awalan
from sitecore.models import DesaProfil, Dusun
from sitecore.models.roles import Peran
from sitecore.statistik.rules import parse_csv
from tests.conftest import section
from tests.test_statistik_data import buat_statistik
from tests.test_transparansi_halaman import buat_apbdes

JAHAT = '=HYPERLINK("http://evil")'
PAYLOADS = [JAHAT, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def _cells_csv(text):
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def _cells_xlsx(content):
    sheet = load_workbook(io.BytesIO(content)).active
    return [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]


def _assert_safe(cells, must_contain=JAHAT):
    texts = [c for c in cells if isinstance(c, str)]
    assert any(must_contain in c for c in texts), "the payload is not in the export at all"
    for cell in texts:
        assert not cell.startswith(FORMULA_START), cell


@pytest.mark.parametrize("payload", PAYLOADS)
def test_helper_prefixes_text_and_round_trips(payload):
    assert aman_csv(payload) == "'" + payload
    assert buang_awalan(aman_csv(payload)) == payload


def test_helper_leaves_numbers_and_plain_text():
    assert aman_csv(-1250000) == -1250000
    assert aman_csv(D("-5.5")) == D("-5.5")
    assert aman_csv(None) is None
    assert aman_csv("Jalan rusak") == "Jalan rusak"
    assert buang_awalan("'biasa") == "'biasa"  # an apostrophe that we did not add stays


@pytest.fixture
def pengaduan_jahat(desa_a):
    kategori = Kategori.objects.create(site=desa_a, nama="@SUM(1+1)*cmd")
    dusun = Dusun.objects.create(profil=DesaProfil.for_site(desa_a), nama="=1+1 Dusun")
    item = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "judul": "Judul asli", "uraian": "Uraian panjang asli."},
    )[0]
    item.judul_publik = JAHAT
    item.ringkasan_publik = "-ringkasan yang diawali minus"
    item.kategori = kategori
    item.dusun = dusun
    item.save()
    layanan.ubah_status(item, Status.DIVERIFIKASI, user=None)
    return item


@pytest.mark.django_db
def test_public_register_csv_is_neutralised(desa_a, client_for, pengaduan_jahat):
    register = section(desa_a, "pengaduan").url + "register/"
    response = client_for(desa_a).get(register + "csv/")
    assert response.status_code == 200
    cells = _cells_csv(response.content.decode())
    _assert_safe(cells)
    assert "'" + JAHAT in cells and "'-ringkasan yang diawali minus" in cells
    # JSON is data for programs, not a spreadsheet: kept verbatim.
    data = client_for(desa_a).get(register + "json/").json()["data"]
    assert data[0]["judul"] == JAHAT


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_public_annual_report_is_neutralised(desa_a, client_for, pengaduan_jahat, fmt):
    tahun = pengaduan_jahat.diterima_pada.year
    url = section(desa_a, "pengaduan").url + f"laporan/{tahun}/{fmt}/"
    response = client_for(desa_a).get(url)
    assert response.status_code == 200
    cells = (
        _cells_xlsx(response.content) if fmt == "xlsx" else _cells_csv(response.content.decode())
    )
    _assert_safe(cells, must_contain="@SUM(1+1)*cmd")  # the category label
    if fmt == "xlsx":
        assert 1 in cells  # counts stay numbers


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_admin_export_is_neutralised(desa_a, make_staff, client, pengaduan_jahat, fmt):
    client.force_login(make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN))
    response = client.get(f"/admin/pengaduan/item/?export={fmt}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    cells = _cells_xlsx(body) if fmt == "xlsx" else _cells_csv(body.decode())
    _assert_safe(cells)
    assert pengaduan_jahat.kode in cells


@pytest.mark.django_db
def test_apbdes_csv_neutralises_text_and_keeps_numbers(desa_a, client_for):
    page = buat_apbdes(
        desa_a,
        baris=[
            ("4.2.1", JAHAT, 1_000_000, 600_000, ""),
            ("2.3.01", "+cmd|' /C calc'!A0", 700_000, 350_000, "DDS"),
        ],
    )
    text = client_for(desa_a).get(page.url + "csv/").content.decode("utf-8-sig")
    cells = _cells_csv(text)
    _assert_safe(cells)
    assert "1000000" in cells and "'" + JAHAT in cells
    # The export imports back with the original text.
    from transparansi.anggaran.impor import baca_csv

    rows, errors = baca_csv(text)
    assert not errors
    assert {r["uraian"] for r in rows} == {JAHAT, "+cmd|' /C calc'!A0"}


@pytest.mark.django_db
def test_statistik_csv_neutralises_labels_and_round_trips(desa_a, client_for):
    rows = [(JAHAT, 3, 4), ("-Lainnya", 1, 0)]
    page = buat_statistik(
        section(desa_a, "statistik"), "Pekerjaan", "pekerjaan", [(date(2025, 12, 31), rows, None)]
    )
    text = client_for(desa_a).get(f"/statistik/{page.slug}/csv/").content.decode()
    cells = _cells_csv(text)
    _assert_safe(cells)
    assert parse_csv(text) == rows
