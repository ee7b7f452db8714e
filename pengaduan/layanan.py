"""Business operations on complaints: intake, state changes, reporter input.

Views (public form, admin, API) call these; every rule lives here or in workflow.py /
tenggat.py so it is tested without HTTP.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pengaduan import kode as kode_mod
from pengaduan.models.lampiran import Lampiran
from pengaduan.models.pengaduan import JenisTindakLanjut, Pengaduan, TindakLanjut
from pengaduan.notifikasi import antrean
from pengaduan.tenggat import hari_kerja, hitung_tenggat
from pengaduan.workflow import (
    CLOSED,
    REOPEN_WINDOW_DAYS,
    SPAM,
    Status,
    TransitionError,
    check_transition,
)
from sitecore.kalender.rules import KalenderKerja

MAKS_COBA_KODE = 8


def buat_pengaduan(
    *, site, data, berkas=(), token_form=None, dicatat_oleh=None, diterima_pada=None, base_url=""
):
    """Create an item; returns (pengaduan, pin, created).

    `data` holds model field values; `berkas` are (ContentFile, content_type, name)
    triples already checked by pengaduan.berkas. A repeated `token_form` returns the
    item created the first time (pin None, created False): double clicks and resent
    POSTs never make two items.
    """
    if token_form:
        existing = Pengaduan.objects.filter(token_form=token_form).first()
        if existing is not None:
            return existing, None, False
    pin = kode_mod.buat_pin()
    for _attempt in range(MAKS_COBA_KODE):
        try:
            with transaction.atomic():
                item = _simpan_baru(
                    site, data, berkas, token_form, dicatat_oleh, diterima_pada, pin
                )
                _beritahu_baru(item, base_url)
            return item, pin, True
        except IntegrityError:
            if token_form:
                existing = Pengaduan.objects.filter(token_form=token_form).first()
                if existing is not None:
                    return existing, None, False
            # Otherwise a tracking-code collision: draw a new code.
    raise RuntimeError("Could not allocate a unique tracking code")


def _simpan_baru(site, data, berkas, token_form, dicatat_oleh, diterima_pada, pin):
    now = timezone.now()
    item = Pengaduan(
        site=site,
        kode=kode_mod.buat_kode(),
        token_form=token_form or None,
        dicatat_oleh=dicatat_oleh,
        diterima_pada=diterima_pada or now,
        **data,
    )
    item.set_pin(pin)
    perbarui_turunan(item, riwayat=[])
    item.save()
    TindakLanjut.objects.create(
        pengaduan=item,
        ke_status=Status.DITERIMA,
        waktu=item.diterima_pada,
        aktor=dicatat_oleh,
        catatan_publik=_("Laporan diterima melalui %(kanal)s dan dicatat dalam register.")
        % {"kanal": item.get_kanal_display().lower()},
    )
    for content, content_type, nama in list(berkas)[:5]:
        lampiran = Lampiran(
            pengaduan=item,
            nama_asli=(nama or "")[-200:],
            content_type=content_type,
            ukuran=content.size,
            dari_pelapor=True,
        )
        lampiran.berkas.save("x", content, save=False)
        lampiran.save()
    log(item, "pengaduan.terima", user=dicatat_oleh)
    return item


def _beritahu_baru(item, base_url):
    context = {"p": item, "base_url": base_url, "admin_url": admin_url(item)}
    subjek = _("[%(desa)s] %(jenis)s baru %(kode)s") % {
        "desa": item.site.site_name,
        "jenis": item.get_jenis_display(),
        "kode": item.kode,
    }
    antrean.antrekan(
        item.site,
        antrean.email_petugas(item.site),
        subjek,
        "pengaduan/email/petugas_baru.txt",
        context,
        pengaduan=item,
    )
    if item.email:
        antrean.antrekan(
            item.site,
            [item.email],
            _("Tanda terima %(kode)s") % {"kode": item.kode},
            "pengaduan/email/tanda_terima.txt",
            context,
            pengaduan=item,
        )


def admin_url(item):
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL + reverse("pengaduan:inspect", args=[item.pk])


def riwayat_status(item):
    return list(
        item.tindak_lanjut.exclude(ke_status="")
        .order_by("waktu", "id")
        .values_list("waktu", "ke_status")
    )


def perbarui_turunan(item, riwayat=None, kalender=None):
    """Recompute the stored deadlines and working-day figures of an item."""
    kalender = kalender or KalenderKerja.for_site(item.site)
    if riwayat is None:
        riwayat = riwayat_status(item)
    tenggat = hitung_tenggat(kalender, item.diterima_pada, riwayat, item.lintas_instansi)
    item.tenggat_tanggapan = tenggat.tanggapan
    item.tenggat_selesai = tenggat.selesai
    item.hari_tanggapan = hari_kerja(kalender, item.diterima_pada, item.ditanggapi_pada)
    item.hari_selesai = hari_kerja(kalender, item.diterima_pada, item.diselesaikan_pada)
    item.tepat_tanggapan = (
        None if item.ditanggapi_pada is None else item.ditanggapi_pada <= tenggat.tanggapan
    )
    item.tepat_selesai = (
        None
        if item.diselesaikan_pada is None or tenggat.selesai is None
        else item.diselesaikan_pada <= tenggat.selesai
    )


@transaction.atomic
def ubah_status(item, target, *, user=None, data=None, by_reporter=False, waktu=None):
    """Move an item to `target`, recording the event; raises TransitionError."""
    data = dict(data or {})
    item = Pengaduan.objects.select_for_update().get(pk=item.pk)
    # A public title the officer already wrote on the item counts.
    check_transition(
        item.status, target, {"judul_publik": item.judul_publik, **data}, by_reporter=by_reporter
    )
    waktu = waktu or timezone.now()
    target = Status(target)
    event = TindakLanjut.objects.create(
        pengaduan=item,
        dari_status=item.status,
        ke_status=target,
        waktu=waktu,
        aktor=user,
        oleh_pelapor=by_reporter,
        **{k: v for k, v in data.items() if k in _EVENT_FIELDS},
    )
    if target == Status.MENUNGGU_PELAPOR:
        item.status_sebelum_jeda = item.status
    item.status = target
    if not by_reporter and item.ditanggapi_pada is None:
        item.ditanggapi_pada = waktu
    if target == Status.DIVERIFIKASI and item.diverifikasi_pada is None:
        item.diverifikasi_pada = waktu
    if target in CLOSED:
        item.diselesaikan_pada = waktu
    if target == Status.SELESAI:
        item.hasil = data.get("hasil", item.hasil)
    for name in ("judul_publik", "ringkasan_publik"):
        if name in data:
            setattr(item, name, str(data[name]).strip())
    item.penyalahgunaan = target == Status.DITOLAK and data.get("jenis_tolak") == SPAM
    item.dirujuk_ke = data.get("dirujuk_ke", "") if target == Status.BUKAN_KEWENANGAN else ""
    if target == Status.DIBUKA_KEMBALI:
        item.diselesaikan_pada = None
        item.dibuka_kembali += 1
        item.pengingat_terkirim = None
    perbarui_turunan(item)
    item.save()
    log(
        item,
        "pengaduan.status",
        user=user,
        data={"dari": event.dari_status, "ke": target.value},
    )
    if item.penyalahgunaan:
        log(item, "pengaduan.penyalahgunaan", user=user, data={"alasan": event.alasan})
    if event.pesan_pelapor or target in CLOSED:
        _beritahu_pelapor(item, event)
    if by_reporter:
        _beritahu_petugas_update(item, event)
    return item, event


_EVENT_FIELDS = {
    "catatan_publik",
    "catatan_internal",
    "pesan_pelapor",
    "diteruskan_ke",
    "rapat_tanggal",
    "rapat_peserta",
    "rapat_temuan",
    "rapat_rekomendasi",
    "berita_acara",
    "alasan",
    "dirujuk_ke",
    "jenis_tolak",
}


def _beritahu_pelapor(item, event):
    if not item.email:
        return
    antrean.antrekan(
        item.site,
        [item.email],
        _("Kabar terbaru laporan %(kode)s: %(status)s")
        % {"kode": item.kode, "status": item.get_status_display()},
        "pengaduan/email/kabar_pelapor.txt",
        {"p": item, "event": event},
        pengaduan=item,
    )


def _beritahu_petugas_update(item, event):
    antrean.antrekan(
        item.site,
        antrean.email_petugas(item.site),
        _("[%(desa)s] Pelapor menanggapi %(kode)s")
        % {"desa": item.site.site_name, "kode": item.kode},
        "pengaduan/email/petugas_update.txt",
        {"p": item, "event": event, "admin_url": admin_url(item)},
        pengaduan=item,
    )


@transaction.atomic
def tambah_keterangan(item, teks, berkas=()):
    """The reporter adds information; an item waiting for them resumes its clock."""
    item = Pengaduan.objects.select_for_update().get(pk=item.pk)
    waktu = timezone.now()
    event = TindakLanjut.objects.create(
        pengaduan=item,
        jenis=JenisTindakLanjut.KETERANGAN,
        waktu=waktu,
        oleh_pelapor=True,
        pesan_pelapor=teks,
    )
    sisa = max(0, 5 - item.lampiran.count())
    for content, content_type, nama in list(berkas)[:sisa]:
        lampiran = Lampiran(
            pengaduan=item, nama_asli=nama[-200:], content_type=content_type, ukuran=content.size
        )
        lampiran.berkas.save("x", content, save=False)
        lampiran.save()
    if item.status == Status.MENUNGGU_PELAPOR:
        kembali = Status(item.status_sebelum_jeda or Status.DIVERIFIKASI)
        if kembali == Status.DITERIMA:
            kembali = Status.DIVERIFIKASI
        TindakLanjut.objects.create(
            pengaduan=item,
            dari_status=item.status,
            ke_status=kembali,
            waktu=waktu,
            oleh_pelapor=True,
            catatan_publik=_("Pelapor melengkapi keterangan; penanganan dilanjutkan."),
        )
        item.status = kembali
        if kembali == Status.DIVERIFIKASI and item.diverifikasi_pada is None:
            item.diverifikasi_pada = waktu
        perbarui_turunan(item)
        item.save()
    log(item, "pengaduan.keterangan")
    _beritahu_petugas_update(item, event)
    return item


def bisa_dinilai(item):
    return item.status in CLOSED


def bisa_dibuka_kembali(item, now=None):
    now = now or timezone.now()
    return (
        item.status in CLOSED
        and item.diselesaikan_pada is not None
        and now - item.diselesaikan_pada <= timedelta(days=REOPEN_WINDOW_DAYS)
    )


@transaction.atomic
def beri_penilaian(item, nilai, komentar=""):
    if not bisa_dinilai(item):
        raise TransitionError(_("Penilaian hanya dapat diberikan setelah laporan selesai."))
    if not 1 <= int(nilai) <= 5:
        raise TransitionError(_("Nilai harus antara 1 dan 5."))
    item.penilaian = int(nilai)
    item.komentar_penilaian = komentar
    item.save(update_fields=["penilaian", "komentar_penilaian", "diubah"])
    TindakLanjut.objects.create(
        pengaduan=item,
        jenis=JenisTindakLanjut.PENILAIAN,
        waktu=timezone.now(),
        oleh_pelapor=True,
        catatan_internal=komentar,
        catatan_publik=_("Pelapor memberi nilai %(n)s dari 5.") % {"n": int(nilai)},
    )
    log(item, "pengaduan.penilaian", data={"nilai": int(nilai)})
    return item


def buka_kembali(item, alasan, now=None):
    if not bisa_dibuka_kembali(item, now):
        raise TransitionError(
            _("Laporan hanya dapat dibuka kembali dalam 14 hari setelah selesai.")
        )
    return ubah_status(
        item,
        Status.DIBUKA_KEMBALI,
        by_reporter=True,
        data={
            "alasan": alasan,
            "catatan_publik": _("Pelapor belum puas dan membuka kembali laporan."),
        },
        waktu=now,
    )[0]


# --- redacted copies of attachments ---------------------------------------------------


@transaction.atomic
def simpan_salinan_tersamar(asli, berkas, *, user=None, publik=False):
    """Store an officer's redacted copy of an image attachment; returns the copy.

    `berkas` is a (ContentFile, content_type, name) triple from pengaduan.berkas, so the
    copy is re-encoded and stripped like any upload. The original stays private.
    """
    content, content_type, nama = berkas
    if not asli.is_image or not content_type.startswith("image/"):
        raise TransitionError(_("Salinan tersamar hanya untuk lampiran foto."))
    salinan = Lampiran(
        pengaduan=asli.pengaduan,
        nama_asli=(nama or "")[-200:],
        content_type=content_type,
        ukuran=content.size,
        dari_pelapor=False,
        salinan_dari=asli,
    )
    salinan.berkas.save("x", content, save=False)
    salinan.save()
    log(asli.pengaduan, "pengaduan.salinan", user=user, data={"lampiran": salinan.pk})
    if publik:
        atur_publik(salinan, True, user=user)
    return salinan


@transaction.atomic
def atur_publik(lampiran, publik, *, user=None):
    """Deliberately show (or hide) a redacted copy on the public register."""
    if publik and not lampiran.boleh_publik:
        raise TransitionError(
            _("Hanya salinan foto yang sudah disamarkan yang dapat dipublikasikan.")
        )
    lampiran.publik = bool(publik)
    lampiran.save(update_fields=["publik"])
    log(
        lampiran.pengaduan,
        "pengaduan.lampiran_publik",
        user=user,
        data={"lampiran": lampiran.pk, "publik": lampiran.publik},
    )
    return lampiran
