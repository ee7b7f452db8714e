"""Issue 14, register: every item an officer takes out of Diterima is public from then on,
with a neutral title asked for at that step; confidential items show redacted, abuse/spam
rejections stay out (and are logged). Walked through the admin's status-change form."""

import json
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from pengaduan import layanan
from pengaduan.models import Kategori, Pengaduan
from pengaduan.models.pengaduan import saran_judul_publik
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status, TransitionError, check_transition, menjadi_publik
from sitecore.models import DesaLogEntry, DesaProfil, Dusun
from sitecore.models.roles import Peran
from tests.conftest import section

WITA = ZoneInfo("Asia/Makassar")


# --- plain rules -----------------------------------------------------------------------


def test_neutral_title_uses_category_dusun_and_month_only():
    assert (
        saran_judul_publik("pengaduan", "Infrastruktur", "Krajan", date(2026, 12, 3))
        == "Pengaduan Infrastruktur di Dusun Krajan, Desember 2026"
    )
    assert saran_judul_publik("aspirasi", "", "", date(2026, 3, 1)) == "Aspirasi, Maret 2026"


def test_leaving_diterima_needs_a_public_title_except_for_a_spam_rejection():
    assert menjadi_publik(Status.DITERIMA, Status.MENUNGGU_PELAPOR, {})
    assert not menjadi_publik(Status.DIVERIFIKASI, Status.SELESAI, {})
    assert not menjadi_publik(Status.DITERIMA, Status.DITOLAK, {"jenis_tolak": "penyalahgunaan"})
    with pytest.raises(TransitionError) as exc:
        check_transition(Status.DITERIMA, Status.DIVERIFIKASI, {"judul_publik": "  "})
    assert "judul_publik" in exc.value.errors
    check_transition(Status.DITERIMA, Status.DIVERIFIKASI, {"judul_publik": "Judul netral"})
    with pytest.raises(TransitionError) as exc:
        check_transition(Status.DITERIMA, Status.DITOLAK, {"jenis_tolak": "penyalahgunaan"})
    assert set(exc.value.errors) == {"alasan"}
    with pytest.raises(TransitionError):  # spam is a kind of rejection, nothing else
        check_transition(
            Status.DITERIMA,
            Status.DIVERIFIKASI,
            {"jenis_tolak": "penyalahgunaan", "judul_publik": "x"},
        )


# --- the officer's path through the admin, then every public output --------------------


def _item(site, **extra):
    kategori = Kategori.objects.get_or_create(site=site, nama="Infrastruktur")[0]
    dusun = Dusun.objects.get_or_create(profil=DesaProfil.for_site(site), nama="Krajan")[0]
    data = {
        "jenis": "pengaduan",
        "kategori": kategori,
        "dusun": dusun,
        "judul": "Pak Budi RT 03 menutup selokan",
        "uraian": "Kata-kata pelapor sendiri yang tidak boleh tampil.",
        "nama": "Siti Rahmawati",
        **extra,
    }
    return layanan.buat_pengaduan(site=site, data=data)[0]


