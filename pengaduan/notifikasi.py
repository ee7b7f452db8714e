"""Writing notifications into the outbox and sending them with retries."""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from pengaduan.models import Notifikasi
from sitecore.models.roles import Peran, PeranDesa

logger = logging.getLogger(__name__)
MAKS_PERCOBAAN = 8


def email_petugas(site):
    groups = PeranDesa.objects.filter(
        site=site, peran__in=[Peran.PETUGAS_PENGADUAN, Peran.KOORDINATOR_PENGADUAN]
    ).values("group")
    users = get_user_model().objects.filter(groups__in=groups, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def antrekan(site, penerima, subjek, template, context, pengaduan=None):
    """Store one mail per recipient and send it after the transaction commits."""
    with translation.override("id"):
        isi = render_to_string(template, context)
    rows = [
        Notifikasi.objects.create(
            site=site, pengaduan=pengaduan, penerima=email, subjek=subjek[:200], isi=isi
        )
        for email in penerima
    ]
    for row in rows:
        transaction.on_commit(lambda pk=row.pk: _enqueue(pk))
    return rows


def _enqueue(pk):
    from pengaduan.tasks import kirim_notifikasi

    try:
        kirim_notifikasi.enqueue(pk)
    except Exception:  # the queue itself is down: cron retries from the outbox
        logger.exception("Could not enqueue notification %s", pk)


def kirim(pk):
    """Send one pending notification; on failure schedule a retry with backoff."""
    with transaction.atomic():
        row = Notifikasi.objects.filter(pk=pk, status=Notifikasi.Status.MENUNGGU).first()
        if row is None:
            return False
        try:
            send_mail(row.subjek, row.isi, settings.DEFAULT_FROM_EMAIL, [row.penerima])
        except Exception as exc:  # noqa: BLE001 - any mail failure is retried later
            row.percobaan += 1
            row.galat = f"{type(exc).__name__}: {exc}"[:1000]
            delay = timedelta(minutes=5 * 2 ** min(row.percobaan - 1, 7))
            row.coba_lagi_pada = timezone.now() + delay
            if row.percobaan >= MAKS_PERCOBAAN:
                row.status = Notifikasi.Status.GAGAL
            row.save(update_fields=["percobaan", "galat", "coba_lagi_pada", "status"])
            logger.warning("Notification %s failed (attempt %s): %s", pk, row.percobaan, exc)
            return False
        row.status = Notifikasi.Status.TERKIRIM
        row.terkirim_pada = timezone.now()
        row.percobaan += 1
        row.save(update_fields=["status", "terkirim_pada", "percobaan"])
        return True


def kirim_ulang(now=None):
    """Retry every pending notification whose time has come; returns (sent, failed)."""
    now = now or timezone.now()
    due = Notifikasi.objects.filter(status=Notifikasi.Status.MENUNGGU).exclude(
        coba_lagi_pada__gt=now
    )
    sent = failed = 0
    for pk in due.values_list("pk", flat=True):
        if kirim(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
