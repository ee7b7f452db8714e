"""A text alternative to the image captcha: a small sum, read by any screen reader.

Uses django-simple-captcha's own store (one attempt per key, expiry), so the same
CaptchaField validates either mode; only the challenge and how it is shown differ.
"""

import secrets

from captcha.models import CaptchaStore

# Answers may be typed as words: "sembilan" counts as 9.
ANGKA = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
    "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
    "dua belas": 12, "tiga belas": 13, "empat belas": 14, "lima belas": 15,
    "enam belas": 16, "tujuh belas": 17, "delapan belas": 18,
}  # fmt: skip


def soal_hitungan():
    """(challenge, response) for CaptchaStore: 'a+b' and its sum."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return f"{a}+{b}", str(a + b)


def buat_soal():
    """A fresh stored challenge: {'key', 'a', 'b'} for the template."""
    key = CaptchaStore.generate_key(generator=soal_hitungan)
    a, b = CaptchaStore.objects.get(hashkey=key).challenge.split("+")
    return {"key": key, "a": int(a), "b": int(b)}


def normalisasi_jawaban(text):
    text = " ".join((text or "").lower().split())
    return str(ANGKA[text]) if text in ANGKA else text
