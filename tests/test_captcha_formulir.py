"""Captcha challenges bound to the form that issued them, and a spoken alternative that a
script reading the HTML cannot answer (issue 17). Driven through the public forms."""

import io
import re
import shutil
import wave
from html.parser import HTMLParser

import pytest
from captcha.models import CaptchaStore

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, form_token, isian  # noqa: F401
from sitecore.kodeaman.terbit import ANGKA, normalisasi
from sitecore.komentar.models import Komentar
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel
from tests.test_transparansi_ppid import FORM as PERMOHONAN
from transparansi.models import PermohonanInformasi

pytestmark = pytest.mark.django_db
espeak = pytest.mark.skipif(not shutil.which("espeak-ng"), reason="espeak-ng not installed")


class Halaman(HTMLParser):
    """What a script sees in a page: its text and every attribute value."""

    def __init__(self, html):
        super().__init__()
        self.teks, self.atribut = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.atribut += [v for _k, v in attrs if v]

    def handle_data(self, data):
        self.teks.append(data)

    @property
    def semua(self):
        return " ".join(self.teks + self.atribut)


def _key(html):
    return re.search(r'name="captcha_0" value="([0-9a-f]{40})"', html).group(1)


def _jawaban(key):
    """What a person reads on the image (or hears): the stored digits."""
    return CaptchaStore.objects.get(hashkey=key).challenge


def _url_pengaduan(site):
    return section(site, "pengaduan").url


def _url_permohonan(site):
    return section(site, "transparansi").url + "permohonan/"


def test_key_of_the_complaint_form_is_refused_by_the_request_form(desa_a, client_for):
    client = client_for(desa_a)
    key = _key(client.get(_url_pengaduan(desa_a)).content.decode())
    data = {**PERMOHONAN, "captcha_0": key, "captcha_1": _jawaban(key)}
    response = client.post(_url_permohonan(desa_a), data)
    assert response.status_code == 200  # the form again, not the receipt
    html = response.content.decode()
    assert "Kode keamanan salah, sudah dipakai, atau kedaluwarsa" in html
    assert "Rahmat Hidayat" in html and "Salinan SPJ pembangunan" in html  # values kept
    assert not PermohonanInformasi.objects.exists()
    assert not CaptchaStore.objects.filter(hashkey=key).exists()  # spent by the attempt


def test_key_of_the_request_form_is_refused_by_the_complaint_and_comment_forms(desa_a, client_for):
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    keys = [_key(client.get(_url_permohonan(desa_a)).content.decode()) for _ in range(2)]
    token = form_token(client, url)
    response = client.post(url, isian(token, captcha_0=keys[0], captcha_1=_jawaban(keys[0])))
    assert response.status_code == 400
    assert "Kode keamanan salah" in response.content.decode()
    assert not Pengaduan.objects.exists()
    artikel = buat_artikel(section(desa_a, "artikel"), "Musyawarah desa")
    komentar = {"nama": "Rina", "pesan": "Setuju.", "captcha_0": keys[1]}
    response = client.post(
        f"/artikel/{artikel.slug}/komentar/", {**komentar, "captcha_1": _jawaban(keys[1])}
    )
    assert response.status_code == 400 and not Komentar.objects.exists()


def test_key_shown_to_one_visitor_is_refused_from_another(desa_a, client_for):
    """A key fetched by one browser (say a bot) and answered in another (a solver)."""
    url = _url_permohonan(desa_a)
    key = _key(client_for(desa_a).get(url).content.decode())
    other = client_for(desa_a)
    other.get(url)
    response = other.post(url, {**PERMOHONAN, "captcha_0": key, "captcha_1": _jawaban(key)})
    assert response.status_code == 200 and "Kode keamanan salah" in response.content.decode()
    assert not PermohonanInformasi.objects.exists()
    # Nor does the other browser hear it.
    if shutil.which("espeak-ng"):
        key = _key(client_for(desa_a).get(url).content.decode())
        assert other.get(url + f"?captcha_suara={key}").status_code == 404


def test_keys_from_the_library_refresh_url_are_refused(desa_a, client_for):
    client = client_for(desa_a)
    key = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()["key"]
    data = {**PERMOHONAN, "captcha_0": key, "captcha_1": _jawaban(key)}
    assert client.post(_url_permohonan(desa_a), data).status_code == 200
    assert not PermohonanInformasi.objects.exists()


def test_probe_computing_the_answer_from_the_html_is_refused(desa_a, client_for):
    """The issue's probe: open the accessible alternative, read the page, answer."""
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    page = client.get(url + "?captcha=teks")  # the old text alternative's address
    html = page.content.decode()
    key = _key(html)
    answer = _jawaban(key)
    seen = Halaman(html).semua
    assert answer not in seen and answer not in page.get("Location", "")
    assert not re.search(r"Berapa \d+ ditambah \d+", html)
    # The script's best guesses: the old sum, else any five digits on the page.
    sum_ = re.search(r"(\d+) ditambah (\d+)", seen)
    guess = str(int(sum_[1]) + int(sum_[2])) if sum_ else (re.findall(r"\d{5}", seen) or ["0"])[0]
    token = page.context["form"]["token"].value()
    response = client.post(url, isian(token, captcha_0=key, captcha_1=guess))
    assert response.status_code == 400
    assert not Pengaduan.objects.exists()
    # The spoken version's address carries the key only, never the digits.
    audio = re.search(r'<audio[^>]* src="([^"]+)"', html)
    if audio:
        assert audio[1] == f"?captcha_suara={key}" and answer not in audio[1]


