"""The blank complaint form's fields are a fragment kept per village and language: a
new visitor's GET does not render them again, a category added by the coordinator shows
at once, and the token, CSRF and captcha stay fresh for every visitor."""

from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("commits_as_in_production")]


@override_settings(WIDGET_CACHE_ENABLED=True)
def test_blank_form_fields_are_kept_until_a_category_changes(
    desa_a, client_for, client, make_staff
):
    formulir = section(desa_a, "pengaduan").url
    first = client_for(desa_a).get(formulir)
    with CaptureQueriesContext(connection) as ctx:
        second = client_for(desa_a).get(formulir)
    assert second.status_code == 200
    assert not any('"pengaduan_kategori"' in q["sql"] for q in ctx.captured_queries)
    # Every visitor still gets a form token and a challenge of their own.
    tokens = [r.context["form"]["token"].value() for r in (first, second)]
    assert tokens[0] != tokens[1] and all(t.startswith("web:") for t in tokens)
    assert first.text.count('name="captcha_0"') == second.text.count('name="captcha_0"') == 1
    assert 'name="judul"' in second.text and 'name="csrfmiddlewaretoken"' in second.text

    # The coordinator adds a category in the admin: the next visitor can choose it.
    client.force_login(make_staff(desa_a, Peran.KOORDINATOR_PENGADUAN))
    response = client.post(
        "/admin/pengaduan/kategori/new/",
        {"site": desa_a.pk, "nama": "Air bersih dan sanitasi", "urutan": 1, "aktif": "on"},
    )
    assert response.status_code == 302, response.content[:300]
    assert "Air bersih dan sanitasi" in client_for(desa_a).get(formulir).text
    # In English the fragment is its own.
    english = client_for(desa_a).get("/en" + urlsplit(formulir).path)
    assert english.status_code == 200 and 'name="judul"' in english.text
    assert 'lang="en"' in english.text and "Isi laporan</legend>" not in english.text
