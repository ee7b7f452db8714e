"""Writing complaint e-mails into the outbox and queueing their sending."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from pengaduan.models.notifikasi import Notifikasi
from sitecore.models.roles import Peran, PeranDesa

logger = logging.getLogger(__name__)


def email_petugas(site):
    groups = PeranDesa.objects.filter(
        site=site, peran__in=[Peran.PETUGAS_PENGADUAN, Peran.KOORDINATOR_PENGADUAN]
    ).values("group")
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


_diam = ContextVar("pengaduan_notifikasi_diam", default=False)


@contextmanager
def tanpa_email():
    """Items made inside send no mail (the demo's invented complaints: nobody to tell)."""
    token = _diam.set(True)
    try:
        yield
    finally:
        _diam.reset(token)


def antrekan(site, penerima, subjek, template, context, pengaduan=None):
    """Store one mail per recipient and send it after the transaction commits."""
    if _diam.get():
        return []
    with translation.override("id"):
        isi = render_to_string(template, context)
    rows = [
        Notifikasi.objects.create(
            site=site, pengaduan=pengaduan, penerima=email, subjek=subjek[:200], isi=isi
        )
        for email in penerima
    ]
    if rows:
        transaction.on_commit(lambda pks=[row.pk for row in rows]: _enqueue(pks))
    return rows


def _enqueue(pks):
    from pengaduan.tasks import kirim_notifikasi

    # One commit for the batch (the database queue writes a row per mail).
    with transaction.atomic():
        for pk in pks:
            try:
                with transaction.atomic():
                    kirim_notifikasi.enqueue(pk)
            except Exception:  # the queue itself is down: cron retries from the outbox
                logger.exception("Could not enqueue notification %s", pk)
