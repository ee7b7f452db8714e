"""The yearly feedback report in the Keran Desa sections, its recommendations and links.

Items are filed on the public form (and one recorded by an officer from the suggestion
box), handled in the admin and rated on the status page; the report is then read as a
villager reads it.
"""

import re
from datetime import date, datetime
from decimal import Decimal as D
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from pengaduan import layanan
from pengaduan.models import Pengaduan, RekomendasiUmpanBalik
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from pengaduan.umpan_balik import hitung as ub
from pengaduan.umpan_balik.beranda import ringkasan_terbaru
from pengaduan.workflow import Status
from sitecore.models.roles import Peran
from tests.conftest import section

WITA = ZoneInfo("Asia/Makassar")


# --- the computing functions ------------------------------------------------------------


def test_shares_and_bars():
    assert ub.persen(1, 3) == D("33.3") and ub.persen(2, 3) == D("66.7")
    assert ub.persen(5, 0) is None
    bars = ub.batang([("Pengaduan", 3), ("Aspirasi / usulan pembangunan", 1)], 4)
    assert [b["label"] for b in bars] == ["Pengaduan", "Aspirasi / usulan pembangunan"]
    assert [b["persen"] for b in bars] == [D("75.0"), D("25.0")]
    # The longest bar fills the track; the others are relative to it.
    assert [b["lebar"] for b in bars] == [100.0, 33.3]
    assert ub.batang([("Kosong", 0)], 0) == [
        {"label": "Kosong", "n": 0, "persen": None, "lebar": 0.0}
    ]


def test_months_and_quarters_cover_the_whole_period():
    assert ub.bulan_dalam(date(2025, 11, 1), date(2026, 2, 28)) == [
        (2025, 11), (2025, 12), (2026, 1), (2026, 2)
    ]  # fmt: skip
    bulan = [(str(m), m) for m in range(1, 13)]  # month m has m reports
    kuartal = ub.per_triwulan(date(2026, 1, 1), date(2026, 12, 31), bulan)
    assert kuartal == [
        ("Triwulan I", 6), ("Triwulan II", 15), ("Triwulan III", 24), ("Triwulan IV", 33)
    ]  # fmt: skip
    across = ub.per_triwulan(date(2025, 12, 1), date(2026, 1, 31), [("Des", 2), ("Jan", 3)])
    assert across == [("Triwulan IV 2025", 2), ("Triwulan I 2026", 3)]


def test_shares_are_over_what_they_are_shares_of():
    d = {
        "total": 10, "berbagi_profil": 4, "di_register": 8, "register_terbuka": 5,
        "tindak_lanjut_publik": 4, "ditanggapi": 8, "tepat_tanggapan": 6, "selesai": 4,
        "tepat_selesai": 1, "dinilai": 3, "puas": 2, "pernah_selesai": 5, "dibuka_kembali": 1,
        "daring": 7, "luring": 3,
    }  # fmt: skip
    p = ub.persentase(d)
    assert p["tindak_lanjut_publik"] == D("80.0")  # of the 5 non-confidential in the register
    assert p["tepat_tanggapan"] == D("75.0")  # of the 8 answered
    assert p["tepat_selesai"] == D("25.0") and p["puas"] == D("66.7")
    assert p["dibuka_kembali"] == D("20.0") and p["daring"] == D("70.0")
    assert ub.daring_luring({"web": 5, "api": 1, "kotak_saran": 2, "kantor": 1}) == (6, 3)
    assert ub.per_seribu(30, 3856) == D("7.8") and ub.per_seribu(30, None) is None


def test_widget_falls_back_to_last_year_early_in_a_new_year(desa_a):
    layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "saran", "judul": "a", "uraian": "a"},
        diterima_pada=datetime(2025, 12, 30, 9, tzinfo=WITA),
    )
    d = ringkasan_terbaru(desa_a, hari_ini=date(2026, 1, 2))
    assert d["tahun"] == 2025 and d["total"] == 1 and d["persen_tepat"] is None
    assert ringkasan_terbaru(desa_a, hari_ini=date(2027, 1, 2)) is None


# --- the report read over HTTP ----------------------------------------------------------


def _path(site):
    return urlsplit(section(site, "pengaduan").url).path


def _bars(html, judul):
    """{label: "n (p%)"} of the bar chart titled `judul`."""
    part = html.split(f"<h3>{judul}</h3>", 1)[1].split("</ul>", 1)[0]
    pairs = re.findall(
        r'<span class="batang-label">([^<]*)</span> <span class="batang-nilai">([^<]*)</span>',
        part,
    )
    return dict(pairs)


