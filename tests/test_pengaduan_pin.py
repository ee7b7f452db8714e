"""Tracking PINs: a keyed hash (HMAC-SHA256, per-item salt), old hashes upgraded on use.

Items are filed through the public form and opened on the status page with their PIN,
as a reporter does it.
"""

import pytest
from django.contrib.auth.hashers import make_password
from django.test import override_settings

from pengaduan.kode import cocok_pin, hash_pin
from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, lapor  # noqa: F401
from tests.conftest import section

pytestmark = pytest.mark.django_db


def _buka(site, client_for, status_url, pin):
    """A fresh browser enters the PIN; True when the status page lets it in."""
    pelapor = client_for(site)
    response = pelapor.post(status_url, {"aksi": "pin", "pin": pin})
    return response.status_code == 302 and pelapor.get(status_url).context.get("akses")


def test_pin_is_stored_as_a_keyed_salted_hash(desa_a, client_for):
    item, pin, status_url = lapor(desa_a, client_for, section(desa_a, "pengaduan").url)
    prefix, salt, digest = item.pin_hash.split("$")
    assert prefix == "hmac-sha256" and len(salt) == 16 and len(digest) == 64
    assert pin not in item.pin_hash
    assert _buka(desa_a, client_for, status_url, pin)
    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    assert not _buka(desa_a, client_for, status_url, wrong)
    # The hash is worthless without the server's key: another key matches nothing.
    with override_settings(PENGADUAN_PIN_KEY="a-key-the-database-never-held"):
        assert not Pengaduan.objects.get(pk=item.pk).check_pin(pin)


def test_same_pin_gives_different_hashes():
    first, second = hash_pin("123456"), hash_pin("123456")
    assert first != second
    assert cocok_pin("123456", first) == (True, False)
    assert cocok_pin("123456", second) == (True, False)
    assert cocok_pin("654321", first) == (False, False)
    assert cocok_pin("", first) == (False, False)


def test_old_password_hash_is_accepted_and_upgraded(desa_a, client_for):
    item, pin, status_url = lapor(desa_a, client_for, section(desa_a, "pengaduan").url)
    # An item filed before the keyed hash carries a Django password-hasher hash.
    lama = make_password(pin)
    Pengaduan.objects.filter(pk=item.pk).update(pin_hash=lama)

    wrong = f"{(int(pin) + 1) % 1_000_000:06d}"
    assert not _buka(desa_a, client_for, status_url, wrong)
    assert Pengaduan.objects.get(pk=item.pk).pin_hash == lama  # a wrong PIN rewrites nothing

    assert _buka(desa_a, client_for, status_url, pin)
    baru = Pengaduan.objects.get(pk=item.pk).pin_hash
    assert baru.startswith("hmac-sha256$") and baru != lama
    # The upgraded hash still opens the item, and only with the right PIN.
    assert _buka(desa_a, client_for, status_url, pin)
    assert not _buka(desa_a, client_for, status_url, wrong)
