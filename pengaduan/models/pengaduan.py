"""A complaint, suggestion or development proposal, and its follow-up events."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Site

from pengaduan.kode import cocok_pin, hash_pin
from pengaduan.workflow import Status
from sitecore.models.mixins import ChoiceLabelMixin


class Jenis(models.TextChoices):
    # In context: the section is "Complaints", one item of this type is "Complaint".
    PENGADUAN = "pengaduan", pgettext_lazy("jenis laporan", "Pengaduan")
    SARAN = "saran", _("Saran")
    ASPIRASI = "aspirasi", _("Aspirasi / usulan pembangunan")


class Kanal(models.TextChoices):
    WEB = "web", _("Situs web")
    KANTOR = "kantor", _("Datang ke kantor desa")
    KOTAK_SARAN = "kotak_saran", _("Kotak saran")
    TELEPON = "telepon", _("Telepon")
    SMS = "sms", _("SMS")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SURAT = "surat", _("Surat")
    IVR = "ivr", _("IVR (layanan suara)")
    MUSYAWARAH = "musyawarah", _("Musyawarah desa/dusun")
    MEDIA_SOSIAL = "media_sosial", _("Media sosial")
    API = "api", _("Sistem lain (API)")


class Gender(models.TextChoices):
    PEREMPUAN = "perempuan", _("Perempuan")
    LAKI_LAKI = "laki_laki", _("Laki-laki")


class KelompokUmur(models.TextChoices):
    MUDA = "u_17_29", _("17–29 tahun")
    DEWASA = "u_30_44", _("30–44 tahun")
    PARUH = "u_45_59", _("45–59 tahun")
    LANSIA = "u_60", _("60 tahun ke atas")
    ANAK = "u_0_16", _("di bawah 17 tahun")


class Urgensi(models.TextChoices):
    BIASA = "biasa", _("Biasa")
    PENTING = "penting", _("Penting")
    MENDESAK = "mendesak", _("Mendesak")


class Hasil(models.TextChoices):
    ADMINISTRATIF = "administratif", _("Penyelesaian administratif")
    KOREKTIF = "korektif", _("Tindakan korektif")
    KEBIJAKAN = "kebijakan", _("Rekomendasi kebijakan")
    LAINNYA = "lainnya", _("Jawaban / penjelasan")


class AlasanTolak(models.TextChoices):
    BIASA = "biasa", _("Tidak dapat diproses")
    # Abuse or spam: kept out of the public register and written to the audit log.
    PENYALAHGUNAAN = "penyalahgunaan", _("Penyalahgunaan / spam")


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
)  # fmt: skip
JENIS_JUDUL = {"pengaduan": "Pengaduan", "saran": "Saran", "aspirasi": "Aspirasi"}


def saran_judul_publik(jenis, kategori, dusun, tanggal):
    """A neutral public title from category, dusun and month, never the reporter's words.

    Stored data, so always Indonesian whatever the officer's admin language. A frozen
    copy lives in migration 0005: change both deliberately.
    """
    teks = JENIS_JUDUL.get(jenis, "Laporan")
    if kategori:
        teks += f" {kategori}"
    if dusun:
        teks += f" di Dusun {dusun}"
    return f"{teks}, {BULAN[tanggal.month - 1]} {tanggal.year}"[:150]


class PengaduanQuerySet(models.QuerySet):
    def for_sites(self, sites):
        return self.filter(site__in=sites)

    def publik(self):
        """Every item an officer has taken out of Diterima, except abuse/spam rejections.

        Confidential items stay in (so the register's counts are honest) but every
        public output shows them redacted: see Pengaduan.tersamar.
        """
        return self.exclude(status=Status.DITERIMA).exclude(penyalahgunaan=True)


# The page-cache kind of everything that shows complaints (sitecore.pagecache).
CACHE_KIND = "pengaduan"


def terlihat_publik(item):
    """Whether `item` shows on a public page (the rule of PengaduanQuerySet.publik)."""
    return item.status != Status.DITERIMA and not item.penyalahgunaan


class Pengaduan(ChoiceLabelMixin, models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="+", db_index=True
    )
    kode = models.CharField(_("kode lacak"), max_length=11, unique=True, editable=False)
    pin_hash = models.CharField(max_length=128, editable=False)
    # A one-time token from the form: a resent POST finds the item it already created.
    token_form = models.CharField(max_length=64, unique=True, null=True, editable=False)

    jenis = models.CharField(_("jenis"), max_length=16, choices=Jenis.choices)
    kategori = models.ForeignKey(
        "pengaduan.Kategori",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kanal = models.CharField(_("kanal"), max_length=16, choices=Kanal.choices, default=Kanal.WEB)
    judul = models.CharField(_("judul"), max_length=150)
    uraian = models.TextField(_("uraian asli"))
    dusun = models.ForeignKey(
        "sitecore.Dusun",
        verbose_name=_("dusun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rt = models.CharField(_("RT"), max_length=3, blank=True)
    rw = models.CharField(_("RW"), max_length=3, blank=True)
    lokasi_detail = models.CharField(_("detail lokasi"), max_length=200, blank=True)
    tanggal_kejadian = models.DateField(_("tanggal kejadian"), null=True, blank=True)

    nama = models.CharField(_("nama pelapor"), max_length=100, blank=True)
    telepon = models.CharField(_("telepon/WhatsApp"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    rahasiakan_identitas = models.BooleanField(_("rahasiakan identitas"), default=False)
    laporan_rahasia = models.BooleanField(_("laporan rahasia"), default=False)
    gender = models.CharField(_("jenis kelamin"), max_length=12, choices=Gender.choices, blank=True)
    kelompok_umur = models.CharField(
        _("kelompok umur"), max_length=8, choices=KelompokUmur.choices, blank=True
    )
    rentan_kk_perempuan = models.BooleanField(_("kepala keluarga perempuan"), default=False)
    rentan_disabilitas = models.BooleanField(_("penyandang disabilitas"), default=False)
    rentan_lansia = models.BooleanField(_("lanjut usia"), default=False)
    persetujuan = models.BooleanField(_("persetujuan pemrosesan data"), default=False)

    diterima_pada = models.DateTimeField(_("diterima pada"), db_index=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.DITERIMA
    )
    status_sebelum_jeda = models.CharField(max_length=24, blank=True, editable=False)
    urgensi = models.CharField(
        _("urgensi"), max_length=10, choices=Urgensi.choices, default=Urgensi.BIASA
    )
    lintas_instansi = models.BooleanField(
        _("melibatkan instansi lain"),
        default=False,
        help_text=_("Tenggat penyelesaian menjadi 5 hari kerja."),
    )
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas penanggung jawab"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    # Written by officers for the public; the raw text never goes public.
    judul_publik = models.CharField(_("judul publik"), max_length=150, blank=True)
    ringkasan_publik = models.TextField(_("ringkasan publik"), blank=True)
    hasil = models.CharField(_("hasil"), max_length=16, choices=Hasil.choices, blank=True)
    # Set by the workflow: kept out of the register, or shown with where it was referred.
    penyalahgunaan = models.BooleanField(
        _("ditolak sebagai penyalahgunaan/spam"), default=False, editable=False
    )
    dirujuk_ke = models.CharField(_("dirujuk ke"), max_length=200, blank=True, editable=False)

    # Derived and stored for statistics and dashboards.
    diverifikasi_pada = models.DateTimeField(null=True, blank=True, editable=False)
    ditanggapi_pada = models.DateTimeField(null=True, blank=True, editable=False)
    diselesaikan_pada = models.DateTimeField(null=True, blank=True, editable=False)
    tenggat_tanggapan = models.DateTimeField(null=True, blank=True, editable=False)
    tenggat_selesai = models.DateTimeField(null=True, blank=True, editable=False)
    hari_tanggapan = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    hari_selesai = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    tepat_tanggapan = models.BooleanField(null=True, editable=False)
    tepat_selesai = models.BooleanField(null=True, editable=False)
    dibuka_kembali = models.PositiveSmallIntegerField(default=0, editable=False)
    pengingat_terkirim = models.DateTimeField(null=True, blank=True, editable=False)

    penilaian = models.PositiveSmallIntegerField(
        _("penilaian pelapor"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        editable=False,
    )
    komentar_penilaian = models.TextField(_("komentar penilaian"), blank=True, editable=False)

    dibuat = models.DateTimeField(auto_now_add=True)
    diubah = models.DateTimeField(auto_now=True)

    objects = PengaduanQuerySet.as_manager()

    class Meta:
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        ordering = ["-diterima_pada"]
        # Sized for 100,000 items per village: every register/admin filter is an
        # equality on a leading column followed by the date the lists sort on.
        indexes = [
            models.Index(fields=["site", "-diterima_pada"], name="pengaduan_site_diterima"),
            models.Index(fields=["site", "status", "-diterima_pada"], name="pengaduan_site_status"),
            models.Index(fields=["site", "jenis", "-diterima_pada"], name="pengaduan_site_jenis"),
            models.Index(fields=["site", "kanal", "-diterima_pada"], name="pengaduan_site_kanal"),
            models.Index(fields=["kategori", "-diterima_pada"], name="pengaduan_kategori_tgl"),
            models.Index(fields=["dusun", "-diterima_pada"], name="pengaduan_dusun_tgl"),
            models.Index(fields=["site", "tenggat_selesai"], name="pengaduan_site_tenggat"),
            # The public register: every handled item but abuse/spam rejections.
            models.Index(
                fields=["site", "-diterima_pada", "-id"],
                name="pengaduan_register_publik",
                condition=models.Q(penyalahgunaan=False) & ~models.Q(status="diterima"),
            ),
        ]
        permissions = [
            ("lihat_identitas_pengaduan", _("Boleh melihat identitas yang dirahasiakan"))
        ]

    def __str__(self):
        return f"{self.kode} – {self.judul}"

    def set_pin(self, pin):
        self.pin_hash = hash_pin(pin)

    def check_pin(self, pin):
        """A correct PIN against an old (password-hasher) hash rewrites it as a keyed hash."""
        matches, upgrade = cocok_pin(pin, self.pin_hash)
        if upgrade and self.pk:
            self.pin_hash = hash_pin(pin)
            # A queryset update: no signals, nothing public changed.
            type(self).objects.filter(pk=self.pk).update(pin_hash=self.pin_hash)
        return matches

    @property
    def kelompok_rentan(self):
        return [
            label
            for flag, label in (
                (self.rentan_kk_perempuan, _("kepala keluarga perempuan")),
                (self.rentan_disabilitas, _("penyandang disabilitas")),
                (self.rentan_lansia, _("lanjut usia")),
            )
            if flag
        ]

    @property
    def lokasi_publik(self):
        """Dusun-level location only: RT/RW and details can point at a person."""
        return self.dusun.nama if self.dusun_id else ""

    @property
    def tersamar(self):
        """Confidential: the register shows only type, category, month, status, days."""
        return self.laporan_rahasia

    def saran_judul(self):
        from sitecore.models import DesaProfil

        profil = DesaProfil.objects.filter(site_id=self.site_id).first()
        tz = ZoneInfo(profil.zona_waktu if profil else "Asia/Jakarta")
        return saran_judul_publik(
            self.jenis,
            self.kategori.nama if self.kategori_id else "",
            self.dusun.nama if self.dusun_id else "",
            timezone.localtime(self.diterima_pada, tz).date(),
        )

    @property
    def judul_register(self):
        # A handled item without an officer's title still gets a neutral one.
        return self.judul_publik or self.saran_judul()

    @property
    def judul_tampil(self):
        if self.laporan_rahasia:
            return _("(laporan rahasia)")
        if self.status == Status.DITERIMA:
            return _("(menunggu verifikasi)")
        return self.judul_register


class JenisTindakLanjut(models.TextChoices):
    STATUS = "status", _("Perubahan status")
    CATATAN = "catatan", _("Catatan petugas")
    KETERANGAN = "keterangan", _("Keterangan tambahan pelapor")
    PENILAIAN = "penilaian", _("Penilaian pelapor")


class TindakLanjut(ChoiceLabelMixin, models.Model):
    """One event in an item's life: a state change, a note, or the reporter's input."""

    pengaduan = models.ForeignKey(Pengaduan, on_delete=models.CASCADE, related_name="tindak_lanjut")
    jenis = models.CharField(
        max_length=12, choices=JenisTindakLanjut.choices, default=JenisTindakLanjut.STATUS
    )
    dari_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    ke_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    waktu = models.DateTimeField(_("waktu"), db_index=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    oleh_pelapor = models.BooleanField(default=False)
    catatan_publik = models.TextField(_("catatan publik"), blank=True)
    catatan_internal = models.TextField(_("catatan internal"), blank=True)
    pesan_pelapor = models.TextField(_("pesan untuk pelapor"), blank=True)
    # Step details (forwarding, meeting, closing, rejection).
    diteruskan_ke = models.CharField(_("diteruskan kepada"), max_length=200, blank=True)
    rapat_tanggal = models.DateField(_("tanggal rapat"), null=True, blank=True)
    rapat_peserta = models.TextField(_("peserta rapat"), blank=True)
    rapat_temuan = models.TextField(_("temuan rapat"), blank=True)
    rapat_rekomendasi = models.TextField(_("rekomendasi rapat"), blank=True)
    berita_acara = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("berita acara"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alasan = models.TextField(_("alasan"), blank=True)
    dirujuk_ke = models.CharField(_("dirujuk ke"), max_length=200, blank=True)
    jenis_tolak = models.CharField(
        _("jenis penolakan"), max_length=16, choices=AlasanTolak.choices, blank=True
    )

    class Meta:
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")
        ordering = ["waktu", "id"]

    def __str__(self):
        return f"{self.pengaduan.kode} {self.waktu:%Y-%m-%d %H:%M} {self.ke_status or self.jenis}"

    @property
    def aktor_label(self):
        if self.oleh_pelapor:
            return _("Pelapor")
        return _("Petugas desa")