def _kv(html, dt):
    return re.search(rf"<dt>{re.escape(dt)}</dt><dd>([^<]*)</dd>", html).group(1)


def _file(client, site, **extra):
    formulir = section(site, "pengaduan").url
    response = client.post(formulir, isian(form_token(client, formulir), **extra))
    assert response.status_code == 302
    pin = client.get(response["Location"]).context["pin"]
    return Pengaduan.objects.get(kode=response["Location"].rstrip("/").rsplit("/", 1)[1]), pin


def _act(client, item, **post):
    url = f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/"
    if "judul_publik" not in post and item.status == Status.DITERIMA:
        post["judul_publik"] = client.get(url).context["form"]["judul_publik"].value()
    assert client.post(url, post).status_code == 302
    item.refresh_from_db()


@pytest.fixture
def laporan_desa_a(desa_a, client_for, make_staff, client):
    """Four items of this year in Desa Alpha, handled and rated as villagers do it."""
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    a, pin_a = _file(client_for(desa_a), desa_a, gender="perempuan", kelompok_umur="u_30_44")
    b, _ = _file(client_for(desa_a), desa_a, jenis="saran", gender="laki_laki")
    _file(client_for(desa_a), desa_a, jenis="aspirasi")  # c: still waiting for verification
    # d: written on paper, dropped in the suggestion box, recorded by the officer.
    d = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "kanal": "kotak_saran", "judul": "d", "uraian": "d"},
        dicatat_oleh=officer,
    )[0]

    client.force_login(officer)
    _act(client, a, ke_status="diverifikasi")
    _act(client, a, ke_status="selesai", hasil="korektif", pesan_pelapor="Sudah ditambal.",
         catatan_publik="Lubang jalan ditambal bersama warga.")  # fmt: skip
    _act(client, b, ke_status="diverifikasi")
    _act(client, d, ke_status="diverifikasi", judul_publik="Pengaduan dari kotak saran")
    _act(client, d, ke_status="selesai", hasil="lainnya", pesan_pelapor="Sudah dijelaskan.",
         catatan_publik="Petugas menjelaskan jadwal layanan.")  # fmt: skip

    # The reporter of a rates the answer on the status page; d's reporter is unhappy.
    pelapor = client_for(desa_a)
    status_url = section(desa_a, "pengaduan").url + f"lacak/{a.kode}/"
    assert pelapor.post(status_url, {"aksi": "pin", "pin": pin_a}).status_code == 302
    assert pelapor.post(status_url, {"aksi": "nilai", "nilai": "5"}).status_code == 302
    layanan.beri_penilaian(d, 2, "Belum jelas.")
    layanan.buka_kembali(d, "Jadwal yang dijelaskan tidak sesuai papan pengumuman.")
    return timezone.localtime(a.diterima_pada, WITA).year


@pytest.mark.django_db
def test_report_reads_like_the_keran_desa_results(desa_a, client_for, laporan_desa_a):
    tahun = laporan_desa_a
    response = client_for(desa_a).get(section(desa_a, "pengaduan").url + f"laporan/{tahun}/")
    assert response.status_code == 200
    html = response.content.decode()
    for judul in ("1. Profil pengguna", "2. Partisipasi", "3. Transparansi", "4. Kepuasan",
                  "5. Saluran", "6. Rekomendasi"):  # fmt: skip
        assert f"{judul}</h2>" in html, judul

    # Profile: by type, by sex (only what reporters chose to give), never a name.
    assert _bars(html, "Menurut jenis") == {
        "Pengaduan": "2 (50,0%)",
        "Saran": "1 (25,0%)",
        "Aspirasi / usulan pembangunan": "1 (25,0%)",
    }
    assert _bars(html, "Jenis kelamin pelapor") == {
        "Tidak diisi": "2 (50,0%)", "Laki-laki": "1 (25,0%)", "Perempuan": "1 (25,0%)"
    }  # fmt: skip
    assert "Siti Rahmawati" not in html and "3456" not in html
    # Participation: all four this month; the quarters add up to the total.
    bulan = _bars(html, "Laporan per bulan")
    assert len(bulan) == 12 and sorted(bulan.values())[-1] == "4 (100,0%)"
    assert sum(int(v.split()[0]) for v in _bars(html, "Laporan per triwulan").values()) == 4
    # Transparency: three of four in the register, two with a written follow-up.
    assert _kv(html, "Tampil di register publik") == "3 dari 4 (75,0%)"
    assert _kv(html, "Tindak lanjut tertulis di register") == (
        "2 dari 3 laporan tidak rahasia (66,7%)"
    )
    assert _kv(html, "Tanggapan pertama ≤ 1 hari kerja") == "3 dari 3 yang ditanggapi (100,0%)"
    # Satisfaction: ratings 5 and 2; the unhappy one was reopened.
    assert _kv(html, "Rata-rata nilai (1–5)") == "3,5"
    assert _kv(html, "Puas (nilai 4–5)") == "1 dari 2 (50,0%)"
    assert _kv(html, "Dibuka kembali oleh pelapor") == ("1 dari 2 yang pernah ditutup (50,0%)")
    assert _bars(html, "Sebaran nilai kepuasan (1–5)")["5 – sangat puas"] == "1 (50,0%)"
    # Channels: three typed on the website, one recorded from the suggestion box.
    assert _bars(html, "Menurut kanal") == {"Situs web": "3 (75,0%)", "Kotak saran": "1 (25,0%)"}
    # No recommendation published yet; no label is ever cut short.
    assert "belum menerbitkan rekomendasi" in html
    assert "Aspirasi / usulan pemb<" not in html

    d = response.context["d"]
    for key in ("per_jenis", "per_kanal", "per_dusun", "per_bulan", "per_status", "per_gender"):
        assert sum(n for _label, n in d[key]) == d["total"] == 4, key


