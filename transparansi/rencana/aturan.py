"""Plain rules of plans: RPJMDes programme years, progress entries and activity status.

No model imports: callers pass values in, so the rules are unit-tested without a database.
"""

from django.utils.translation import gettext as _

# RPJMDes runs six years; its matrix ticks the years each programme is planned for.
TAHUN_RPJMDES = 6

DIRENCANAKAN, BERJALAN, SELESAI = "direncanakan", "berjalan", "selesai"


def tahun_program(tahun_mulai, centang):
    """Calendar years of the ticked matrix columns (tahun ke-1 … ke-6)."""
    return [tahun_mulai + i for i, ya in enumerate(centang[:TAHUN_RPJMDES]) if ya]


def periksa_progres(tanggal, persen, tahun_rencana, hari_ini):
    """{field: message} of a progress entry that cannot be stored; {} when it can."""
    errors = {}
    if persen is not None and persen > 100:
        errors["persen"] = _("Progres paling tinggi 100%.")
    if tanggal is not None:
        if tanggal > hari_ini:
            errors["tanggal"] = _("Tanggal progres tidak boleh di masa depan.")
        elif tanggal.year < tahun_rencana:
            errors["tanggal"] = _(
                "Tanggal progres tidak boleh sebelum tahun rencana (%(tahun)s)."
            ) % {"tahun": tahun_rencana}
    return errors


def terkini(entri):
    """The entry that states the activity's progress: latest date, then latest recorded."""
    return max(entri, key=lambda e: (e.tanggal, e.pk or 0), default=None)


def status_dari_progres(status, persen):
    """Status once the latest entry says `persen`: 100% is done, any progress is running.

    A postponed or cancelled activity stays so: the editor decides that, not the numbers.
    """
    if persen >= 100:
        return SELESAI
    if persen > 0 and status in (DIRENCANAKAN, SELESAI):
        return BERJALAN
    if persen == 0 and status == SELESAI:
        return DIRENCANAKAN
    return status


def pelaksanaan(program_tahun, kegiatan):
    """Which years' activities carried out each programme.

    program_tahun: {program_id: [planned years]}; kegiatan: [(program_id, tahun, item)].
    Returns {program_id: {"per_tahun": [(tahun, [items])], "belum": [planned years
    without an activity]}}.
    """
    hasil = {pk: {} for pk in program_tahun}
    for pk, tahun, item in kegiatan:
        if pk in hasil:
            hasil[pk].setdefault(tahun, []).append(item)
    return {
        pk: {
            "per_tahun": sorted(per_tahun.items()),
            "belum": [t for t in program_tahun[pk] if t not in per_tahun],
        }
        for pk, per_tahun in hasil.items()
    }
