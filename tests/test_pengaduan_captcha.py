"""The text alternative to the image captcha: an arithmetic question for screen-reader
users, chosen per visit, validated by the same one-attempt captcha store."""

import re

import pytest
from captcha.models import CaptchaStore

from pengaduan.models import Pengaduan
from pengaduan.publik.captcha_teks import ANGKA, normalisasi_jawaban, soal_hitungan
from pengaduan.testing import _private_root, isian  # noqa: F401
from tests.conftest import section

pytestmark = pytest.mark.django_db


def _soal(html):
    """(hashkey, a, b) of the text question rendered in `html`."""
    key = re.search(r'name="captcha_0" value="([0-9a-f]+)"', html).group(1)
    a, b = re.search(r"Berapa (\d+) ditambah (\d+)\?", html).groups()
    return key, int(a), int(b)


def test_challenge_is_a_small_sum():
    for _ in range(50):
        challenge, response = soal_hitungan()
        a, b = map(int, challenge.split("+"))
        assert 1 <= a <= 9 and 1 <= b <= 9 and response == str(a + b)
    assert normalisasi_jawaban(" Tujuh ") == "7" and normalisasi_jawaban("dua  belas") == "12"
    assert normalisasi_jawaban("12") == "12"


def test_image_form_links_to_the_text_question(desa_a, client_for):
    html = client_for(desa_a).get(section(desa_a, "pengaduan").url).content.decode()
    assert "/captcha/image/" in html and "?captcha=teks#captcha" in html
    # The office-contact fallback stays for anyone who can use neither.
    assert "Tidak dapat mengisi formulir ini?" in html


def test_text_question_files_a_complaint(desa_a, client_for):
    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    page = client.get(url + "?captcha=teks")
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert "captcha/image" not in html  # no image to see
    assert 'aria-live="polite"' in html and 'inputmode="numeric"' in html
    assert '<label for="id_captcha_1">Pertanyaan keamanan</label>' in html
    key, a, b = _soal(html)
    token = page.context["form"]["token"].value()
    data = isian(token, captcha="teks", captcha_0=key, captcha_1=str(a + b))
    response = client.post(url, data)
    assert response.status_code == 302
    assert Pengaduan.objects.filter(site=desa_a).count() == 1


def test_wrong_answer_explains_and_asks_a_new_question_in_text_mode(desa_a, client_for):
    client = client_for(desa_a)
    url = section(desa_a, "pengaduan").url
    page = client.get(url + "?captcha=teks")
    key, a, b = _soal(page.content.decode())
    token = page.context["form"]["token"].value()
    wrong = client.post(url, isian(token, captcha="teks", captcha_0=key, captcha_1=str(a + b + 1)))
    assert wrong.status_code == 400
    html = wrong.content.decode()
    assert "Jawaban keamanan salah" in html and 'aria-invalid="true"' in html
    assert "Jalan berlubang di depan SD" in html  # what the visitor typed is kept
    new_key, a2, b2 = _soal(html)
    assert new_key != key
    assert not CaptchaStore.objects.filter(hashkey=key).exists()  # one attempt per question
    # Replaying the old question fails even with the right answer.
    token = wrong.context["form"]["token"].value()
    replay = client.post(url, isian(token, captcha="teks", captcha_0=key, captcha_1=str(a + b)))
    assert replay.status_code == 400
    # The answer may be written as a word.
    _k, a3, b3 = _soal(replay.content.decode())
    words = {v: k for k, v in ANGKA.items()}
    token = replay.context["form"]["token"].value()
    ok = client.post(
        url, isian(token, captcha="teks", captcha_0=_k, captcha_1=words[a3 + b3].upper())
    )
    assert ok.status_code == 302
    assert Pengaduan.objects.count() == 1
