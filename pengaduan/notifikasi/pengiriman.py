"""Sending one outbox e-mail, and retrying the pending ones with a growing delay."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from pengaduan.models.notifikasi import Notifikasi

logger = logging.getLogger(__name__)
MAKS_PERCOBAAN = 8


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