@pytest.mark.django_db
def test_english_report_translates_and_keeps_numbers(desa_a, client_for, laporan_desa_a):
    url = f"/en{_path(desa_a)}laporan/{laporan_desa_a}/"
    html = client_for(desa_a).get(url).content.decode()
    assert "1. Profile of users</h2>" in html and "5. Channels</h2>" in html
    assert _bars(html, "By channel") == {"Website": "3 (75.0%)", "Suggestion box": "1 (25.0%)"}


# --- the recommendations text -----------------------------------------------------------


def _laporan(client_for, site, tahun):
    return client_for(site).get(section(site, "pengaduan").url + f"laporan/{tahun}/").text


@pytest.mark.django_db
def test_recommendation_shows_only_published_and_only_in_its_village(
    desa_a, desa_b, client_for, make_staff, client, commits_as_in_production
):
    tahun = timezone.localdate().year
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    teks = "BPD menyimpan aspirasi warga dalam bank aspirasi desa."
    response = client.post(
        "/admin/pengaduan/rekomendasi/new/",
        {"site": desa_a.pk, "tahun": tahun, "teks": rich_text(f"<p>{teks}</p>")},
    )
    assert response.status_code == 302
    rekomendasi = RekomendasiUmpanBalik.objects.get(site=desa_a, tahun=tahun)
    assert not rekomendasi.diterbitkan
    assert teks not in _laporan(client_for, desa_a, tahun)  # a draft stays in the admin

    edit = f"/admin/pengaduan/rekomendasi/edit/{rekomendasi.pk}/"
    response = client.post(
        edit,
        {"site": desa_a.pk, "tahun": tahun, "teks": rich_text(f"<p>{teks}</p>"),
         "diterbitkan": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    assert teks in _laporan(client_for, desa_a, tahun)  # the cached report was refreshed
    assert teks not in _laporan(client_for, desa_a, tahun - 1)
    assert teks not in _laporan(client_for, desa_b, tahun)
    assert "belum menerbitkan rekomendasi" in _laporan(client_for, desa_b, tahun)


@pytest.mark.django_db
def test_other_villages_staff_cannot_see_or_change_a_recommendation(
    desa_a, desa_b, make_staff, client
):
    tahun = timezone.localdate().year
    rekomendasi = RekomendasiUmpanBalik.objects.create(
        site=desa_a, tahun=tahun, teks="<p>Teks Desa Alpha</p>", diterbitkan=True
    )
    for peran in (Peran.EDITOR, Peran.KOORDINATOR_PENGADUAN):
        client.force_login(make_staff(desa_b, peran))
        index = client.get("/admin/pengaduan/rekomendasi/")
        assert index.status_code == 200 and "Rekomendasi" in index.text
        assert f"/edit/{rekomendasi.pk}/" not in index.text
        edit = f"/admin/pengaduan/rekomendasi/edit/{rekomendasi.pk}/"
        assert client.get(edit).status_code == 404
        posted = client.post(
            edit, {"site": desa_b.pk, "tahun": tahun, "teks": rich_text("<p>Diubah</p>")}
        )
        assert posted.status_code == 404
        delete = f"/admin/pengaduan/rekomendasi/delete/{rekomendasi.pk}/"
        assert client.post(delete).status_code == 404
        # Creating one for the other village is refused by the form.
        refused = client.post(
            "/admin/pengaduan/rekomendasi/new/",
            {"site": desa_a.pk, "tahun": tahun - 1, "teks": rich_text("<p>Titipan</p>")},
        )
        assert refused.status_code == 200 and refused.context["form"].errors["site"]
    rekomendasi.refresh_from_db()
    assert rekomendasi.teks == "<p>Teks Desa Alpha</p>" and rekomendasi.site == desa_a
    assert not RekomendasiUmpanBalik.objects.filter(tahun=tahun - 1).exists()
    # A complaint officer of the village itself may write one.
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    ok = client.post(
        "/admin/pengaduan/rekomendasi/new/",
        {"site": desa_a.pk, "tahun": tahun - 1, "teks": rich_text("<p>Tahun lalu</p>")},
    )
    assert ok.status_code == 302


@pytest.mark.django_db
def test_demo_recommendations_differ_per_village(desa_a, desa_b, client_for):
    from pengaduan.umpan_balik import demo

    demo.seed(desa_a, "mekar-sari")
    demo.seed(desa_b, "karangsari")
    demo.seed(desa_b, "karangsari")  # idempotent
    tahun = timezone.localdate().year
    a, b = (_laporan(client_for, s, tahun) for s in (desa_a, desa_b))
    assert "bank aspirasi digital" in a and "bank aspirasi digital" not in b
    assert "Jaringan Informasi Desa" in b and "Jaringan Informasi Desa" not in a
    assert RekomendasiUmpanBalik.objects.filter(site=desa_b).count() == 1


# --- links to the report ----------------------------------------------------------------


@pytest.mark.django_db
def test_complaint_page_register_and_home_link_to_the_report(
    desa_a, desa_b, client_for, laporan_desa_a
):
    tahun = laporan_desa_a
    base = _path(desa_a)
    client = client_for(desa_a)
    for page in (base, base + "register/"):
        html = client.get(page).text
        assert f'href="{base}laporan/"' in html, page
    terbaru = client.get(base + "laporan/")["Location"]
    assert terbaru.endswith(f"laporan/{timezone.localdate().year}/")

    home = client.get("/").text
    widget = home.split('class="umpan-balik-beranda"', 1)[1].split("</section>", 1)[0]
    assert f'href="{base}laporan/{tahun}/"' in widget and "Lihat laporan umpan balik" in widget
    assert "<strong>4</strong>" in widget  # reports received
    assert "<strong>100,0%</strong>" in widget  # first answers on time
    assert "<strong>3,5 / 5</strong>" in widget  # average rating
    assert len(widget) < 1200  # a few lines on a phone's home page
    # A village without reports shows no empty widget.
    assert "umpan-balik-beranda" not in client_for(desa_b).get("/").text

    en = client.get("/en/").text
    assert f'href="/en{base}laporan/{tahun}/"' in en and "See the feedback report" in en


@pytest.mark.django_db
def test_widget_html_is_cached_until_a_complaint_changes(
    desa_a, client_for, commits_as_in_production
):
    with time_machine.travel(datetime(2026, 6, 1, 9, tzinfo=WITA)):
        layanan.buat_pengaduan(site=desa_a, data={"jenis": "saran", "judul": "a", "uraian": "a"})
        client = client_for(desa_a, HTTP_COOKIE="sessionid=lewati-cache-halaman")
        assert "<strong>1</strong>" in client.get("/").text
        layanan.buat_pengaduan(site=desa_a, data={"jenis": "saran", "judul": "b", "uraian": "b"})
        assert "<strong>2</strong>" in client.get("/").text


@pytest.mark.django_db
def test_months_are_counted_in_the_village_time_zone(desa_a):
    # desa_a keeps WITA (UTC+8): 31 January 23:30 WITA is still January there, 00:30 on
    # 1 February is February, though both are 31 January in UTC.
    wita = ZoneInfo("Asia/Makassar")
    for when in (
        datetime(2026, 1, 31, 23, 30, tzinfo=wita),
        datetime(2026, 2, 1, 0, 30, tzinfo=wita),
    ):
        layanan.buat_pengaduan(
            site=desa_a,
            data={"judul": "Lampu jalan mati", "uraian": "Gelap."},
            diterima_pada=when,
        )
    qs = Pengaduan.objects.filter(site=desa_a)
    bulan = dict(ub.per_bulan(qs, date(2026, 1, 1), date(2026, 12, 31), wita))
    assert list(bulan.values())[:3] == [1, 1, 0] and sum(bulan.values()) == 2
    # A period over two years names the year with each month.
    dua_tahun = ub.per_bulan(qs, date(2025, 12, 1), date(2026, 2, 28), wita)
    assert [n for _label, n in dua_tahun] == [0, 1, 1]
    assert dua_tahun[0][0].endswith("2025") and dua_tahun[2][0].endswith("2026")
