"""Helpers shared by the pengaduan test modules (imported explicitly by them)."""

import pytest

CAPTCHA_OK = {"captcha_0": "x", "captcha_1": "PASSED"}


@pytest.fixture(autouse=True)
def _private_root(settings, tmp_path):
    settings.PENGADUAN_PRIVATE_ROOT = tmp_path / "private"


def form_token(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]["token"].value()


def isian(token, **extra):
    data = {
        "jenis": "pengaduan",
        "judul": "Jalan berlubang di depan SD",
        "uraian": "Lubang besar di jalan desa membahayakan anak sekolah setiap pagi.",
        "nama": "Siti Rahmawati",
        "telepon": "0812 3456 7890",
        "persetujuan": "on",
        "token": token,
        **CAPTCHA_OK,
    }
    data.update(extra)
    return data


def lapor(site, client_for, formulir, **extra):
    """A resident files an item on `site`'s complaint form at `formulir`: (item, PIN,
    status URL). `extra` overrides the form's fields; the PIN is read from the receipt,
    as the resident reads it."""
    from pengaduan.models import Pengaduan

    pelapor = client_for(site)
    response = pelapor.post(formulir, isian(form_token(pelapor, formulir), **extra))
    assert response.status_code == 302
    pin = pelapor.get(response["Location"]).context["pin"]
    item = Pengaduan.objects.filter(site=site).latest("pk")
    return item, pin, formulir + f"lacak/{item.kode}/"
