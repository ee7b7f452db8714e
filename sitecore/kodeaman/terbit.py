"""Issuing and checking challenges bound to one form."""

import re
import secrets

from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.utils import timezone

from sitecore.disposable import disposable_write

PANJANG = 5
ANGKA = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan")
NAMA_FORM = re.compile(r"^[a-z]{3,20}$")


def _respons(nama_form, sesi, jawaban):
    # At most 20 + 1 + 8 + 1 + 5 characters: the store's response holds 32.
    ikatan = f"{nama_form}.{sesi}" if sesi else nama_form
    return f"{ikatan}:{jawaban}"


def terbitkan(nama_form, sesi=""):
    """A fresh key for `nama_form` (and the visitor's session, when given): five digits,
    shown as an image and spoken as audio."""
    if not NAMA_FORM.match(nama_form) or not re.fullmatch(r"[0-9a-f]{0,8}", sesi):
        raise ValueError(nama_form)
    digits = "".join(str(secrets.randbelow(10)) for _ in range(PANJANG))
    with disposable_write():  # a lost challenge costs a new code
        return CaptchaStore.objects.create(
            challenge=digits, response=_respons(nama_form, sesi, digits)
        )


def normalisasi(jawaban):
    """Digits typed with spaces or dashes, or spoken words ("empat tujuh ..."), as digits."""
    words = re.split(r"[\s,.\-]+", (jawaban or "").strip().lower())
    return "".join(str(ANGKA.index(w)) if w in ANGKA else w for w in words if w)


def milik(nama_form, key, sesi=""):
    """The live store of `key` when it was issued for `nama_form` (and session), else None."""
    if not key or not re.fullmatch(r"[0-9a-f]{40}", key):
        return None
    return CaptchaStore.objects.filter(
        hashkey=key,
        response__startswith=_respons(nama_form, sesi, ""),
        expiration__gt=timezone.now(),
    ).first()


def periksa(nama_form, key, jawaban, sesi=""):
    """True when `jawaban` answers the key `nama_form` issued (to session `sesi`). One
    attempt per key, on any form: a key is spent even when offered to the wrong one."""
    if captcha_settings.CAPTCHA_TEST_MODE and (jawaban or "").strip().lower() == "passed":
        CaptchaStore.objects.filter(hashkey=key).delete()
        return True
    store = CaptchaStore.objects.filter(hashkey=key, expiration__gt=timezone.now()).first()
    CaptchaStore.remove_expired()
    if store is None:
        return False
    store.delete()
    expected = _respons(nama_form, sesi, normalisasi(jawaban))
    return secrets.compare_digest(store.response, expected)