@espeak
def test_spoken_code_is_served_by_the_issuing_form_only(desa_a, client_for):
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    html = client.get(url).content.decode()
    key = _key(html)
    assert f'<audio controls preload="none" src="?captcha_suara={key}"' in html
    response = client.get(url + f"?captcha_suara={key}")
    assert response.status_code == 200 and response["Content-Type"] == "audio/wav"
    assert "no-store" in response["Cache-Control"]
    with wave.open(io.BytesIO(response.content)) as wav:
        detik = wav.getnframes() / wav.getframerate()
    assert 3 < detik < 20
    # Another form does not speak it; unknown keys and junk get 404.
    assert client.get(_url_permohonan(desa_a) + f"?captcha_suara={key}").status_code == 404
    assert client.get(url + "?captcha_suara=" + "0" * 40).status_code == 404
    assert client.get(url + "?captcha_suara=../../etc").status_code == 404
    # Listening spends nothing: the visitor then types what they heard.
    token = form_token(client, url)
    ok = client.post(url, isian(token, captcha_0=key, captcha_1=_jawaban(key)))
    assert ok.status_code == 302 and Pengaduan.objects.count() == 1


def test_request_form_has_the_same_affordances(desa_a, client_for):
    html = client_for(desa_a).get(_url_permohonan(desa_a)).content.decode()
    assert '<label for="id_captcha_1">Kode keamanan *</label>' in html
    assert 'alt="Gambar kode keamanan: lima angka acak.' in html
    assert "data-captcha-refresh" in html and "js/captcha-ganti.js" in html
    assert re.search(r'id="id_captcha_1"[^>]*aria-describedby="id_captcha_helptext"', html) or (
        re.search(r'aria-describedby="id_captcha_helptext"[^>]*id="id_captcha_1"', html)
    )
    assert 'id="id_captcha_helptext"' in html and 'inputmode="numeric"' in html
    assert "Tidak dapat mengisi formulir ini?" in html
    if shutil.which("espeak-ng"):
        assert "Dengarkan kode keamanan" in html


def test_new_code_button_gets_a_key_of_the_same_form(desa_a, client_for):
    client = client_for(desa_a)
    url = _url_permohonan(desa_a)
    data = client.get(url + "?captcha=baru", HTTP_X_REQUESTED_WITH="XMLHttpRequest").json()
    assert data["image_url"] == f"/captcha/image/{data['key']}/"
    assert _jawaban(data["key"]) not in str(data)
    refused = client.post(
        _url_pengaduan(desa_a),
        isian(form_token(client, _url_pengaduan(desa_a)), captcha_0=data["key"], captcha_1="1"),
    )
    assert refused.status_code == 400
    data = client.get(url + "?captcha=baru").json()
    jawab = {"captcha_0": data["key"], "captcha_1": _jawaban(data["key"])}
    ok = client.post(url, {**PERMOHONAN, **jawab})
    assert ok.status_code == 302 and PermohonanInformasi.objects.count() == 1


def test_people_may_type_spaces_or_words(desa_a, client_for):
    assert normalisasi(" 4 7-2 9 1 ") == "47291"
    assert normalisasi("Empat tujuh dua sembilan satu") == "47291"
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    page = client.get(url)
    key = _key(page.content.decode())
    spoken = " ".join(ANGKA[int(d)] for d in _jawaban(key)).upper()
    token = page.context["form"]["token"].value()
    assert client.post(url, isian(token, captcha_0=key, captcha_1=spoken)).status_code == 302


def test_wrong_answer_explains_keeps_values_and_shows_a_new_code(desa_a, client_for):
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    page = client.get(url)
    key = _key(page.content.decode())
    token = page.context["form"]["token"].value()
    wrong = client.post(url, isian(token, captcha_0=key, captcha_1="salah"))
    assert wrong.status_code == 400
    html = wrong.content.decode()
    assert "Kode keamanan salah, sudah dipakai, atau kedaluwarsa" in html
    assert 'aria-invalid="true"' in html and 'id="id_captcha_error"' in html
    assert "Jalan berlubang di depan SD" in html and "Siti Rahmawati" in html
    assert _key(html) != key and not CaptchaStore.objects.filter(hashkey=key).exists()
    empty = client.post(url, isian(wrong.context["form"]["token"].value(), captcha_1=""))
    assert "Isi kode keamanan" in empty.content.decode()
    assert not Pengaduan.objects.exists()


def test_test_mode_answer_still_works_for_every_form(desa_a, client_for):
    client = client_for(desa_a)
    url = _url_pengaduan(desa_a)
    assert client.post(url, isian(form_token(client, url))).status_code == 302
    assert client.post(_url_permohonan(desa_a), PERMOHONAN).status_code == 302


def test_new_and_spoken_codes_are_rate_limited_per_client(desa_a, client_for, monkeypatch):
    from sitecore import batas
    from sitecore.kodeaman import formulir

    batas.store().clear()
    monkeypatch.setattr(formulir, "BATAS", (2, 600))
    client = client_for(desa_a)
    url = _url_permohonan(desa_a) + "?captcha=baru"
    assert [client.get(url).status_code for _ in range(3)] == [200, 200, 429]
    blocked = client.get(_url_pengaduan(desa_a) + "?captcha_suara=" + "0" * 40)
    assert blocked.status_code == 429 and blocked["Retry-After"] == "600"
    assert client.get(_url_permohonan(desa_a)).status_code == 200  # the form itself still shows
