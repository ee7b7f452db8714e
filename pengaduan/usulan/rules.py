"""What may be recorded about a proposal's outcome, and the records themselves.

A village plan accommodates a proposal only through a plan activity that links it (kept
by transparansi); `sinkron_rencana_desa` is how that app tells us which ones are linked.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from pengaduan.models.pengaduan import Jenis, JenisTindakLanjut, Pengaduan, TindakLanjut
from pengaduan.usulan.models import HasilUsulan, JalurUsulan, Tingkat
from pengaduan.workflow import Status

URUTAN = list(Tingkat.values)
# A postponement further than one RPJMDes term ahead is not a plan.
TUNDA_MAKS_TAHUN = 6
FIELDS = ("tingkat", "hasil", "dokumen", "tahun_tunda", "alasan", "diputuskan_pada")
# Which detail each outcome keeps; the others are cleared so nothing stale shows.
DETAIL = {
    HasilUsulan.DITAMPUNG_DESA: (),
    HasilUsulan.DITAMPUNG_LUAR: ("dokumen",),
    HasilUsulan.DITUNDA: ("tahun_tunda", "alasan"),
    HasilUsulan.TIDAK_DITAMPUNG: ("alasan",),
    "": (),
}


def lebih_tinggi(a, b):
    """The higher of two levels ("" is below all)."""
    return max(a or "", b or "", key=lambda t: URUTAN.index(t) if t else -1)


def periksa(data, *, tahun_usulan, tahun_ini, ditautkan):
    """{field: message} for an outcome record that may not be saved; {} when it may.

    `ditautkan`: whether a live village plan activity links the proposal.
    """
    errors = {}
    tingkat, hasil = data.get("tingkat") or "", data.get("hasil") or ""
    if not tingkat:
        errors["tingkat"] = _("Pilih tingkat musyawarah yang sudah dicapai usulan ini.")
    if hasil == HasilUsulan.DITAMPUNG_DESA:
        if tingkat == Tingkat.DUSUN:
            errors["tingkat"] = _(
                "Rencana desa ditetapkan di musyawarah desa: pilih musyawarah desa atau tingkat "
                "di atasnya."
            )
        if not ditautkan:
            errors["hasil"] = _(
                "Usulan ini belum dikaitkan dengan kegiatan RKPDes/RPJMDes. Editor PPID "
                "mengaitkannya di halaman rencana; hasil ini tercatat sendiri saat halaman itu "
                "terbit."
            )
    elif hasil == HasilUsulan.DITAMPUNG_LUAR:
        if tingkat not in (Tingkat.KECAMATAN, Tingkat.KABUPATEN):
            errors["tingkat"] = _(
                "Usulan yang ditampung di luar desa sudah sampai Musrenbang kecamatan atau "
                "kabupaten/kota: pilih tingkat itu."
            )
        if not (data.get("dokumen") or "").strip():
            errors["dokumen"] = _(
                "Sebutkan dokumen yang menampungnya, misalnya berita acara Musrenbang kecamatan "
                "beserta nomornya."
            )
    elif hasil == HasilUsulan.DITUNDA:
        tahun = data.get("tahun_tunda")
        awal = max(tahun_usulan + 1, tahun_ini)
        akhir = tahun_ini + TUNDA_MAKS_TAHUN
        if tahun is None:
            errors["tahun_tunda"] = _("Isi tahun usulan ini akan dibahas lagi.")
        elif not awal <= tahun <= akhir:
            errors["tahun_tunda"] = _("Tahun penundaan harus antara %(awal)s dan %(akhir)s.") % {
                "awal": awal,
                "akhir": akhir,
            }
    elif hasil == HasilUsulan.TIDAK_DITAMPUNG:
        if len((data.get("alasan") or "").strip()) < 10:
            errors["alasan"] = _(
                "Tuliskan alasan usulan ini tidak ditampung (paling sedikit 10 huruf): "
                "pengusul dan pengunjung register membacanya."
            )
    return errors


def zona(item):
    from sitecore.models import DesaProfil

    profil = DesaProfil.objects.filter(site_id=item.site_id).first()
    return profil.tzinfo if profil else None


def ditautkan(item):
    """Whether another app (transparansi) links a plan activity to this proposal."""
    from pengaduan.publik.pelapor import item_links

    return bool(item_links([item]).get(item.pk))


def ringkas(jalur):
    """One Indonesian sentence for the timeline: stored text, so never translated."""
    teks = f"Usulan dibahas sampai {Tingkat(jalur.tingkat).label}"
    if jalur.hasil == HasilUsulan.DITAMPUNG_DESA:
        teks += ": ditampung dalam rencana desa."
    elif jalur.hasil == HasilUsulan.DITAMPUNG_LUAR:
        teks += f": ditampung di tingkat {Tingkat(jalur.tingkat).label} ({jalur.dokumen})."
    elif jalur.hasil == HasilUsulan.DITUNDA:
        teks += f": ditunda, dibahas lagi tahun {jalur.tahun_tunda}."
    elif jalur.hasil == HasilUsulan.TIDAK_DITAMPUNG:
        teks += f": tidak ditampung. Alasan: {jalur.alasan}"
    else:
        teks += "; hasilnya belum diputuskan."
    return teks


class UsulanError(ValueError):
    def __init__(self, errors):
        super().__init__("; ".join(str(m) for m in errors.values()))
        self.errors = errors


@transaction.atomic
def catat(item, data, *, user=None, waktu=None):
    """Record the level and outcome of a proposal; raises UsulanError and saves nothing
    when the record does not hold. Returns the JalurUsulan."""
    if item.jenis != Jenis.ASPIRASI:
        raise UsulanError({None: _("Hanya aspirasi/usulan pembangunan yang punya jalur usulan.")})
    if item.status == Status.DITERIMA or item.penyalahgunaan:
        raise UsulanError(
            {None: _("Verifikasi usulan ini dulu: jalurnya dicatat setelah usulan masuk register.")}
        )
    waktu = waktu or timezone.now()
    data = {k: data.get(k) for k in FIELDS}
    data["hasil"] = data["hasil"] or ""
    tz = zona(item)
    errors = periksa(
        data,
        tahun_usulan=timezone.localtime(item.diterima_pada, tz).year,
        tahun_ini=timezone.localtime(waktu, tz).year,
        ditautkan=data["hasil"] == HasilUsulan.DITAMPUNG_DESA and ditautkan(item),
    )
    if errors:
        raise UsulanError(errors)
    jalur, _created = JalurUsulan.objects.get_or_create(
        pengaduan=item, defaults={"tingkat": data["tingkat"]}
    )
    sebelum = (jalur.tingkat, jalur.hasil) if not _created else ("", "")
    kept = DETAIL[data["hasil"]]
    jalur.tingkat = data["tingkat"]
    jalur.hasil = data["hasil"]
    jalur.dokumen = (data["dokumen"] or "").strip() if "dokumen" in kept else ""
    jalur.tahun_tunda = data["tahun_tunda"] if "tahun_tunda" in kept else None
    jalur.alasan = (data["alasan"] or "").strip() if "alasan" in kept else ""
    if jalur.hasil:
        jalur.diputuskan_pada = data["diputuskan_pada"] or timezone.localdate(waktu, tz)
    else:
        jalur.diputuskan_pada = None
    jalur.diubah_oleh = user
    jalur.save()
    _kabarkan(item, jalur, sebelum, user, waktu)
    return jalur


def _kabarkan(item, jalur, sebelum, user, waktu):
    """Timeline event (the reporter and the register read it), notice, audit log."""
    from pengaduan.layanan import _beritahu_pelapor

    if (jalur.tingkat, jalur.hasil) != sebelum:
        event = TindakLanjut.objects.create(
            pengaduan=item,
            jenis=JenisTindakLanjut.CATATAN,
            waktu=waktu,
            aktor=user,
            catatan_publik=ringkas(jalur),
        )
        _beritahu_pelapor(item, event)
    log(
        item,
        "pengaduan.usulan",
        user=user,
        data={"tingkat": jalur.tingkat, "hasil": jalur.hasil, "sebelum": list(sebelum)},
    )


def sinkron_rencana_desa(site, tertaut_ids, *, user=None):
    """Make the proposals of `site` that live plan activities link (`tertaut_ids`) read
    "ditampung dalam rencana desa", and those no longer linked lose that outcome.

    Called by transparansi when a plan page is published or unpublished. Returns the
    number of proposals changed.
    """
    tertaut_ids = set(tertaut_ids)
    berubah = 0
    usulan = (
        Pengaduan.objects.filter(site=site, jenis=Jenis.ASPIRASI).publik().select_related("site")
    )
    for item in usulan.filter(pk__in=tertaut_ids).select_related("jalur_usulan"):
        jalur = getattr(item, "jalur_usulan", None)
        if jalur is not None and jalur.hasil == HasilUsulan.DITAMPUNG_DESA:
            continue
        data = {
            "tingkat": lebih_tinggi(jalur.tingkat if jalur else "", Tingkat.DESA),
            "hasil": HasilUsulan.DITAMPUNG_DESA,
        }
        _simpan_tanpa_periksa(item, jalur, data, user)
        berubah += 1
    lepas = JalurUsulan.objects.filter(
        pengaduan__site=site, hasil=HasilUsulan.DITAMPUNG_DESA
    ).exclude(pengaduan_id__in=tertaut_ids)
    for jalur in lepas.select_related("pengaduan__site"):
        _simpan_tanpa_periksa(jalur.pengaduan, jalur, {"tingkat": jalur.tingkat, "hasil": ""}, user)
        berubah += 1
    return berubah


def _simpan_tanpa_periksa(item, jalur, data, user):
    # The link itself is the evidence: no officer input to check.
    sebelum = (jalur.tingkat, jalur.hasil) if jalur else ("", "")
    if jalur is None:
        jalur = JalurUsulan(pengaduan=item)
    jalur.tingkat, jalur.hasil = data["tingkat"], data["hasil"]
    jalur.dokumen, jalur.tahun_tunda, jalur.alasan = "", None, ""
    jalur.diputuskan_pada = timezone.localdate() if jalur.hasil else None
    jalur.diubah_oleh = user
    jalur.save()
    _kabarkan(item, jalur, sebelum, user, timezone.now())
