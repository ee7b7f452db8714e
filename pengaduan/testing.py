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
