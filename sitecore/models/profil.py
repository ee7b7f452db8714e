"""The village profile: one site setting per village, with its officials and hamlets."""

from zoneinfo import ZoneInfo

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

TIME_ZONES = [
    ("Asia/Jakarta", _("WIB (Waktu Indonesia Barat, UTC+7)")),
    ("Asia/Makassar", _("WITA (Waktu Indonesia Tengah, UTC+8)")),
    ("Asia/Jayapura", _("WIT (Waktu Indonesia Timur, UTC+9)")),
]
TIME_ZONE_ABBR = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}

WORKING_WEEKS = [
    (5, _("Senin–Jumat")),
    (6, _("Senin–Sabtu")),
]

phone_validator = RegexValidator(
    r"^\+?[0-9][0-9 ()\-]{5,19}$",
    _("Masukkan nomor telepon yang benar, misalnya 0812 3456 7890 atau +62 812 3456 7890."),
)


@register_setting(icon="home")
class DesaProfil(ClusterableModel, BaseSiteSetting):
    """Identity and contact details of one village (one per Wagtail Site)."""

    nama_desa = models.CharField(_("nama desa"), max_length=100)
    kecamatan = models.CharField(_("kecamatan"), max_length=100, blank=True)
    kabupaten = models.CharField(_("kabupaten/kota"), max_length=100, blank=True)
    provinsi = models.CharField(_("provinsi"), max_length=100, blank=True)
    kode_pos = models.CharField(
        _("kode pos"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Kode pos terdiri dari 5 angka."))],
    )
    slogan = models.CharField(_("slogan"), max_length=160, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    alamat_kantor = models.TextField(_("alamat kantor desa"), blank=True)
    telepon = models.CharField(
        _("telepon"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("email"), blank=True)
    whatsapp = models.CharField(
        _("WhatsApp"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_("Nomor WhatsApp resmi kantor desa."),
    )
    latitude = models.DecimalField(
        _("lintang kantor"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11), MaxValueValidator(6)],
        help_text=_("Contoh: -8.583333 (wilayah Indonesia: -11 sampai 6)."),
    )
    longitude = models.DecimalField(
        _("bujur kantor"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94), MaxValueValidator(142)],
        help_text=_("Contoh: 116.116667 (wilayah Indonesia: 94 sampai 142)."),
    )
    jam_pelayanan = models.TextField(
        _("jam pelayanan"),
        blank=True,
        help_text=_("Satu baris per hari atau rentang hari, misalnya “Senin–Kamis: 08.00–15.00”."),
    )
    zona_waktu = models.CharField(
        _("zona waktu"), max_length=32, choices=TIME_ZONES, default="Asia/Jakarta"
    )
    hari_kerja = models.PositiveSmallIntegerField(
        _("hari kerja per minggu"),
        choices=WORKING_WEEKS,
        default=5,
        help_text=_("Dipakai untuk menghitung tenggat layanan dalam hari kerja."),
    )

    facebook = models.URLField(_("Facebook"), blank=True)
    instagram = models.URLField(_("Instagram"), blank=True)
    youtube = models.URLField(_("YouTube"), blank=True)
    tiktok = models.URLField(_("TikTok"), blank=True)
    x_twitter = models.URLField(_("X (Twitter)"), blank=True)

    koleksi = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("koleksi media"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Koleksi gambar dan dokumen milik desa ini."),
    )

    identitas_panels = [
        FieldPanel("nama_desa"),
        FieldRowPanel([FieldPanel("kecamatan"), FieldPanel("kabupaten")]),
        FieldRowPanel([FieldPanel("provinsi"), FieldPanel("kode_pos")]),
        FieldPanel("slogan"),
        FieldPanel("logo"),
        FieldPanel("zona_waktu"),
        FieldPanel("hari_kerja"),
    ]
    kontak_panels = [
        FieldPanel("alamat_kantor"),
        FieldRowPanel([FieldPanel("telepon"), FieldPanel("whatsapp")]),
        FieldPanel("email"),
        FieldPanel("jam_pelayanan"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Lokasi kantor desa"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook"),
                FieldPanel("instagram"),
                FieldPanel("youtube"),
                FieldPanel("tiktok"),
                FieldPanel("x_twitter"),
            ],
            heading=_("Media sosial"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(identitas_panels, heading=_("Identitas")),
            ObjectList(kontak_panels, heading=_("Kantor & kontak")),
            ObjectList([InlinePanel("aparatur", label=_("Aparatur"))], heading=_("Aparatur desa")),
            ObjectList([InlinePanel("dusun", label=_("Dusun"))], heading=_("Wilayah (dusun)")),
        ]
    )

    class Meta:
        verbose_name = _("profil desa")
        verbose_name_plural = _("profil desa")

    def __str__(self):
        return self.nama_desa or str(self.site)

    @property
    def tzinfo(self):
        return ZoneInfo(self.zona_waktu)

    @property
    def zona_singkat(self):
        return TIME_ZONE_ABBR.get(self.zona_waktu, self.zona_waktu)

    @property
    def wilayah(self):
        """ "Kec. X, Kab. Y, Provinsi Z" for headers and meta descriptions."""
        parts = []
        if self.kecamatan:
            parts.append(_("Kec. %s") % self.kecamatan)
        if self.kabupaten:
            parts.append(self.kabupaten)
        if self.provinsi:
            parts.append(self.provinsi)
        return ", ".join(str(p) for p in parts)

    @property
    def whatsapp_link(self):
        return whatsapp_url(self.whatsapp)

    @property
    def peta_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"

    @property
    def peta_embed_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        d = 0.004
        lat, lon = float(self.latitude), float(self.longitude)
        return (
            "https://www.openstreetmap.org/export/embed.html?bbox="
            f"{lon - d:.6f}%2C{lat - d:.6f}%2C{lon + d:.6f}%2C{lat + d:.6f}"
            f"&layer=mapnik&marker={lat:.6f}%2C{lon:.6f}"
        )

    @property
    def jam_pelayanan_baris(self):
        return [line.strip() for line in self.jam_pelayanan.splitlines() if line.strip()]

    @property
    def sosial_media(self):
        links = [
            ("facebook", "Facebook", self.facebook),
            ("instagram", "Instagram", self.instagram),
            ("youtube", "YouTube", self.youtube),
            ("tiktok", "TikTok", self.tiktok),
            ("x", "X", self.x_twitter),
        ]
        return [(key, label, url) for key, label, url in links if url]


def whatsapp_url(number, text=""):
    """wa.me link for an Indonesian number: 0812… becomes 62812…."""
    digits = "".join(ch for ch in number or "" if ch.isdigit())
    if not digits:
        return ""
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    url = f"https://wa.me/{digits}"
    if text:
        from urllib.parse import quote

        url += "?text=" + quote(text)
    return url


class Aparatur(Orderable):
    """A village official, listed in the order the editor sets."""

    profil = ParentalKey(DesaProfil, related_name="aparatur", on_delete=models.CASCADE)
    nama = models.CharField(_("nama"), max_length=120)
    jabatan = models.CharField(_("jabatan"), max_length=120)
    foto = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    nip = models.CharField(
        _("NIP/NIPD"), max_length=30, blank=True, help_text=_("Opsional; kosongkan bila tidak ada.")
    )

    panels = [FieldPanel("nama"), FieldPanel("jabatan"), FieldPanel("foto"), FieldPanel("nip")]

    class Meta(Orderable.Meta):
        verbose_name = _("aparatur desa")
        verbose_name_plural = _("aparatur desa")

    def __str__(self):
        return f"{self.nama} ({self.jabatan})"


class Dusun(Orderable):
    """A hamlet of the village; complaints, agenda and statistics refer to it."""

    profil = ParentalKey(DesaProfil, related_name="dusun", on_delete=models.CASCADE)
    nama = models.CharField(_("nama dusun"), max_length=100)
    kepala_dusun = models.CharField(_("kepala dusun"), max_length=120, blank=True)

    panels = [FieldPanel("nama"), FieldPanel("kepala_dusun")]

    class Meta(Orderable.Meta):
        verbose_name = _("dusun")
        verbose_name_plural = _("dusun")
        constraints = [
            models.UniqueConstraint(fields=["profil", "nama"], name="dusun_unik_per_desa")
        ]

    def __str__(self):
        return self.nama
