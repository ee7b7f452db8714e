"""Comments: form, spam defences, moderation, escaping and admin scoping per village."""

import pytest

from sitecore.komentar.rules import RATE_LIMIT, hitung_tautan
from sitecore.models import Komentar
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _counter_cache():
    from sitecore.klien import counter_cache

    counter_cache().clear()
    yield
    counter_cache().clear()


CAPTCHA_OK = {"captcha_0": "x", "captcha_1": "PASSED"}


def data(**kw):
    return {"nama": "Rina", "pesan": "Terima kasih infonya.", **CAPTCHA_OK, **kw}


@pytest.fixture
def artikel_a(desa_a):
    return buat_artikel(section(desa_a, "artikel"), "Musyawarah desa")


def url(page):
    return f"/artikel/{page.slug}/komentar/"


def test_count_links():
    assert hitung_tautan("lihat https://a.example dan www.b.example") == 2
    assert hitung_tautan("tidak ada tautan") == 0


def test_comment_waits_for_moderation_then_shows(desa_a, artikel_a, client_for):
    client = client_for(desa_a)
    form_page = client.get(url(artikel_a))
    assert form_page.status_code == 200
    assert "no-cache" in form_page["Cache-Control"] or "max-age=0" in form_page["Cache-Control"]
    response = client.post(url(artikel_a), data(telepon="0812 3456 7890", email="r@x.test"))
    assert response.status_code == 302
    assert response["Location"].endswith("/artikel/musyawarah-desa/#komentar")
    komentar = Komentar.objects.get()
    assert komentar.status == Komentar.Status.MENUNGGU
    assert komentar.site_id == desa_a.pk
    assert komentar.kunci_klien and "127.0.0.1" not in komentar.kunci_klien
    page = client.get(response["Location"]).content.decode()
    assert "akan tampil setelah diperiksa" in page
    assert "Terima kasih infonya." not in page
    komentar.status = Komentar.Status.DISETUJUI
    komentar.save()
    page = client.get(response["Location"]).content.decode()
    assert "Terima kasih infonya." in page
    # Contact details are never shown.
    assert "0812 3456 7890" not in page and "r@x.test" not in page


def test_without_moderation_comment_shows_at_once(desa_a, artikel_a, client_for):
    index = section(desa_a, "artikel")
    index.moderasi_komentar = False
    index.save()
    client = client_for(desa_a)
    client.post(url(artikel_a), data())
    assert Komentar.objects.get().status == Komentar.Status.DISETUJUI
    assert "Terima kasih infonya." in client.get(f"/artikel/{artikel_a.slug}/").content.decode()


