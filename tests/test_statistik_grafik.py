"""The trend line chart: its geometry as numbers, and the SVG on the public page."""

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from sitecore.models import StatistikData, StatistikPage
from sitecore.statistik.admin import rows_to_stream
from sitecore.statistik.grafik import ATAS, KIRI, LEBAR, garis_tren, langkah_rapi, skala
from tests.conftest import section

SVG = "{http://www.w3.org/2000/svg}"


def test_round_steps_and_an_axis_that_covers_the_values():
    assert [langkah_rapi(r) for r in (4, 83, 385, 1000, 0)] == [1, 50, 100, 500, 1]
    bawah, atas, step = skala([3768, 3809, 3851])
    assert bawah <= 3768 and atas >= 3851 and (atas - bawah) % step == 0
    # At least a tenth of the largest value: a one percent change is not a leap.
    assert atas - bawah >= 385
    assert skala([100, 400]) == (100, 400, 100)
    assert skala([0, 0]) == (0, 1, 1)


def test_points_sit_at_their_dates_and_values():
    g = garis_tren([(date(2026, 11, 30), 120), (date(2024, 11, 30), 100), (date(2025, 5, 31), 110)])
    xs = [p["x"] for p in g["titik"]]
    assert [p["nilai"] for p in g["titik"]] == [100, 110, 120]  # sorted by date
    assert KIRI < xs[0] < xs[1] < xs[-1] == g["kanan"] < LEBAR
    # Half a year after the first of two years: a quarter of the way along.
    assert xs[1] == pytest.approx(xs[0] + (xs[-1] - xs[0]) * 182 / 730, abs=0.1)
    ys = [p["y"] for p in g["titik"]]
    assert ys[0] > ys[1] > ys[2] >= ATAS  # larger values higher up
    ticks = {t["nilai"]: t["y"] for t in g["ticks"]}
    assert min(ticks.values()) >= ATAS - 0.1 and max(ticks.values()) == g["dasar"]
    assert g["garis"].split() == [f"{p['x']},{p['y']}" for p in g["titik"]]
    # The middle point is too close to the first for both labels to fit.
    assert [p["label"] for p in g["titik"]] == [True, False, True]


def test_crowded_dates_keep_the_last_label_and_drop_neighbours():
    points = [(date(2026, month, 1), 100 + month) for month in range(1, 13)]
    g = garis_tren(points)
    labelled = [p for p in g["titik"] if p["label"]]
    assert g["titik"][0]["label"] and g["titik"][-1]["label"]
    assert 2 <= len(labelled) < 12
    gaps = [b["x"] - a["x"] for a, b in zip(labelled, labelled[1:], strict=False)]
    assert min(gaps) >= 78


def test_no_chart_from_fewer_than_two_points():
    assert garis_tren([]) is None
    assert garis_tren([(date(2026, 1, 1), 5)]) is None


# --- the public page ---------------------------------------------------------------------


def buat_statistik(site, snapshots):
    page = StatistikPage(title="Wilayah (Dusun)", slug="wilayah", jenis="wilayah", live=False)
    page.data = [StatistikData(tanggal=tgl, baris=rows_to_stream(rows)) for tgl, rows in snapshots]
    section(site, "statistik").add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def _trend_svg(html):
    match = re.search(r'<svg[^>]*class="tren".*?</svg>', html, re.S)
    return ET.fromstring(match.group(0)) if match else None


@pytest.mark.django_db
def test_page_draws_one_point_per_snapshot_with_dates_and_values(desa_a, client_for):
    buat_statistik(
        desa_a,
        [
            (date(2024, 12, 31), [("Krajan", 500, 520), ("Siwarak", 300, 310)]),
            (date(2025, 12, 31), [("Krajan", 505, 525), ("Siwarak", 302, 311)]),
            (date(2026, 8, 17), [("Krajan", 509, 530), ("Siwarak", 304, 313)]),
        ],
    )
    body = client_for(desa_a).get("/statistik/wilayah/").content.decode()
    svg = _trend_svg(body)
    assert svg.get("role") == "img" and svg.get("width") == "100%"
    assert svg.get("viewBox") == "0 0 360 210"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"{SVG}title").get("id") == title_id
    assert svg.find(f"{SVG}title").text == "Wilayah (Dusun): jumlah total per tanggal data"
    assert svg.find(f"{SVG}desc").get("id") == desc_id
    assert len(svg.findall(f"{SVG}circle")) == 3
    texts = {t.get("class"): [] for t in svg.iter(f"{SVG}text")}
    for t in svg.iter(f"{SVG}text"):
        texts[t.get("class")].append(t.text)
    assert texts["tren-tanggal"] == ["31 Des 2024", "31 Des 2025", "17 Agu 2026"]
    assert texts["tren-nilai"] == ["1.630", "1.643", "1.656"]
    assert "style" not in body.split('class="tren"')[1].split("</svg>")[0]  # CSP: classes only
    # The table stays as the data behind the chart.
    tren = body.split('id="tren-judul"')[1]
    assert "<table" in tren and "Krajan" in tren and "1.039" in tren


@pytest.mark.django_db
def test_english_page_labels_dates_in_english(desa_a, client_for):
    buat_statistik(
        desa_a,
        [
            (date(2025, 12, 31), [("Krajan", 500, 520)]),
            (date(2026, 8, 17), [("Krajan", 509, 530)]),
        ],
    )
    from wagtail_localize.synctree import synchronize_tree

    from sitecore.provisioning import ensure_locales

    synchronize_tree(*ensure_locales())
    body = client_for(desa_a).get("/en/statistik/wilayah/").content.decode()
    texts = [t.text for t in _trend_svg(body).iter(f"{SVG}text")]
    assert "31 Dec 2025" in texts and "1,039" in texts


@pytest.mark.django_db
def test_one_snapshot_has_no_trend_and_none_says_so(desa_a, client_for):
    page = buat_statistik(desa_a, [(date(2026, 8, 17), [("Krajan", 509, 530)])])
    client = client_for(desa_a)
    body = client.get("/statistik/wilayah/").content.decode()
    assert 'class="grafik"' in body and "1.039" in body  # the bar chart and table
    assert _trend_svg(body) is None and "tren-judul" not in body
    page.data = []
    page.save_revision(log_action=False).publish(log_action=False)
    body = client.get("/statistik/wilayah/").content.decode()
    assert "Belum ada data untuk kategori ini." in body
    assert "<svg" not in body.split("<main")[1].split("</main>")[0]
