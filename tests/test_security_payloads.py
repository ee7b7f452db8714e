"""A payload corpus against every public form field and query parameter, plus fuzzing.

Asserted everywhere: no 500, never an unescaped reflection, and what is stored stays in
the field it was typed into (other fields of the row keep their values).
"""

import json
import re

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.models import Komentar
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel
from tests.test_transparansi_ppid import FORM as PERMOHONAN
from transparansi.models import PermohonanInformasi

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "</textarea><svg onload=alert(1)>",
    '</script><script>alert("x")</script>',
    "javascript:alert(1)",
    "{{ 7|add:7 }}{% debug %}",
]
OTHER = [
    "'; DROP TABLE pengaduan_pengaduan; --",
    "1' OR '1'='1' /*",
    '" OR ""="',
    "%' AND 1=1 --",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "x\r\nSet-Cookie: dibobol=1",
    "%0d%0aLocation:%20https://jahat.example",
    "//jahat.example/",
    "https://jahat.example/%2F..",
    "😀 ñ ‮ ﷽ \u200b",
    "A" * 20_000,
    "-1",
    "99999999999999999999999",
    "²³",
]
CORPUS = XSS + OTHER
SHARP = [XSS[0], XSS[1], OTHER[0], OTHER[6], OTHER[11]]
# Fragments that must never reach a page unescaped.
DANGEROUS = re.compile(
    r"<script>alert|<img src=x onerror|<svg onload|onmouseover='alert|"
    r"href=\"javascript:|src=\"javascript:|\{% debug %\}.*?<pre",
    re.I | re.S,
)


def _fresh_limits():
    caches["default"].clear()
    caches["kunjungan"].clear()


def _assert_safe(response, payload=None):
    assert response.status_code < 500, (response.status_code, payload)
    for header, value in response.items():
        assert "\n" not in value and "\r" not in value, header
        assert "dibobol" not in value, header
    if response.get("Location"):
        location = response["Location"]
        assert not re.match(r"^(https?:)?//jahat", location), location
    if getattr(response, "streaming", False):
        body = b"".join(response.streaming_content).decode("utf-8", "replace")
    else:
        body = response.content.decode("utf-8", "replace")
    match = DANGEROUS.search(body)
    assert match is None, (payload, body[max(0, match.start() - 200) : match.end() + 100])
    if payload in XSS and "<" in payload:
        assert payload not in body, payload
    return body


# --- query parameters ---------------------------------------------------------------


def _get_targets(site):
    artikel = section(site, "artikel").url
    agenda = section(site, "agenda").url
    pengaduan = section(site, "pengaduan").url
    transparansi = section(site, "transparansi").url
    statistik = section(site, "statistik").url
    from transparansi.models import DaftarInformasiPage

    dip = DaftarInformasiPage.objects.descendant_of(site.root_page).first()
    targets = [
        ("/cari/", ["q", "page"]),
        ("/en/cari/", ["q"]),
        (artikel, ["page", "kategori", "tag"]),
        (agenda, ["page"]),
        (agenda + "arsip/", ["page"]),
        (agenda + "kalender/", ["tahun", "bulan"]),
        (statistik, ["per"]),
        (pengaduan + "register/", ["halaman", "status", "kategori", "tahun", "jenis", "dusun"]),
        (pengaduan + "register/json/", ["status", "tahun"]),
        (pengaduan + "register/csv/", ["status", "tahun"]),
        (pengaduan + "register/rss/", ["status"]),
        (pengaduan + "lacak/", ["kode"]),
        (transparansi + "register/", ["halaman", "tahun"]),
        (transparansi + "laporan/", ["tahun"]),
        ("/admin/login/", ["next"]),
    ]
    if dip is not None:
        targets.append((dip.url, ["kategori", "tahun", "q"]))
    return targets


