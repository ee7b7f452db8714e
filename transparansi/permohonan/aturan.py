"""Rules of a public information request, as plain functions over the model.

UU 14/2008 and Perki 1/2018: a written answer within 10 working days, one extension of
up to 7 working days; an objection (keberatan) to the PPID's superior within 30 working
days of its grounds, answered within 30 working days. Callers save the object.
"""

import secrets
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sitecore.kalender.rules import KalenderKerja, add_working_days
from transparansi.models.permohonan import (
    AlasanKeberatan,
    Keputusan,
    PermohonanInformasi,
    Status,
)

BATAS_JAWAB = 10
BATAS_PERPANJANGAN = 7
BATAS_AJUKAN_KEBERATAN = 30
BATAS_JAWAB_KEBERATAN = 30

_ALFABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def buat_kode_lacak():
    """Unguessable receipt code (letters and digits only: valid in a Wagtail route)."""
    return "".join(secrets.choice(_ALFABET) for _ in range(10))


@transaction.atomic
def daftarkan(permohonan, now=None, kalender=None):
    """Register a new request: number, tracking code, receipt time and deadline; saves it."""
    now = now or timezone.now()
    kalender = kalender or KalenderKerja.for_site(permohonan.site)
    tahun = now.astimezone(kalender.tz).year
    urutan = (
        PermohonanInformasi.objects.select_for_update()
        .filter(site=permohonan.site, nomor__endswith=f"/PPID/{tahun}")
        .count()
        + 1
    )
    permohonan.nomor = f"{urutan:03d}/PPID/{tahun}"
    permohonan.kode_lacak = buat_kode_lacak()
    permohonan.diterima_pada = now
    permohonan.tenggat = kalender.deadline(now, BATAS_JAWAB)
    permohonan.status = Status.DIPROSES
    permohonan.save()
    return permohonan


def sudah_diputus(permohonan):
    return bool(permohonan.keputusan)


def perpanjang(permohonan, alasan, hari=BATAS_PERPANJANGAN, now=None, kalender=None):
    """One extension of at most 7 working days, asked before the first deadline passes."""
    now = now or timezone.now()
    kalender = kalender or KalenderKerja.for_site(permohonan.site)
    if sudah_diputus(permohonan):
        raise ValidationError(_("Permohonan yang sudah diputus tidak dapat diperpanjang."))
    if permohonan.diperpanjang_pada:
        raise ValidationError(_("Perpanjangan hanya boleh satu kali."))
    if not 1 <= hari <= BATAS_PERPANJANGAN:
        raise ValidationError(_("Perpanjangan paling lama 7 hari kerja."))
    if now > permohonan.tenggat:
        raise ValidationError(_("Tenggat sudah lewat; perpanjangan tidak lagi dapat diberikan."))
    if not alasan.strip():
        raise ValidationError(_("Tuliskan alasan perpanjangan."))
    due = add_working_days(
        kalender.local_date(permohonan.tenggat), hari, kalender.working_week, kalender.holidays
    )
    permohonan.tenggat = kalender.end_of_day(due)
    permohonan.diperpanjang_pada = now
    permohonan.hari_perpanjangan = hari
    permohonan.alasan_perpanjangan = alasan
    permohonan.status = Status.DIPERPANJANG
    return permohonan


def putuskan(
    permohonan, keputusan, jawaban, alasan_penolakan="", dasar_hukum="", biaya=0, now=None
):
    """Record the written decision. Refusing (even partly) needs a reason and legal basis."""
    now = now or timezone.now()
    if sudah_diputus(permohonan):
        raise ValidationError(_("Permohonan ini sudah diputus."))
    if keputusan not in Keputusan.values:
        raise ValidationError(_("Keputusan tidak dikenal."))
    if keputusan in (Keputusan.DITOLAK, Keputusan.SEBAGIAN):
        if not alasan_penolakan or not dasar_hukum.strip():
            raise ValidationError(
                _("Penolakan (seluruh atau sebagian) wajib disertai alasan dan dasar hukum.")
            )
    else:
        alasan_penolakan, dasar_hukum = "", ""
    if not jawaban.strip():
        raise ValidationError(_("Tuliskan jawaban tertulis kepada pemohon."))
    permohonan.keputusan = keputusan
    permohonan.alasan_penolakan = alasan_penolakan
    permohonan.dasar_hukum = dasar_hukum
    permohonan.jawaban = jawaban
    permohonan.biaya = biaya or 0
    permohonan.diputus_pada = now
    permohonan.status = Status.SELESAI
    return permohonan


