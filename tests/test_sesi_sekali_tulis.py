"""Sessions are written once per request, and sessions and captcha challenges do not
wait for the disk on PostgreSQL (sitecore.sessions, sitecore.disposable)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pengaduan.models import Pengaduan
from pengaduan.testing import _private_root, isian  # noqa: F401
from tests.conftest import section


def _writes(queries, table):
    return [
        q["sql"].split()[0]
        for q in queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE")) and f'"{table}"' in q["sql"]
    ]


@pytest.mark.django_db
def test_a_new_visitor_gets_one_session_write_and_a_working_form(desa_a, client_for):
    pelapor = client_for(desa_a)
    formulir = section(desa_a, "pengaduan").url
    with CaptureQueriesContext(connection) as ctx:
        response = pelapor.get(formulir)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME in response.cookies  # the browser keeps it
    # Created before the page rendered (the captcha is bound to it), never rewritten.
    assert _writes(ctx.captured_queries, "django_session") == ["INSERT"]
    assert _writes(ctx.captured_queries, "captcha_captchastore") == ["INSERT"]

    # The same session carries the one-time token to the POST, which changes it once.
    token = response.context["form"]["token"].value()
    with CaptureQueriesContext(connection) as ctx:
        sent = pelapor.post(formulir, isian(token, judul="Lampu jalan mati"))
    assert sent.status_code == 302
    assert _writes(ctx.captured_queries, "django_session") == ["UPDATE"]
    item = Pengaduan.objects.get(site=desa_a, judul="Lampu jalan mati")
    # The receipt opens from that session: what the session was written for.
    receipt = pelapor.get(sent["Location"])
    assert receipt.status_code == 200 and item.kode in receipt.text


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_disposable_writes_skip_the_disk_wait_only_in_their_own_transaction():
    from captcha.models import CaptchaStore

    from sitecore.disposable import disposable_write
    from sitecore.kodeaman.terbit import terbitkan

    with CaptureQueriesContext(connection) as ctx:
        store = terbitkan("pengaduan")
    assert CaptchaStore.objects.filter(pk=store.pk).exists()
    settings_sql = [q["sql"] for q in ctx.captured_queries if "synchronous_commit" in q["sql"]]
    assert settings_sql == (
        ["SET LOCAL synchronous_commit TO OFF"] if connection.vendor == "postgresql" else []
    )
    # Inside a caller's transaction it changes nothing: the caller's rows must wait.
    from django.db import transaction

    with transaction.atomic(), CaptureQueriesContext(connection) as ctx:
        with disposable_write():
            CaptchaStore.objects.create(challenge="1", response="x:1")
    assert not any("synchronous_commit" in q["sql"] for q in ctx.captured_queries)
