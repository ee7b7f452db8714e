"""The complaint state machine, in plain Python so it can be tested on its own.

States follow the village complaint procedure: received, verified, forwarded, discussed
in a meeting, acted upon, closed; with side exits (rejected, not the village's
authority), a pause while waiting for the reporter, and a reopened state when the
reporter is not satisfied. Only transitions listed in TRANSITIONS are possible.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DITERIMA = "diterima", _("Diterima")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DITERUSKAN = "diteruskan", _("Diteruskan")
    DIBAHAS = "dibahas", _("Dibahas")
    DITINDAKLANJUTI = "ditindaklanjuti", _("Ditindaklanjuti")
    SELESAI = "selesai", _("Selesai")
    DITOLAK = "ditolak", _("Ditolak")
    BUKAN_KEWENANGAN = "bukan_kewenangan", _("Bukan kewenangan desa")
    MENUNGGU_PELAPOR = "menunggu_pelapor", _("Menunggu keterangan pelapor")
    DIBUKA_KEMBALI = "dibuka_kembali", _("Dibuka kembali")


S = Status
# Handling states an officer may move an open item into.
_WORK = {S.DIVERIFIKASI, S.DITERUSKAN, S.DIBAHAS, S.DITINDAKLANJUTI}

TRANSITIONS = {
    S.DITERIMA: {S.DIVERIFIKASI, S.DITOLAK, S.BUKAN_KEWENANGAN, S.MENUNGGU_PELAPOR},
    S.DIVERIFIKASI: {
        S.DITERUSKAN,
        S.DIBAHAS,
        S.DITINDAKLANJUTI,
        S.SELESAI,
        S.DITOLAK,
        S.BUKAN_KEWENANGAN,
        S.MENUNGGU_PELAPOR,
    },
    S.DITERUSKAN: {
        S.DIBAHAS,
        S.DITINDAKLANJUTI,
        S.SELESAI,
        S.BUKAN_KEWENANGAN,
        S.MENUNGGU_PELAPOR,
    },
    S.DIBAHAS: {S.DITERUSKAN, S.DITINDAKLANJUTI, S.SELESAI, S.MENUNGGU_PELAPOR},
    S.DITINDAKLANJUTI: {S.DIBAHAS, S.SELESAI, S.MENUNGGU_PELAPOR},
    # Waiting ends when the officer resumes (or gives up after no answer).
    S.MENUNGGU_PELAPOR: _WORK | {S.DITOLAK},
    # Closed states: only the reporter reopens them.
    S.SELESAI: {S.DIBUKA_KEMBALI},
    S.DITOLAK: {S.DIBUKA_KEMBALI},
    S.BUKAN_KEWENANGAN: {S.DIBUKA_KEMBALI},
    S.DIBUKA_KEMBALI: _WORK | {S.SELESAI, S.DITOLAK, S.MENUNGGU_PELAPOR},
}

CLOSED = frozenset({S.SELESAI, S.DITOLAK, S.BUKAN_KEWENANGAN})
PAUSED = frozenset({S.MENUNGGU_PELAPOR})
# Moves only the reporter makes (through the status page), never an officer.
REPORTER_ONLY = frozenset({S.DIBUKA_KEMBALI})
REOPEN_WINDOW_DAYS = 14

# Fields a transition into a state must carry, beyond the public note.
REQUIRED_FIELDS = {
    S.DITERUSKAN: ("diteruskan_ke",),
    S.DIBAHAS: ("rapat_tanggal", "rapat_temuan"),
    S.SELESAI: ("hasil", "pesan_pelapor"),
    S.DITOLAK: ("alasan",),
    S.BUKAN_KEWENANGAN: ("alasan", "dirujuk_ke"),
    S.MENUNGGU_PELAPOR: ("pesan_pelapor",),
    S.DIBUKA_KEMBALI: ("alasan",),
}


# Leaving Diterima puts an item in the public register: it needs its public title then.
# An abuse/spam rejection stays out of the register and needs only its reason.
PUBLISH_FIELDS = ("judul_publik",)
SPAM = "penyalahgunaan"


def menjadi_publik(current, target, data):
    """Whether `current -> target` is the move that makes an item public."""
    if Status(current) != S.DITERIMA or Status(target) == S.DITERIMA:
        return False
    return not (Status(target) == S.DITOLAK and data.get("jenis_tolak") == SPAM)


class TransitionError(ValueError):
    """An illegal move, or a legal one missing what it needs; `errors` maps field -> message."""

    def __init__(self, message, errors=None):
        super().__init__(message)
        self.errors = errors or {}


def allowed_targets(status, by_reporter=False):
    targets = TRANSITIONS.get(Status(status), set())
    if by_reporter:
        return {t for t in targets if t in REPORTER_ONLY}
    return {t for t in targets if t not in REPORTER_ONLY}


def can_transition(current, target, by_reporter=False):
    return Status(target) in allowed_targets(current, by_reporter)


def check_transition(current, target, data, by_reporter=False):
    """Raise TransitionError unless `current -> target` is legal and `data` is complete."""
    if not can_transition(current, target, by_reporter):
        raise TransitionError(
            _("Perubahan status dari “%(dari)s” ke “%(ke)s” tidak diperbolehkan.")
            % {"dari": Status(current).label, "ke": Status(target).label}
        )
    missing = {
        name: _("Wajib diisi untuk status ini.")
        for name in REQUIRED_FIELDS.get(Status(target), ())
        if not str(data.get(name) or "").strip()
    }
    if data.get("jenis_tolak") == SPAM and Status(target) != S.DITOLAK:
        missing["jenis_tolak"] = _("Penyalahgunaan/spam hanya untuk status Ditolak.")
    if menjadi_publik(current, target, data):
        missing.update(
            {
                name: _(
                    "Wajib diisi: laporan ini akan tampil di register publik. Tulis judul "
                    "netral tanpa nama atau data pribadi."
                )
                for name in PUBLISH_FIELDS
                if not str(data.get(name) or "").strip()
            }
        )
    if missing:
        raise TransitionError(_("Lengkapi isian yang wajib."), missing)


def is_closed(status):
    return Status(status) in CLOSED


# Default public notes per step; villages add their own TemplateTanggapan rows.
DEFAULT_TEMPLATES = {
    S.DIVERIFIKASI: _(
        "Laporan Anda sudah kami periksa dan catat. Petugas akan menindaklanjutinya sesuai "
        "standar pelayanan."
    ),
    S.DITERUSKAN: _("Laporan diteruskan kepada pejabat yang berwenang untuk ditangani."),
    S.DIBAHAS: _("Laporan dibahas dalam rapat pemerintah desa bersama pihak terkait."),
    S.DITINDAKLANJUTI: _("Tindak lanjut sedang dikerjakan di lapangan."),
    S.SELESAI: _("Laporan selesai ditangani. Terima kasih atas partisipasi Anda."),
    S.DITOLAK: _("Laporan tidak dapat kami proses. Alasannya tercantum di bawah."),
    S.BUKAN_KEWENANGAN: _(
        "Masalah ini bukan kewenangan pemerintah desa; laporan kami rujuk ke instansi yang "
        "berwenang."
    ),
    S.MENUNGGU_PELAPOR: _(
        "Kami memerlukan keterangan tambahan dari pelapor. Waktu layanan dihentikan sementara."
    ),
}
