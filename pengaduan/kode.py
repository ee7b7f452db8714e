"""Tracking codes and PINs.

Codes use 30 symbols (Crockford base32 minus 0/O, 1/I/L and U) so they read aloud and
type on a phone without confusion; 9 symbols give 30**9 ≈ 2**44 possibilities. The
grouping K7M-Q4P9-X2 only uses characters valid in a Wagtail route.
"""

import re
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.utils.crypto import constant_time_compare, salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 9
GROUPS = (3, 4, 2)
PIN_LENGTH = 6
KODE_RE = re.compile(r"^[%s]{3}-[%s]{4}-[%s]{2}$" % ((ALPHABET,) * 3))


def buat_kode():
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return _group(raw)


def _group(raw):
    parts, start = [], 0
    for size in GROUPS:
        parts.append(raw[start : start + size])
        start += size
    return "-".join(parts)


def normalisasi_kode(text):
    """What a person typed (any case, spaces, missing dashes) -> canonical code or None."""
    raw = re.sub(r"[^0-9A-Za-z]", "", text or "").upper()
    if len(raw) != LENGTH or any(ch not in ALPHABET for ch in raw):
        return None
    return _group(raw)


def buat_pin():
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


# A PIN guards the answers of one item, not an account: six digits are brute-forced from
# any hash in seconds, so a slow hash only slows down every submission. What protects a
# PIN taken from a database copy is a key the database does not hold: HMAC-SHA256 with a
# server-side key (PENGADUAN_PIN_KEY, else SECRET_KEY) over a per-item salt and the PIN.
PIN_HASH_PREFIX = "hmac-sha256"


def _kunci_pin():
    return getattr(settings, "PENGADUAN_PIN_KEY", "") or settings.SECRET_KEY


def _hmac_pin(salt, pin):
    return salted_hmac(
        "desa-terbuka.pengaduan.pin", f"{salt}${pin}", secret=_kunci_pin(), algorithm="sha256"
    ).hexdigest()


def hash_pin(pin, salt=None):
    salt = salt or secrets.token_hex(8)
    return f"{PIN_HASH_PREFIX}${salt}${_hmac_pin(salt, pin)}"


def cocok_pin(pin, stored):
    """(matches, needs_upgrade): hashes from Django's password hashers (items filed before
    the keyed hash) are still accepted, and say they want rewriting."""
    if not pin or not stored:
        return False, False
    prefix, _, rest = stored.partition("$")
    if prefix == PIN_HASH_PREFIX:
        salt, _, digest = rest.partition("$")
        return constant_time_compare(_hmac_pin(salt, pin), digest), False
    matches = check_password(pin, stored)
    return matches, matches
