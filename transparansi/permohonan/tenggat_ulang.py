"""Stored deadlines of information requests follow the holiday calendar.

On a holiday correction (sitecore.kalender.signals.hari_libur_berubah) the answer
deadline of every undecided request, with its extension, and the deadline of every
unanswered objection are counted again by sitecore.kalender.tenggat_ulang, which logs
each move. An extension recorded before its length was stored is left as it is.
"""

from django_tasks import task

from sitecore.kalender import tenggat_ulang
from sitecore.kalender.rules import add_working_days
from transparansi.models.permohonan import PermohonanInformasi
from transparansi.permohonan.aturan import BATAS_JAWAB, BATAS_JAWAB_KEBERATAN

FIELDS = ["tenggat", "tenggat_keberatan"]


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


def _hitung(permohonan, kalender):
    permohonan.tenggat, permohonan.tenggat_keberatan = tenggat_baru(permohonan, kalender)


def hitung_ulang(site_id=None):
    """Recount the open requests' deadlines; returns how many moved."""
    return tenggat_ulang.hitung_ulang(terbuka, _hitung, FIELDS, FIELDS, site_id)


@task()
def hitung_ulang_tenggat(site_id):
    hitung_ulang(site_id)


def on_hari_libur_berubah(sender, site_id, **kwargs):
    if terbuka(site_id).count() > tenggat_ulang.LANGSUNG_PALING_BANYAK:
        hitung_ulang_tenggat.enqueue(site_id)
    else:
        hitung_ulang(site_id)