@pytest.mark.parametrize("target", range(16))
def test_query_parameters_never_error_or_reflect(desa_a, client_for, target):
    targets = _get_targets(desa_a)
    if target >= len(targets):
        pytest.skip("no such target")
    path, params = targets[target]
    client = client_for(desa_a)
    for payload in CORPUS:
        _assert_safe(client.get(path, dict.fromkeys(params, payload)), (path, payload))
    for param in params:
        for payload in SHARP:
            _assert_safe(client.get(path, {param: payload}), (path, param, payload))


@pytest.mark.parametrize("payload", XSS + OTHER[:12])
def test_path_segments_never_error_or_reflect(desa_a, client_for, payload):
    from urllib.parse import quote

    client = client_for(desa_a)
    seg = quote(payload[:300], safe="")
    artikel = section(desa_a, "artikel").url
    for path in [
        f"{artikel}kategori/{seg}/",
        f"{artikel}tag/{seg}/",
        f"{artikel}arsip/9999/99/",
        f"{section(desa_a, 'agenda').url}kalender/0/13/",
        f"{section(desa_a, 'agenda').url}kalender/99999/1/",
        f"{section(desa_a, 'pengaduan').url}lacak/{seg}/",
        f"{section(desa_a, 'pengaduan').url}register/{seg}/",
        f"{section(desa_a, 'transparansi').url}permohonan/{seg}/",
        f"/{seg}/",
        f"/documents/{seg}/",
    ]:
        _assert_safe(client.get(path), (path, payload))


@pytest.mark.parametrize("target", ["//jahat.example/", "https://jahat.example/", "/\\jahat"])
def test_open_redirects_via_next_are_refused(desa_a, client_for, make_staff, target):
    client = client_for(desa_a)
    lang = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert lang.status_code == 302
    assert "jahat" not in lang["Location"]
    user = make_staff(desa_a, Peran.EDITOR, password="rahasia-desa-123")
    login = client.post(
        "/admin/login/",
        {"username": user.username, "password": "rahasia-desa-123", "next": target},
    )
    assert login.status_code == 302
    assert "jahat" not in login["Location"]


# --- comment form -------------------------------------------------------------------


@pytest.fixture
def artikel_a(desa_a):
    return buat_artikel(section(desa_a, "artikel"), "Musyawarah desa")


COMMENT = {
    "nama": "Rina",
    "telepon": "0812",
    "email": "rina@example.test",
    "pesan": "Terima kasih.",
}


def _rotated(fields):
    """One request per corpus entry, each field getting a different payload, so a value
    stored in the wrong column is caught and every field sees every payload."""
    for i in range(len(CORPUS)):
        yield {f: CORPUS[(i + k * 5) % len(CORPUS)] for k, f in enumerate(fields)}


def _single(fields):
    """Then each field alone with the sharpest payloads, the others valid."""
    for field in fields:
        for payload in SHARP:
            yield {field: payload}


def test_comment_form_corpus(desa_a, artikel_a, client_for):
    client = client_for(desa_a)
    url = artikel_a.url + "komentar/"
    for values in [*_rotated(["nama", "telepon", "pesan"]), *_single(["nama", "pesan"])]:
        _fresh_limits()
        before = Komentar.objects.count()
        data = {**COMMENT, **values, "captcha_0": "x", "captcha_1": "PASSED"}
        _assert_safe(client.post(url, data), values)
        if Komentar.objects.count() > before:
            row = Komentar.objects.latest("pk")
            for field, value in {**COMMENT, **values}.items():
                assert getattr(row, field) == value.strip(), (field, values)
    # Stored comments, once approved, come back escaped on the article and in widgets.
    Komentar.objects.update(status=Komentar.Status.DISETUJUI)
    _assert_safe(client.get(artikel_a.url))
    _assert_safe(client.get("/"))