def terlambat(permohonan, now=None):
    """True when the answer came (or is still missing) after the deadline."""
    now = now or timezone.now()
    moment = permohonan.diputus_pada or now
    return moment > permohonan.tenggat


def dasar_keberatan_sejak(permohonan, now=None):
    """When the grounds for objection arose: the decision, or the missed deadline."""
    now = now or timezone.now()
    if permohonan.diputus_pada:
        return permohonan.diputus_pada
    if now > permohonan.tenggat:
        return permohonan.tenggat
    return None


def batas_keberatan(permohonan, now=None, kalender=None):
    """Last moment to lodge an objection, or None while there are no grounds yet."""
    kalender = kalender or KalenderKerja.for_site(permohonan.site)
    sejak = dasar_keberatan_sejak(permohonan, now)
    if sejak is None:
        return None
    return kalender.deadline(sejak, BATAS_AJUKAN_KEBERATAN)


def ajukan_keberatan(permohonan, alasan, uraian="", now=None, kalender=None):
    now = now or timezone.now()
    kalender = kalender or KalenderKerja.for_site(permohonan.site)
    if permohonan.keberatan_pada:
        raise ValidationError(_("Keberatan atas permohonan ini sudah diajukan."))
    if alasan not in AlasanKeberatan.values:
        raise ValidationError(_("Pilih alasan keberatan."))
    batas = batas_keberatan(permohonan, now, kalender)
    if batas is None:
        raise ValidationError(
            _("Keberatan baru dapat diajukan setelah ada keputusan atau tenggat terlewati.")
        )
    if now > batas:
        raise ValidationError(_("Batas 30 hari kerja untuk mengajukan keberatan sudah lewat."))
    permohonan.keberatan_pada = now
    permohonan.alasan_keberatan = alasan
    permohonan.uraian_keberatan = uraian
    permohonan.tenggat_keberatan = kalender.deadline(now, BATAS_JAWAB_KEBERATAN)
    permohonan.status = Status.KEBERATAN
    return permohonan


def jawab_keberatan(permohonan, tanggapan, diterima, now=None):
    now = now or timezone.now()
    if not permohonan.keberatan_pada:
        raise ValidationError(_("Belum ada keberatan untuk ditanggapi."))
    if permohonan.keberatan_dijawab_pada:
        raise ValidationError(_("Keberatan ini sudah ditanggapi."))
    if not tanggapan.strip():
        raise ValidationError(_("Tuliskan tanggapan atas keberatan."))
    permohonan.tanggapan_keberatan = tanggapan
    permohonan.keberatan_diterima = bool(diterima)
    permohonan.keberatan_dijawab_pada = now
    permohonan.status = Status.KEBERATAN_SELESAI
    return permohonan


@dataclass
class LaporanPPID:
    tahun: int
    jumlah: int = 0
    dikabulkan_penuh: int = 0
    dikabulkan_sebagian: int = 0
    ditolak: int = 0
    alasan_penolakan: Counter = field(default_factory=Counter)
    belum_diputus: int = 0
    terlambat: int = 0
    keberatan: int = 0
    rata_rata_hari: Decimal | None = None


def laporan_tahunan(permohonan_list, tahun, kalender, now=None):
    """Figures of the annual PPID report for requests received in `tahun`."""
    laporan = LaporanPPID(tahun=tahun)
    durasi = []
    for p in permohonan_list:
        if kalender.local_date(p.diterima_pada).year != tahun:
            continue
        laporan.jumlah += 1
        if p.keputusan == Keputusan.PENUH:
            laporan.dikabulkan_penuh += 1
        elif p.keputusan == Keputusan.SEBAGIAN:
            laporan.dikabulkan_sebagian += 1
        elif p.keputusan == Keputusan.DITOLAK:
            laporan.ditolak += 1
        else:
            laporan.belum_diputus += 1
        if p.keputusan in (Keputusan.SEBAGIAN, Keputusan.DITOLAK) and p.alasan_penolakan:
            laporan.alasan_penolakan[p.alasan_penolakan] += 1
        if terlambat(p, now):
            laporan.terlambat += 1
        if p.keberatan_pada:
            laporan.keberatan += 1
        if p.diputus_pada:
            durasi.append(kalender.working_days_between(p.diterima_pada, p.diputus_pada))
    if durasi:
        laporan.rata_rata_hari = (Decimal(sum(durasi)) / len(durasi)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    return laporan
