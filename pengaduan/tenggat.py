"""Service-standard deadlines for a complaint, as pure functions over its event history.

First response: 1 working day after receipt. Final answer: 2 working days, or 5 when
other offices must be involved. The clock stops while the item waits for the reporter;
after a reopening the final-answer clock starts again from the reopening.
"""

from dataclasses import dataclass

from pengaduan.workflow import Status

HARI_TANGGAPAN = 1
HARI_SELESAI = 2
HARI_SELESAI_LINTAS_INSTANSI = 5


def jeda_dari_riwayat(riwayat, sejak=None):
    """[(start, end|None)] pauses from [(moment, new_status)] events, ordered by time."""
    pauses, start = [], None
    for moment, status in riwayat:
        if sejak is not None and moment < sejak:
            continue
        if status == Status.MENUNGGU_PELAPOR and start is None:
            start = moment
        elif status != Status.MENUNGGU_PELAPOR and start is not None:
            pauses.append((start, moment))
            start = None
    if start is not None:
        pauses.append((start, None))
    return pauses


@dataclass(frozen=True)
class Tenggat:
    tanggapan: object  # aware datetime
    selesai: object  # aware datetime, or None while paused


def hitung_tenggat(kalender, diterima_pada, riwayat, lintas_instansi=False):
    """Deadlines for an item from its receipt moment and [(moment, new_status)] history."""
    dibuka_kembali = [m for m, s in riwayat if s == Status.DIBUKA_KEMBALI]
    mulai = dibuka_kembali[-1] if dibuka_kembali else diterima_pada
    n = HARI_SELESAI_LINTAS_INSTANSI if lintas_instansi else HARI_SELESAI
    return Tenggat(
        tanggapan=kalender.deadline(diterima_pada, HARI_TANGGAPAN),
        selesai=kalender.deadline(mulai, n, jeda_dari_riwayat(riwayat, sejak=mulai)),
    )


def hari_kerja(kalender, mulai, akhir):
    """Working days taken from `mulai` to `akhir` (None when not reached yet)."""
    if mulai is None or akhir is None:
        return None
    return kalender.working_days_between(mulai, akhir)
