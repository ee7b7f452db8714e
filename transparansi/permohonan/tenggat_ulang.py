"""Stored deadlines of information requests follow the holiday calendar.

On a holiday correction (sitecore.kalender.signals.hari_libur_berubah) the answer
deadline of every undecided request, with its extension, and the deadline of every
unanswered objection are counted again; each request whose deadline moves gets a log
entry. An extension recorded before its length was stored is left as it is.
"""

from django.db import transaction
from django_tasks import task
from wagtail.log_actions import log
from wagtail.models import Site

from sitecore.kalender.rules import KalenderKerja, add_working_days
from transparansi.models.permohonan import PermohonanInformasi
from transparansi.permohonan.aturan import BATAS_JAWAB, BATAS_JAWAB_KEBERATAN

LANGSUNG_PALING_BANYAK = 50


def terbuka(site_id=None):
    qs = PermohonanInformasi.objects.filter(keputusan="") | PermohonanInformasi.objects.filter(
        keberatan_pada__isnull=False, keberatan_dijawab_pada__isnull=True
    )
    return qs if site_id is None else qs.filter(site_id=site_id)


def tenggat_baru(permohonan, kalender):
    """(tenggat, tenggat_keberatan) as the calendar counts them now."""
    tenggat = permohonan.tenggat
    if not permohonan.keputusan and not (
        permohonan.diperpanjang_pada and permohonan.hari_perpanjangan is None
    ):
        tenggat = kalender.deadline(permohonan.diterima_pada, BATAS_JAWAB)
        if permohonan.hari_perpanjangan:
            due = add_working_days(
                kalender.local_date(tenggat),
                permohonan.hari_perpanjangan,
                kalender.working_week,
                kalender.holidays,
            )
            tenggat = kalender.end_of_day(due)
    keberatan = permohonan.tenggat_keberatan
    if permohonan.keberatan_pada and not permohonan.keberatan_dijawab_pada:
        keberatan = kalender.deadline(permohonan.keberatan_pada, BATAS_JAWAB_KEBERATAN)
    return tenggat, keberatan


def hitung_ulang(site_id=None):
    """Recount the open requests' deadlines; returns how many moved."""
    moved = 0
    sites = Site.objects.all() if site_id is None else Site.objects.filter(pk=site_id)
    for site in sites:
        kalender = KalenderKerja.for_site(site)
        for permohonan in terbuka(site.pk).order_by("pk").iterator():
            before = (permohonan.tenggat, permohonan.tenggat_keberatan)
            after = tenggat_baru(permohonan, kalender)
            if after == before:
                continue
            permohonan.tenggat, permohonan.tenggat_keberatan = after
            with transaction.atomic():
                permohonan.save(update_fields=["tenggat", "tenggat_keberatan"])
                log(
                    permohonan,
                    "desa.tenggat_dihitung_ulang",
                    data={
                        "sebelum": [m.isoformat() if m else None for m in before],
                        "sesudah": [m.isoformat() if m else None for m in after],
                    },
                )
            moved += 1
    return moved


@task()
def hitung_ulang_tenggat(site_id):
    hitung_ulang(site_id)


def on_hari_libur_berubah(sender, site_id, **kwargs):
    if terbuka(site_id).count() > LANGSUNG_PALING_BANYAK:
        hitung_ulang_tenggat.enqueue(site_id)
    else:
        hitung_ulang(site_id)
