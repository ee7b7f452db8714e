"""Issue 14, proposals -> plan: what became of each proposal, recorded by the officer in
the admin (or by the PPID editor linking it from a plan activity), read by the reporter,
the register, the plan page and the yearly report."""

import json
from datetime import date
from decimal import Decimal as D
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from pengaduan import layanan
from pengaduan.models import JalurUsulan, Kategori
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.usulan.models import HasilUsulan, Tingkat
from pengaduan.usulan.rules import lebih_tinggi, periksa
from sitecore.models import DesaLogEntry, DesaProfil, Dusun
from sitecore.models.roles import Peran
from tests.conftest import section
from transparansi.models import KegiatanRencana, RKPDesPage
from transparansi.testing import baris_kegiatan, terbitkan_rencana

TAHUN = timezone.localdate().year

# --- plain rules -----------------------------------------------------------------------


def _periksa(**data):
    return periksa(data, tahun_usulan=2026, tahun_ini=2026, ditautkan=data.pop("_tautan", False))


def test_each_outcome_asks_for_its_own_evidence():
    assert _periksa(tingkat="dusun", hasil="") == {}
    assert set(_periksa(tingkat="", hasil="")) == {"tingkat"}
    # Not accommodated: a reason the reporter can read.
    assert set(_periksa(tingkat="desa", hasil="tidak_ditampung", alasan="  ")) == {"alasan"}
    assert _periksa(tingkat="desa", hasil="tidak_ditampung", alasan="Lahan bukan milik desa.") == {}
    # Accommodated outside the village: at kecamatan or kabupaten, with its document.
    errors = _periksa(tingkat="desa", hasil="ditampung_luar", dokumen="")
    assert set(errors) == {"tingkat", "dokumen"}
    assert _periksa(tingkat="kabupaten", hasil="ditampung_luar", dokumen="BA 12/2026") == {}
    # Postponed: to a coming year within one plan term.
    assert set(_periksa(tingkat="desa", hasil="ditunda")) == {"tahun_tunda"}
    assert "2027" in _periksa(tingkat="desa", hasil="ditunda", tahun_tunda=2026)["tahun_tunda"]
    assert set(_periksa(tingkat="desa", hasil="ditunda", tahun_tunda=2040)) == {"tahun_tunda"}
    assert _periksa(tingkat="desa", hasil="ditunda", tahun_tunda=2027) == {}
    # In the village plan: decided at musdes, and only through a linked plan activity.
    assert set(_periksa(tingkat="dusun", hasil="ditampung_desa", _tautan=True)) == {"tingkat"}
    assert set(_periksa(tingkat="desa", hasil="ditampung_desa")) == {"hasil"}
    assert _periksa(tingkat="kecamatan", hasil="ditampung_desa", _tautan=True) == {}


def test_levels_only_climb():
    assert lebih_tinggi("kecamatan", "desa") == "kecamatan"
    assert lebih_tinggi("", "desa") == "desa"
    assert lebih_tinggi("dusun", "kabupaten") == "kabupaten"


# --- helpers: items filed and handled the way officers do it --------------------------


def _usulan(site, dusun="Krajan", **extra):
    kategori = Kategori.objects.get_or_create(site=site, nama="Infrastruktur")[0]
    dusun = Dusun.objects.get_or_create(profil=DesaProfil.for_site(site), nama=dusun)[0]
    data = {
        "jenis": "aspirasi",
        "kategori": kategori,
        "dusun": dusun,
        "judul": "Bu Warsini minta talud di belakang rumahnya",
        "uraian": "Kata-kata pengusul sendiri yang tidak boleh tampil.",
        "nama": "Warsini",
        "persetujuan": True,
        **extra,
    }
    return layanan.buat_pengaduan(site=site, data=data)[0]


def _verifikasi(client, item, judul="Usulan talud di Dusun Krajan"):
    response = client.post(
        f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/",
        {"ke_status": "diverifikasi", "judul_publik": judul},
    )
    assert response.status_code == 302, response.content.decode()[:500]


def _jalur(client, item, **post):
    return client.post(f"/admin/pengaduan/item/{item.pk}/jalur-usulan/", post)


