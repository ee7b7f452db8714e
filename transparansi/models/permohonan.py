"""Requests for public information (permohonan informasi publik) and objections."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

# The page-cache kind of the public requests register and the PPID report
# (sitecore.pagecache): requests are public from the moment they are filed.
CACHE_KIND = "permohonan"


class JenisIdentitas(models.TextChoices):
    KTP = "ktp", _("KTP")
    SIM = "sim", _("SIM")
    PASPOR = "paspor", _("Paspor")
    KARTU_PELAJAR = "kartu_pelajar", _("Kartu pelajar/mahasiswa")
    AKTA_BADAN = "akta_badan", _("Akta pendirian badan hukum")
    LAINNYA = "lainnya", _("Lainnya")


class CaraMemperoleh(models.TextChoices):
    MELIHAT = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
    SALINAN_DIGITAL = "salinan_digital", _("Mendapat salinan digital (softcopy)")
    SALINAN_CETAK = "salinan_cetak", _("Mendapat salinan cetak (hardcopy)")


class CaraMenerima(models.TextChoices):
    AMBIL = "ambil", _("Mengambil langsung di kantor desa")
    EMAIL = "email", _("Email")
    POS = "pos", _("Pos")
    KURIR = "kurir", _("Kurir")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Status(models.TextChoices):
    DIPROSES = "diproses", _("Sedang diproses")
    DIPERPANJANG = "diperpanjang", _("Diperpanjang")
    SELESAI = "selesai", _("Sudah diputus")
    KEBERATAN = "keberatan", _("Keberatan diajukan")
    KEBERATAN_SELESAI = "keberatan_selesai", _("Keberatan sudah ditanggapi")


class Keputusan(models.TextChoices):
    PENUH = "penuh", _("Dikabulkan seluruhnya")
    SEBAGIAN = "sebagian", _("Dikabulkan sebagian")
    DITOLAK = "ditolak", _("Ditolak")


class AlasanPenolakan(models.TextChoices):
    DIKECUALIKAN = "dikecualikan", _("Informasi dikecualikan (UU 14/2008 Pasal 17)")
    TIDAK_DIKUASAI = "tidak_dikuasai", _("Informasi tidak dikuasai desa")
    BELUM_DIDOKUMENTASIKAN = "belum_didokumentasikan", _("Informasi belum didokumentasikan")


class AlasanKeberatan(models.TextChoices):
    DITOLAK = "ditolak", _("Permohonan ditolak berdasarkan Pasal 17")
    BERKALA_TIDAK_TERSEDIA = "berkala", _("Informasi berkala tidak disediakan")
    TIDAK_DITANGGAPI = "tidak_ditanggapi", _("Permohonan tidak ditanggapi")
    TIDAK_SESUAI = "tidak_sesuai", _("Ditanggapi tidak sebagaimana yang diminta")
    TIDAK_DIPENUHI = "tidak_dipenuhi", _("Permohonan tidak dipenuhi")
    BIAYA = "biaya", _("Biaya yang dikenakan tidak wajar")
    TERLAMBAT = "terlambat", _("Informasi disampaikan melebihi jangka waktu")


class PermohonanInformasi(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="+"
    )
    nomor = models.CharField(_("nomor registrasi"), max_length=30, editable=False)
    kode_lacak = models.CharField(_("kode lacak"), max_length=16, unique=True, editable=False)

    # The requester. The identity document number is not asked: its type is enough.
    nama = models.CharField(_("nama pemohon"), max_length=150)
    alamat = models.TextField(_("alamat"))
    pekerjaan = models.CharField(_("pekerjaan"), max_length=100, blank=True)
    telepon = models.CharField(_("telepon/WhatsApp"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    jenis_identitas = models.CharField(
        _("jenis identitas"), max_length=20, choices=JenisIdentitas.choices
    )
    rincian = models.TextField(_("informasi yang dibutuhkan"))
    tujuan = models.TextField(_("tujuan penggunaan informasi"))
    cara_memperoleh = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=CaraMemperoleh.choices
    )
    cara_menerima = models.CharField(
        _("cara mendapatkan salinan"), max_length=20, choices=CaraMenerima.choices
    )
    ringkasan_publik = models.CharField(
        _("ringkasan untuk register publik"),
        max_length=200,
        blank=True,
        help_text=_("Pokok informasi yang diminta tanpa data pribadi; tampil di register."),
    )

    diterima_pada = models.DateTimeField(_("diterima pada"))
    tenggat = models.DateTimeField(_("tenggat jawaban"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DIPROSES
    )

    diperpanjang_pada = models.DateTimeField(_("diperpanjang pada"), null=True, blank=True)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    hari_perpanjangan = models.PositiveSmallIntegerField(
        _("perpanjangan (hari kerja)"), null=True, blank=True, editable=False
    )

    keputusan = models.CharField(
        _("keputusan"), max_length=10, choices=Keputusan.choices, blank=True
    )
    alasan_penolakan = models.CharField(
        _("alasan penolakan"), max_length=30, choices=AlasanPenolakan.choices, blank=True
    )
    dasar_hukum = models.CharField(_("dasar hukum penolakan"), max_length=250, blank=True)
    jawaban = models.TextField(_("jawaban kepada pemohon"), blank=True)
    biaya = models.DecimalField(_("biaya salinan (Rp)"), max_digits=12, decimal_places=0, default=0)
    diputus_pada = models.DateTimeField(_("diputus pada"), null=True, blank=True)

    keberatan_pada = models.DateTimeField(_("keberatan diajukan pada"), null=True, blank=True)
    alasan_keberatan = models.CharField(
        _("alasan keberatan"), max_length=20, choices=AlasanKeberatan.choices, blank=True
    )
    uraian_keberatan = models.TextField(_("uraian keberatan"), blank=True)
    tenggat_keberatan = models.DateTimeField(
        _("tenggat tanggapan keberatan"), null=True, blank=True
    )
    tanggapan_keberatan = models.TextField(_("tanggapan atasan PPID"), blank=True)
    keberatan_diterima = models.BooleanField(_("keberatan diterima"), null=True, blank=True)
    keberatan_dijawab_pada = models.DateTimeField(
        _("keberatan ditanggapi pada"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["-diterima_pada"]
        constraints = [
            models.UniqueConstraint(fields=["site", "nomor"], name="nomor_permohonan_unik_per_desa")
        ]

    def __str__(self):
        return self.nomor