def test_wrong_captcha_keeps_text_with_indonesian_message(desa_a, artikel_a, client_for):
    response = client_for(desa_a).post(
        url(artikel_a), data(captcha_1="SALAH", pesan="Teks panjang saya")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Kode keamanan salah" in body
    assert "Teks panjang saya" in body
    assert not Komentar.objects.exists()


def test_honeypot_stores_nothing(desa_a, artikel_a, client_for):
    response = client_for(desa_a).post(url(artikel_a), data(situs_web="http://spam.example"))
    assert response.status_code == 302
    assert not Komentar.objects.exists()


def test_link_cap(desa_a, artikel_a, client_for):
    pesan = "Beli di https://a.example https://b.example https://c.example"
    response = client_for(desa_a).post(url(artikel_a), data(pesan=pesan))
    assert response.status_code == 400
    assert "terlalu banyak tautan" in response.content.decode()
    assert pesan in response.content.decode()
    assert not Komentar.objects.exists()


def test_rate_limit_per_client(desa_a, artikel_a, client_for):
    client = client_for(desa_a)
    for i in range(RATE_LIMIT):
        assert client.post(url(artikel_a), data(pesan=f"Komentar {i}")).status_code == 302
    response = client.post(url(artikel_a), data(pesan="Satu lagi"))
    assert response.status_code == 429
    assert "Satu lagi" in response.content.decode()
    assert Komentar.objects.count() == RATE_LIMIT
    # Another client (address) is not affected.
    other = client_for(desa_a, REMOTE_ADDR="10.0.0.9")
    assert other.post(url(artikel_a), data(pesan="Dari warga lain")).status_code == 302


def test_comment_markup_is_escaped(desa_a, artikel_a, client_for):
    Komentar.objects.create(
        site=desa_a,
        page=artikel_a,
        nama="<b>Budi</b>",
        pesan='<script>alert("x")</script><img src=x onerror=alert(1)>',
        status=Komentar.Status.DISETUJUI,
    )
    body = client_for(desa_a).get(f"/artikel/{artikel_a.slug}/").content.decode()
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;" in body and "&lt;b&gt;Budi&lt;/b&gt;" in body


def test_latest_comments_widget(desa_a, artikel_a, client_for):
    Komentar.objects.create(
        site=desa_a, page=artikel_a, nama="Wayan", pesan="Sudah disetujui", status="disetujui"
    )
    Komentar.objects.create(site=desa_a, page=artikel_a, nama="Anon", pesan="Masih menunggu")
    body = client_for(desa_a).get("/artikel/").content.decode()
    assert "Komentar terbaru" in body and "Sudah disetujui" in body
    assert "Masih menunggu" not in body


# --- admin moderation, scoped per village ------------------------------------------------


@pytest.fixture
def dua_komentar(desa_a, desa_b, artikel_a):
    artikel_b = buat_artikel(section(desa_b, "artikel"), "Berita Beta")
    a = Komentar.objects.create(site=desa_a, page=artikel_a, nama="Alfa", pesan="Komentar A")
    b = Komentar.objects.create(site=desa_b, page=artikel_b, nama="Beti", pesan="Komentar B")
    return a, b


def test_editor_sees_and_approves_only_own_village(client, make_staff, desa_a, dua_komentar):
    a, b = dua_komentar
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    listing = client.get("/admin/komentar/")
    assert listing.status_code == 200
    assert "Komentar A" in listing.content.decode()
    assert "Komentar B" not in listing.content.decode()
    response = client.post(f"/admin/komentar/edit/{a.pk}/", {"status": "disetujui"})
    assert response.status_code == 302
    a.refresh_from_db()
    assert a.status == Komentar.Status.DISETUJUI
    # Editing must not let the editor rewrite what the reader wrote.
    assert a.pesan == "Komentar A"


@pytest.mark.parametrize(
    "path", ["edit/{pk}/", "delete/{pk}/", "inspect/{pk}/", "history/{pk}/", "usage/{pk}/"]
)
def test_other_village_comment_is_404_in_admin(client, make_staff, desa_a, dua_komentar, path):
    _a, b = dua_komentar
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    assert client.get("/admin/komentar/" + path.format(pk=b.pk)).status_code == 404
    if path.startswith(("edit", "delete")):
        assert (
            client.post(
                "/admin/komentar/" + path.format(pk=b.pk), {"status": "disetujui"}
            ).status_code
            == 404
        )
    b.refresh_from_db()
    assert b.status == Komentar.Status.MENUNGGU


def test_editor_deletes_own_comment(client, make_staff, desa_a, dua_komentar):
    a, _b = dua_komentar
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    assert client.post(f"/admin/komentar/delete/{a.pk}/").status_code == 302
    assert not Komentar.objects.filter(pk=a.pk).exists()


def test_other_roles_cannot_moderate(client, make_staff, desa_a, dua_komentar):
    a, _b = dua_komentar
    client.force_login(make_staff(desa_a, Peran.PETUGAS_PENGADUAN))
    assert client.get("/admin/komentar/").status_code in (302, 403)
    assert client.post(f"/admin/komentar/edit/{a.pk}/", {"status": "disetujui"}).status_code in (
        302,
        403,
    )
    a.refresh_from_db()
    assert a.status == Komentar.Status.MENUNGGU