def _snapshot(item):
    return (
        list(JalurUsulan.objects.filter(pengaduan=item).values()),
        item.tindak_lanjut.count(),
        DesaLogEntry.objects.filter(action="pengaduan.usulan").count(),
    )


# --- the officer records the path -----------------------------------------------------------


@pytest.mark.django_db
def test_officer_records_level_and_outcome_bad_input_changes_nothing(
    desa_a, make_staff, client, client_for
):
    item = _usulan(desa_a)
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)

    # Not before the proposal is verified (it is not public yet).
    early = _jalur(client, item, tingkat="dusun", hasil="")
    assert early.status_code == 400 and "Verifikasi usulan ini dulu" in early.content.decode()
    _verifikasi(client, item)

    form = client.get(f"/admin/pengaduan/item/{item.pk}/jalur-usulan/")
    assert form.status_code == 200 and "Musrenbang kecamatan" in form.content.decode()

    before = _snapshot(item)
    for post, field, message in [
        ({"tingkat": "desa", "hasil": "tidak_ditampung", "alasan": ""}, "alasan", "alasan"),
        (
            {"tingkat": "desa", "hasil": "ditampung_luar", "dokumen": "BA 1"},
            "tingkat",
            "Musrenbang kecamatan atau kabupaten",
        ),
        (
            {"tingkat": "kecamatan", "hasil": "ditampung_luar", "dokumen": ""},
            "dokumen",
            "berita acara",
        ),
        ({"tingkat": "desa", "hasil": "ditunda", "tahun_tunda": "1999"}, "tahun_tunda", "antara"),
        ({"tingkat": "desa", "hasil": "ditampung_desa"}, "hasil", "belum dikaitkan"),
        ({"tingkat": "", "hasil": ""}, "tingkat", "harus diisi"),
    ]:
        refused = _jalur(client, item, **post)
        assert refused.status_code == 400, post
        assert message in refused.content.decode(), post
        assert field in refused.context["form"].errors, post
        assert _snapshot(item) == before, post

    ok = _jalur(
        client,
        item,
        tingkat="kecamatan",
        hasil="ditampung_luar",
        dokumen="Berita Acara Musrenbang Kecamatan Tanjung No. 050/12",
        alasan="ini tidak disimpan untuk hasil ini",
    )
    assert ok.status_code == 302
    jalur = JalurUsulan.objects.get(pengaduan=item)
    assert (jalur.tingkat, jalur.hasil) == (Tingkat.KECAMATAN, HasilUsulan.DITAMPUNG_LUAR)
    assert jalur.alasan == "" and jalur.diubah_oleh == officer
    entry = DesaLogEntry.objects.get(action="pengaduan.usulan", object_id=str(item.pk))
    assert entry.user == officer and entry.data["hasil"] == "ditampung_luar"
    assert entry.site_id == desa_a.pk
    event = item.tindak_lanjut.order_by("-waktu", "-id").first()
    assert "Musrenbang kecamatan" in event.catatan_publik

    # The reporter's status page, the register item and the exports say what became of it.
    base = section(desa_a, "pengaduan").url
    public = client_for(desa_a)
    for url in (f"{base}lacak/{item.kode}/", f"{base}register/{item.kode}/"):
        html = public.get(url).content.decode()
        assert "Ditampung di tingkat Musrenbang kecamatan" in html, url
        assert "Berita Acara Musrenbang Kecamatan Tanjung No. 050/12" in html, url
        assert "Bu Warsini" not in html, url
    (row,) = json.loads(public.get(f"{base}register/json/").content)["data"]
    assert (row["tingkat_usulan"], row["hasil_usulan"]) == ("kecamatan", "ditampung_luar")
    assert "ditampung_luar" in public.get(f"{base}register/csv/").content.decode()
    english = public.get(f"/en{urlsplit(base).path}lacak/{item.kode}/").content.decode()
    assert "Accommodated at this level: Sub-district development planning meeting" in english


