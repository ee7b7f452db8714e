"""Tracking codes and PINs.

Codes use 30 symbols (Crockford base32 minus 0/O, 1/I/L and U) so they read aloud and
type on a phone without confusion; 9 symbols give 30**9 ≈ 2**44 possibilities. The
grouping K7M-Q4P9-X2 only uses characters valid in a Wagtail route.
"""

import re
import secrets

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