def _ubah(client, item, **post):
    return client.post(f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/", post)


def _outputs(site, client_for):
    public = client_for(site)
    register = section(site, "pengaduan").url + "register/"
    # The items only: the filter form lists every dusun and the intro names the rules.
    return {
        "html": public.get(register)
        .content.decode()
        .split("register-filter")[1]
        .split("</form>")[1],
        "rss": public.get(register + "rss/").content.decode(),
        "csv": public.get(register + "csv/").content.decode(),
        "json": public.get(register + "json/").content.decode(),
    }


def _bulan():
    """The current month in Desa Alpha's zone, as the neutral title writes it."""
    hari_ini = timezone.localtime(timezone.now(), WITA).date()
    return saran_judul_publik("", "", "", hari_ini).split(", ")[1], f"{hari_ini:%Y-%m}"


def _judul_netral():
    return f"Pengaduan Infrastruktur di Dusun Krajan, {_bulan()[0]}"


@pytest.mark.django_db
def test_officer_path_puts_the_item_in_every_register_output_with_a_neutral_title(
    desa_a, make_staff, client, client_for
):
    item = _item(desa_a)
    JUDUL_NETRAL = _judul_netral()  # noqa: N806
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    form = client.get(f"/admin/pengaduan/item/{item.pk}/tindak-lanjut/").context["form"]
    assert form["judul_publik"].value() == JUDUL_NETRAL  # suggested, not the reporter's words

    # Bad input: leaving Diterima without a title is refused and changes nothing.
    before = Pengaduan.objects.filter(pk=item.pk).values().get()
    refused = _ubah(client, item, ke_status="diverifikasi", judul_publik="")
    assert refused.status_code == 400
    assert "tampil di register publik" in refused.content.decode()
    assert Pengaduan.objects.filter(pk=item.pk).values().get() == before
    assert item.tindak_lanjut.count() == 1

    assert (
        _ubah(client, item, ke_status="diverifikasi", judul_publik=JUDUL_NETRAL).status_code == 302
    )
    assert _ubah(client, item, ke_status="ditindaklanjuti").status_code == 302
    assert (
        _ubah(
            client, item, ke_status="selesai", hasil="korektif", pesan_pelapor="Sudah."
        ).status_code
        == 302
    )
    item.refresh_from_db()
    assert item.status == Status.SELESAI and item.judul_publik == JUDUL_NETRAL

    out = _outputs(desa_a, client_for)
    for name, text in out.items():
        assert item.kode in text and JUDUL_NETRAL in text, name
        assert "Pak Budi" not in text and "Kata-kata pelapor" not in text, name
    assert "hari yang sama" in out["html"]  # handled on the day it arrived
    page = client_for(desa_a).get(section(desa_a, "pengaduan").url + f"register/{item.kode}/")
    assert page.status_code == 200 and JUDUL_NETRAL in page.content.decode()
    status = client_for(desa_a).get(section(desa_a, "pengaduan").url + f"lacak/{item.kode}/")
    assert JUDUL_NETRAL in status.content.decode()
    assert "menunggu verifikasi" not in status.content.decode()


@pytest.mark.django_db
def test_confidential_item_is_a_redacted_line_everywhere(desa_a, make_staff, client, client_for):
    item = _item(desa_a, laporan_rahasia=True)
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    assert (
        _ubah(client, item, ke_status="diverifikasi", judul_publik="Judul rahasia").status_code
        == 302
    )

    out = _outputs(desa_a, client_for)
    for name, text in out.items():
        assert item.kode not in text and "Judul rahasia" not in text, name
        assert "Krajan" not in text and "Pak Budi" not in text, name
        assert "Laporan rahasia" in text or '"rahasia": true' in text or "True" in text, name
    assert "Infrastruktur" in out["html"]
    (row,) = json.loads(out["json"])["data"]
    assert row["rahasia"] is True and row["kategori"] == "Infrastruktur"
    assert row["diterima_pada"] == _bulan()[1] and row["status"] == "diverifikasi"
    assert not any(row[k] for k in ("kode", "judul", "ringkasan", "dusun", "tautan"))

    base = section(desa_a, "pengaduan").url
    public = client_for(desa_a)
    assert public.get(base + f"register/{item.kode}/").status_code == 404
    # Searching or filtering by dusun cannot single it out.
    assert "Laporan rahasia" not in public.get(base + "register/?q=rahasia").content.decode()
    dusun = item.dusun_id
    assert "Laporan rahasia" not in public.get(base + f"register/?dusun={dusun}").content.decode()
    status = public.get(base + f"lacak/{item.kode}/").content.decode()
    assert "Judul rahasia" not in status


@pytest.mark.django_db
def test_spam_rejection_needs_a_reason_stays_out_and_is_logged(
    desa_a, make_staff, client, client_for
):
    item = _item(desa_a)
    officer = make_staff(desa_a, Peran.PETUGAS_PENGADUAN)
    client.force_login(officer)
    before = Pengaduan.objects.filter(pk=item.pk).values().get()
    refused = _ubah(client, item, ke_status="ditolak", jenis_tolak="penyalahgunaan", alasan="")
    assert refused.status_code == 400 and "Wajib diisi" in refused.content.decode()
    assert Pengaduan.objects.filter(pk=item.pk).values().get() == before

    ok = _ubah(
        client, item, ke_status="ditolak", jenis_tolak="penyalahgunaan", alasan="Iklan judi."
    )
    assert ok.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.DITOLAK and item.penyalahgunaan
    assert item.tindak_lanjut.last().jenis_tolak == "penyalahgunaan"
    entry = DesaLogEntry.objects.get(action="pengaduan.penyalahgunaan", object_id=str(item.pk))
    assert entry.user == officer and entry.data["alasan"] == "Iklan judi."

    for name, text in _outputs(desa_a, client_for).items():
        assert item.kode not in text and "Laporan rahasia" not in text, name
    tahun = timezone.localtime(item.diterima_pada, WITA).year
    laporan = client_for(desa_a).get(section(desa_a, "pengaduan").url + f"laporan/{tahun}/")
    assert "penyalahgunaan/spam" in laporan.content.decode()


@pytest.mark.django_db
def test_ordinary_rejection_is_public_and_referral_says_to_whom(
    desa_a, make_staff, client, client_for
):
    ditolak, dirujuk = _item(desa_a), _item(desa_a)
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    assert _ubah(
        client, ditolak, ke_status="ditolak", jenis_tolak="biasa", alasan="Laporan ganda.",
        judul_publik="Laporan ganda tentang saluran air",
    ).status_code == 302  # fmt: skip
    assert _ubah(
        client, dirujuk, ke_status="bukan_kewenangan", alasan="Jalan kabupaten.",
        dirujuk_ke="Dinas PUPR Kabupaten", judul_publik=_judul_netral(),
    ).status_code == 302  # fmt: skip
    out = _outputs(desa_a, client_for)
    assert ditolak.kode in out["html"] and "Laporan ganda tentang saluran air" in out["html"]
    assert "dirujuk ke Dinas PUPR Kabupaten" in out["html"]
    assert (
        "Selesai pada hari yang sama"
        not in out["html"].split(dirujuk.kode)[1].split("</article>")[0]
    )
    row = next(r for r in json.loads(out["json"])["data"] if r["kode"] == dirujuk.kode)
    assert row["dirujuk_ke"] == "Dinas PUPR Kabupaten"