@pytest.mark.django_db
def test_confidential_proposal_outcome_reaches_the_reporter_not_the_register(
    desa_a, make_staff, client, client_for
):
    item = _usulan(desa_a, laporan_rahasia=True)
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    _verifikasi(client, item)
    assert _jalur(client, item, tingkat="desa", hasil="tidak_ditampung",
                  alasan="Sudah dianggarkan oleh kabupaten.").status_code == 302  # fmt: skip
    base = section(desa_a, "pengaduan").url
    public = client_for(desa_a)
    # The status page (reached with the reporter's tracking code) says what became of it.
    assert "Sudah dianggarkan" in public.get(f"{base}lacak/{item.kode}/").content.decode()
    # The register keeps its redacted line: no outcome, no reason.
    (row,) = json.loads(public.get(f"{base}register/json/").content)["data"]
    assert row["rahasia"] is True and row["hasil_usulan"] == "" and row["tingkat_usulan"] == ""
    for fmt in ("", "rss/", "csv/"):
        assert "Sudah dianggarkan" not in public.get(f"{base}register/{fmt}").content.decode()


@pytest.mark.django_db
def test_other_villages_and_other_kinds_of_item_have_no_path_form(
    desa_a, desa_b, make_staff, client
):
    usulan_a = _usulan(desa_a)
    pengaduan_a = _usulan(desa_a, jenis="pengaduan")
    client.force_login(make_staff(desa_b, Peran.KOORDINATOR_PENGADUAN))
    assert client.get(f"/admin/pengaduan/item/{usulan_a.pk}/jalur-usulan/").status_code == 404
    assert _jalur(client, usulan_a, tingkat="dusun").status_code == 404
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    assert client.get(f"/admin/pengaduan/item/{pengaduan_a.pk}/jalur-usulan/").status_code == 404
    assert not JalurUsulan.objects.exists()


# --- the PPID editor links it from the plan ----------------------------------------------


def _rkpdes(site):
    plan = RKPDesPage(title=f"RKPDes {TAHUN}", slug=f"rkpdes-{TAHUN}", tahun_mulai=TAHUN)
    plan.kegiatan = [
        KegiatanRencana(
            nama="Talud penahan tanah Dusun Serang",
            bidang="2",
            biaya=D(95_000_000),
            tahun_rencana=TAHUN,
        )
    ]
    section(site, "transparansi").add_child(instance=plan)
    plan.save_revision().publish()
    return plan


def _terbitkan(client, plan, usulan_ids):
    rows = [baris_kegiatan(plan.kegiatan.get())]
    return terbitkan_rencana(
        client, plan, rows, **{"kegiatan-0-usulan": [str(pk) for pk in usulan_ids]}
    )


@pytest.mark.django_db
def test_ppid_editor_links_proposals_of_their_own_village_and_publishing_records_them(
    desa_a, desa_b, make_staff, client, client_for
):
    plan = _rkpdes(desa_a)
    usulan, lain = _usulan(desa_a, dusun="Serang"), _usulan(desa_b)
    petugas_a = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(petugas_a)
    _verifikasi(client, usulan, judul="Usulan talud di Dusun Serang")
    petugas_b = Client()
    petugas_b.force_login(make_staff(desa_b, Peran.PETUGAS_PENGADUAN))
    _verifikasi(petugas_b, lain, judul="Usulan talud di desa lain")

    ppid = make_staff(desa_a, Peran.PPID)
    client.force_login(ppid)
    editor = client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    # The editor picks from this village's proposals, under their public title.
    assert usulan.kode in editor and "Usulan talud di Dusun Serang" in editor
    assert lain.kode not in editor and "Bu Warsini" not in editor

    refused = _terbitkan(client, plan, [lain.pk])
    assert refused.status_code == 200  # the form again, with the error
    assert not KegiatanRencana.usulan.through.objects.exists()
    assert not JalurUsulan.objects.exists()

    assert _terbitkan(client, plan, [usulan.pk]).status_code == 302
    jalur = JalurUsulan.objects.get(pengaduan=usulan)
    assert (jalur.tingkat, jalur.hasil) == (Tingkat.DESA, HasilUsulan.DITAMPUNG_DESA)
    assert DesaLogEntry.objects.get(action="pengaduan.usulan").user == ppid

    base = section(desa_a, "pengaduan").url
    public = client_for(desa_a)
    status = public.get(f"{base}lacak/{usulan.kode}/").content.decode()
    assert "Ditampung dalam rencana desa" in status and "Talud penahan tanah" in status
    kegiatan = plan.kegiatan.get()
    activity = public.get(f"{plan.url}kegiatan/{kegiatan.pk}/").content.decode()
    assert "Usulan talud di Dusun Serang" in activity

    # The officer can now record it as accommodated in the plan too (it is linked).
    client.force_login(petugas_a)
    assert _jalur(client, usulan, tingkat="kecamatan", hasil="ditampung_desa").status_code == 302

    # Unlinked in the next version of the plan: the outcome goes back to undecided.
    client.force_login(ppid)
    assert _terbitkan(client, plan, []).status_code == 302
    jalur.refresh_from_db()
    assert jalur.hasil == "" and jalur.tingkat == Tingkat.KECAMATAN
    assert "Ditampung dalam rencana desa" not in public.get(f"{base}lacak/{usulan.kode}/").text


