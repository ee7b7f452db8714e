"""The officer's complaint list: times on each item's village clock, the code opens the
inspect page, and response-template choices carry distinct labels."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pengaduan import layanan
from pengaduan.models import TemplateTanggapan
from pengaduan.petugas.tindak_lanjut import TindakLanjutForm
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status
from sitecore.models.roles import Peran

WITA = ZoneInfo("Asia/Makassar")
WIB = ZoneInfo("Asia/Jakarta")


def _item(site, t, judul="Lampu jalan mati"):
    data = {"jenis": "pengaduan", "judul": judul, "uraian": "Lampu jalan di gang mati."}
    return layanan.buat_pengaduan(site=site, data=data, diterima_pada=t)[0]


def _row(html, kode):
    rows = [r for r in re.findall(r"<tr.*?</tr>", html, re.S) if kode in r]
    assert len(rows) == 1, kode
    return rows[0]


@pytest.mark.django_db
def test_list_shows_each_item_on_its_village_clock(
    desa_a, desa_b, make_staff, client, settings, django_assert_max_num_queries
):
    assert settings.TIME_ZONE == "Asia/Jakarta"  # the installation default is WIB
    a = _item(desa_a, datetime(2026, 3, 2, 9, 30, tzinfo=WITA))
    b = _item(desa_b, datetime(2026, 3, 2, 9, 30, tzinfo=WIB))
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    response = client.get("/admin/pengaduan/item/")
    assert response.status_code == 200
    html = response.content.decode()
    row = _row(html, a.kode)
    assert "2 Mar 2026 09:30 WITA" in row
    assert "08:30 WIB" not in row
    assert b.kode not in html  # another village's item stays out
    # The deadlines too: the end of the village's working day, in WITA.
    tenggat = a.tenggat_selesai.astimezone(WITA).strftime("%H:%M")
    assert f"{tenggat} WITA" in row

    # A superuser sees both villages, each on its own clock, without a query per row.
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("kab", "kab@example.test", "rahasia-123")
    client.force_login(boss)
    for i in range(5):
        _item(desa_a, datetime(2026, 3, 3, 8, i, tzinfo=WITA), judul=f"Tambahan {i}")
    client.get("/admin/pengaduan/item/")  # warm per-request caches (menus, settings)
    with django_assert_max_num_queries(40) as ctx:
        html = client.get("/admin/pengaduan/item/").content.decode()
    assert "2 Mar 2026 09:30 WITA" in _row(html, a.kode)
    assert "2 Mar 2026 09:30 WIB" in _row(html, b.kode)
    zona_queries = [q for q in ctx.captured_queries if "zona_waktu" in q["sql"]]
    assert len(zona_queries) <= 2  # annotated in the list query (and its count), never per row


@pytest.mark.django_db
def test_inspect_page_shows_times_with_the_village_zone(desa_a, make_staff, client):
    a = _item(desa_a, datetime(2026, 3, 2, 9, 30, tzinfo=WITA))
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    html = client.get(f"/admin/pengaduan/item/inspect/{a.pk}/").content.decode()
    assert "2 Maret 2026 09:30 WITA" in html


@pytest.mark.django_db
def test_code_in_the_list_opens_the_page_with_the_actions(desa_a, make_staff, client):
    a = _item(desa_a, datetime(2026, 3, 2, 9, 30, tzinfo=WITA))
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    row = _row(client.get("/admin/pengaduan/item/").content.decode(), a.kode)
    link = re.search(r'<a[^>]*href="([^"]+)"[^>]*>\s*' + re.escape(a.kode), row)
    assert link, row
    assert link.group(1) == f"/admin/pengaduan/item/inspect/{a.pk}/"
    page = client.get(link.group(1))
    assert page.status_code == 200
    assert f"/admin/pengaduan/item/{a.pk}/tindak-lanjut/" in page.content.decode()


@pytest.mark.django_db
def test_response_template_choices_have_distinct_meaningful_labels(desa_a, client):
    a = _item(desa_a, datetime(2026, 3, 2, 9, 30, tzinfo=WITA))
    for judul in ("Sedang dicek petugas", "Menunggu jadwal"):
        TemplateTanggapan.objects.create(
            site=desa_a, status=Status.DIVERIFIKASI, judul=judul, teks=f"{judul}."
        )
    form = TindakLanjutForm(item=a)
    labels = [
        str(label)
        for _group, options in form.fields["template"].choices[1:]
        for _value, label in options
    ]
    assert len(labels) >= 4 and len(set(labels)) == len(labels), labels
    assert "Diverifikasi: Sedang dicek petugas" in labels
    assert any(label.startswith("Diverifikasi: ") and "bawaan" in label for label in labels)

    from django.utils import translation

    with translation.override("en"):
        labels_en = [
            str(label)
            for _group, options in TindakLanjutForm(item=a).fields["template"].choices[1:]
            for _value, label in options
        ]
    assert len(set(labels_en)) == len(labels_en), labels_en
    assert any("default" in label.lower() for label in labels_en), labels_en