def test_comment_form_wrong_content_types(desa_a, artikel_a, client_for):
    client = client_for(desa_a)
    url = artikel_a.url + "komentar/"
    for body, ctype in [
        (json.dumps(COMMENT), "application/json"),
        ("<x/>", "application/xml"),
        ("\x00\xff\xfe", "text/plain"),
        ("--b\r\nbroken", "multipart/form-data; boundary=b"),
    ]:
        _assert_safe(client.post(url, body, content_type=ctype))
    assert not Komentar.objects.exists()


# --- complaint form and status lookup ----------------------------------------------


PENGADUAN_FIELDS = ["judul", "uraian", "nama", "telepon", "lokasi_detail"]


def test_complaint_form_corpus(desa_a, client_for, make_staff):
    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    base = isian("x", email="siti@example.test")
    for values in [*_rotated(PENGADUAN_FIELDS), *_single(["judul", "uraian"])]:
        _fresh_limits()
        before = set(Pengaduan.objects.values_list("pk", flat=True))
        response = client.post(url, {**isian(form_token(client, url)), **values})
        _assert_safe(response, values)
        new = Pengaduan.objects.exclude(pk__in=before)
        if response.status_code == 302:
            row = new.get()
            for field in PENGADUAN_FIELDS:
                expected = values.get(field, base.get(field, ""))
                assert getattr(row, field) == expected.strip(), (field, values)
            _assert_safe(client.get(response["Location"]), values)
        else:
            assert not new.exists()
    # Stored text shown to officers in the admin comes back escaped.
    officer = make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN)
    client.force_login(officer)
    _assert_safe(client.get("/admin/pengaduan/item/"))
    _assert_safe(client.get("/admin/pengaduan/item/?export=csv"))
    for item in Pengaduan.objects.all()[:10]:
        _assert_safe(client.get(f"/admin/pengaduan/item/inspect/{item.pk}/"))
        _assert_safe(client.get(f"/admin/pengaduan/item/edit/{item.pk}/"))


def test_complaint_status_lookup_corpus(desa_a, client_for):
    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    response = client.post(url, isian(form_token(client, url)))
    kode = Pengaduan.objects.get().kode
    status_url = f"{url}lacak/{kode}/"
    for i, payload in enumerate(CORPUS):
        _fresh_limits()
        data = [
            {"pin": payload, "aksi": payload, "teks": payload},
            {"aksi": "keterangan", "teks": payload},
            {"aksi": "nilai", "nilai": payload, "komentar": payload},
        ][i % 3]
        _assert_safe(client.post(status_url, data), payload)
        _assert_safe(client.get(status_url, {"pin": payload}), payload)
    assert response.status_code == 302


# --- information request form -------------------------------------------------------


PERMOHONAN_TEXT = ["nama", "alamat", "telepon", "rincian", "tujuan"]


def test_information_request_corpus(desa_a, client_for, make_staff):
    client = client_for(desa_a)
    url = section(desa_a, "transparansi").url + "permohonan/"
    fields = PERMOHONAN_TEXT + ["cara_memperoleh"]
    for values in [*_rotated(fields), *_single(["nama", "rincian", "jenis_identitas"])]:
        _fresh_limits()
        before = set(PermohonanInformasi.objects.values_list("pk", flat=True))
        response = client.post(url, {**PERMOHONAN, **values})
        _assert_safe(response, values)
        new = PermohonanInformasi.objects.exclude(pk__in=before)
        if response.status_code == 302:
            row = new.get()
            for field in PERMOHONAN_TEXT:
                expected = values.get(field, PERMOHONAN[field])
                assert getattr(row, field) == expected.strip(), (field, values)
            _assert_safe(client.get(response["Location"]), values)
        else:
            assert not new.exists()
    client.force_login(make_staff(desa_a, Peran.PPID))
    listing = client.get("/admin/permohonan_informasi/")
    _assert_safe(listing)
    for row in PermohonanInformasi.objects.all()[:8]:
        _assert_safe(client.get(f"/admin/permohonan_informasi/edit/{row.pk}/"))


# --- intake API ---------------------------------------------------------------------