# --- the yearly report -----------------------------------------------------------------------


@pytest.mark.django_db
def test_yearly_report_shares_by_dusun_and_reporter_group(desa_a, make_staff, client, client_for):
    profil = {
        "p1": {"dusun": "Krajan", "gender": "perempuan", "rentan_disabilitas": True},
        "p2": {"dusun": "Krajan", "gender": "perempuan"},
        "p3": {"dusun": "Serang", "gender": "laki_laki", "rentan_lansia": True},
        "p4": {"dusun": "Serang", "gender": "perempuan", "rentan_kk_perempuan": True},
        "p5": {"dusun": "Serang"},
    }
    items = {k: _usulan(desa_a, **v) for k, v in profil.items()}
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    for key in ("p1", "p2", "p3", "p4"):  # p5 still waits for verification
        _verifikasi(client, items[key], judul=f"Usulan {key}")
    plan = _rkpdes(desa_a)
    client.force_login(make_staff(desa_a, Peran.PPID))
    assert _terbitkan(client, plan, [items["p3"].pk]).status_code == 302
    client.force_login(officer)
    for key, post in {
        "p1": {"tingkat": "kabupaten", "hasil": "ditampung_luar", "dokumen": "Musrenbang Kab."},
        "p2": {"tingkat": "desa", "hasil": "tidak_ditampung", "alasan": "Lahan bukan milik desa."},
        "p4": {"tingkat": "desa", "hasil": "ditunda", "tahun_tunda": str(TAHUN + 1)},
    }.items():
        assert _jalur(client, items[key], **post).status_code == 302, key

    # 5 proposals, 4 discussed, 2 accommodated (p1 outside, p3 in the plan): 40%.
    tahun = timezone.localtime(items["p1"].diterima_pada, DesaProfil.for_site(desa_a).tzinfo).year
    url = section(desa_a, "pengaduan").url + f"laporan/{tahun}/"
    html = client_for(desa_a).get(url).content.decode()
    assert "Dari 5 usulan yang masuk, 4 sudah dibahas dan 2 (40%) ditampung" in html
    rows = {
        "Semua usulan": (5, 2, 40),
        "Perempuan": (3, 1, 33),
        "Kepala keluarga perempuan": (1, 0, 0),
        "Penyandang disabilitas": (1, 1, 100),
        "Lanjut usia": (1, 1, 100),
        "Krajan": (2, 1, 50),
        "Serang": (3, 1, 33),
    }
    for label, (total, ditampung, persen) in rows.items():
        assert (
            f"<tr><td>{label}</td><td>{total}</td><td>{ditampung} ({persen}%)</td></tr>" in html
        ), label
    assert "Pemuda" not in html  # no proposal from that group this year

    csv = client_for(desa_a).get(url + "csv/").content.decode()
    assert "Perempuan,3,1,33" in csv and "Serang,3,1,33" in csv
    assert f"{date(tahun, 1, 1):%d-%m-%Y}" in csv