def test_intake_api_corpus(desa_a, client_for, make_staff):
    from wagtail.models import APIToken

    _t, token = APIToken.create_token(user=make_staff(desa_a, Peran.PETUGAS_PENGADUAN), name="bot")
    client = client_for(desa_a)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    url = "/api/pengaduan/"
    base = {"judul": "Air mati", "uraian": "Dua hari air mati.", "kanal": "whatsapp"}
    for values in _rotated(["judul", "uraian", "kanal", "nama", "ref"]):
        _fresh_limits()
        body = {**base, **values}
        response = client.post(url, json.dumps(body), content_type="application/json", **auth)
        _assert_safe(response, values)
        if response.status_code == 201:
            row = Pengaduan.objects.get(kode=response.json()["kode"])
            for field in ["judul", "uraian"]:
                assert getattr(row, field).strip() == body[field].strip(), (field, values)
    for raw, ctype in [
        ("{not json", "application/json"),
        ("[1, 2, 3]", "application/json"),
        ('"string"', "application/json"),
        ("null", "application/json"),
        (json.dumps({"judul": ["a"], "uraian": {"x": 1}, "kanal": 5}), "application/json"),
        ("judul=a&uraian=b", "application/x-www-form-urlencoded"),
        ("<pengaduan/>", "application/xml"),
        ('{"judul": "' + "A" * 200_000 + '"}', "application/json"),
    ]:
        response = client.post(url, raw, content_type=ctype, **auth)
        assert 400 <= response.status_code < 500, (raw[:40], response.status_code)


# --- property-based fuzzing ---------------------------------------------------------

TEXT = st.text(max_size=400) | st.sampled_from(CORPUS)
FUZZ = hsettings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(judul=TEXT, uraian=TEXT, nama=TEXT, telepon=TEXT, rt=TEXT)
def test_fuzz_complaint_form(desa_a, client_for, judul, uraian, nama, telepon, rt):
    _fresh_limits()
    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    data = isian(form_token(client, url), judul=judul, uraian=uraian, nama=nama)
    data.update(telepon=telepon, rt=rt)
    before = Pengaduan.objects.count()
    response = client.post(url, data)
    _assert_safe(response)
    if response.status_code == 302:
        row = Pengaduan.objects.latest("pk")
        assert (row.judul, row.uraian) == (judul.strip(), uraian.strip())
    else:
        assert Pengaduan.objects.count() == before


@FUZZ
@given(nama=TEXT, pesan=TEXT, email=TEXT)
def test_fuzz_comment_form(desa_a, client_for, nama, pesan, email):
    _fresh_limits()
    page = section(desa_a, "artikel").get_children().live().first()
    if page is None:
        page = buat_artikel(section(desa_a, "artikel"), "Fuzz")
    client = client_for(desa_a)
    before = Komentar.objects.count()
    response = client.post(
        page.url + "komentar/",
        {"nama": nama, "pesan": pesan, "email": email, "captcha_0": "x", "captcha_1": "PASSED"},
    )
    _assert_safe(response)
    if Komentar.objects.count() > before:
        row = Komentar.objects.latest("pk")
        assert (row.nama, row.pesan) == (nama.strip(), pesan.strip())


@FUZZ
@given(rincian=TEXT, tujuan=TEXT, alamat=TEXT, q=TEXT)
def test_fuzz_information_request_and_search(desa_a, client_for, rincian, tujuan, alamat, q):
    _fresh_limits()
    client = client_for(desa_a)
    url = section(desa_a, "transparansi").url + "permohonan/"
    data = {**PERMOHONAN, "rincian": rincian, "tujuan": tujuan, "alamat": alamat}
    response = client.post(url, data)
    _assert_safe(response)
    if response.status_code == 302:
        row = PermohonanInformasi.objects.latest("pk")
        assert (row.rincian, row.tujuan) == (rincian.strip(), tujuan.strip())
    _assert_safe(client.get("/cari/", {"q": q}))
