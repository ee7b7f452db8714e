"""One event of the village agenda, possibly recurring."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from agenda import recurrence
from agenda.forms import AgendaPageForm
from sitecore.blocks import RICH_TEXT_FEATURES
from sitecore.models.mixins import SocialMetaMixin
from sitecore.models.profil import TIME_ZONE_ABBR, TIME_ZONES, phone_validator, whatsapp_url

FREKUENSI = [
    (recurrence.TIDAK, _("Tidak berulang")),
    (recurrence.MINGGUAN, _("Setiap minggu")),
    (recurrence.BULANAN_TANGGAL, _("Setiap bulan, pada tanggal yang sama")),
    (recurrence.BULANAN_HARI, _("Setiap bulan, pada hari yang sama (mis. Selasa kedua)")),
]

BANTUAN_RELAWAN = _(
    "<p><strong>Cara memasang agenda:</strong></p>"
    "<ol>"
    "<li>Isi <em>judul</em> kegiatan, misalnya “Posyandu Dusun Karang Bedil”.</li>"
    "<li>Isi waktu <em>mulai</em> dan <em>selesai</em> menurut jam desa. "
    "Centang <em>sepanjang hari</em> bila tidak ada jam tertentu.</li>"
    "<li>Untuk kegiatan rutin, pilih <em>pengulangan</em> dan isi tanggal akhir "
    "<em>atau</em> jumlah pertemuan.</li>"
    "<li>Isi tempat, penyelenggara dan kontak yang bisa dihubungi warga.</li>"
    "<li>Tekan <em>Kirim untuk moderasi</em> (panah di samping tombol simpan). "
    "Editor desa akan memeriksa lalu menerbitkan, atau mengembalikan dengan catatan "
    "yang bisa Anda lihat di halaman ini.</li>"
    "</ol>"
)


class AgendaPage(RoutablePageMixin, SocialMetaMixin, Page):
    """An event. Times are stored in UTC and entered/shown in the village's zone."""

    cache_kind = "agenda"

    mulai = models.DateTimeField(_("mulai"))
    selesai = models.DateTimeField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan bila tidak tentu.")
    )
    sepanjang_hari = models.BooleanField(
        _("sepanjang hari"),
        default=False,
        help_text=_("Jam diabaikan; yang dipakai hanya tanggal mulai dan selesai."),
    )
    frekuensi = models.CharField(
        _("pengulangan"), max_length=20, choices=FREKUENSI, blank=True, default=""
    )
    interval = models.PositiveSmallIntegerField(
        _("setiap"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("1 = setiap minggu/bulan, 2 = dua minggu/bulan sekali, dan seterusnya."),
    )
    ulang_sampai = models.DateField(_("berulang sampai tanggal"), null=True, blank=True)
    ulang_kali = models.PositiveSmallIntegerField(
        _("atau sebanyak (kali)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(recurrence.MAKS_KEJADIAN)],
    )
    # Derived on save: the village's zone and the end of the last occurrence, so
    # listings can filter in the database and expand recurrences in local time.
    zona_waktu = models.CharField(max_length=32, choices=TIME_ZONES, editable=False, blank=True)
    berakhir = models.DateTimeField(null=True, editable=False, db_index=True)

    tempat = models.CharField(_("nama tempat"), max_length=150)
    dusun = models.CharField(_("dusun"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("lintang"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-11), MaxValueValidator(6)],
    )
    longitude = models.DecimalField(
        _("bujur"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(94), MaxValueValidator(142)],
    )
    penyelenggara = models.CharField(
        _("penyelenggara / koordinator kegiatan"), max_length=150, blank=True
    )
    kontak_nama = models.CharField(_("narahubung"), max_length=120, blank=True)
    kontak_whatsapp = models.CharField(
        _("WhatsApp narahubung"), max_length=30, blank=True, validators=[phone_validator]
    )
    kategori = models.ForeignKey(
        "agenda.KategoriAgenda",
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ringkasan = models.CharField(
        _("ringkasan"),
        max_length=250,
        blank=True,
        help_text=_("Satu-dua kalimat untuk daftar agenda dan pratinjau tautan."),
    )
    deskripsi = RichTextField(_("keterangan"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = AgendaPageForm
    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = []
    template = "agenda/agenda_page.html"

    content_panels = [
        HelpPanel(BANTUAN_RELAWAN, heading=_("Panduan")),
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("mulai"), FieldPanel("selesai")]),
                FieldPanel("sepanjang_hari"),
            ],
            heading=_("Waktu"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frekuensi"), FieldPanel("interval")]),
                FieldRowPanel([FieldPanel("ulang_sampai"), FieldPanel("ulang_kali")]),
            ],
            heading=_("Pengulangan"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tempat"), FieldPanel("dusun")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Tempat"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("penyelenggara"),
                FieldRowPanel([FieldPanel("kontak_nama"), FieldPanel("kontak_whatsapp")]),
            ],
            heading=_("Penyelenggara dan kontak"),
        ),
        FieldPanel("kategori"),
        FieldPanel("poster"),
        FieldPanel("ringkasan"),
        FieldPanel("deskripsi"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("deskripsi"),
        index.SearchField("tempat"),
        index.SearchField("dusun"),
        index.SearchField("penyelenggara"),
        index.FilterField("mulai"),
        index.FilterField("berakhir"),
    ]

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    # --- time -----------------------------------------------------------------

    @property
    def tzinfo(self):
        return ZoneInfo(self.zona_waktu or "Asia/Jakarta")

    @property
    def zona_singkat(self):
        return TIME_ZONE_ABBR.get(self.zona_waktu, self.zona_waktu)

    @property
    def aturan(self):
        return recurrence.Aturan(
            frekuensi=self.frekuensi or recurrence.TIDAK,
            interval=self.interval or 1,
            sampai=self.ulang_sampai,
            kali=self.ulang_kali,
        )

    @property
    def berulang(self):
        return bool(self.frekuensi)

    @property
    def uraian_pengulangan(self):
        """ "Setiap 2 minggu", "Setiap bulan pada Selasa kedua", … for the public page."""
        n = self.interval or 1
        if self.frekuensi == recurrence.MINGGUAN:
            return ngettext("Setiap minggu", "Setiap %(n)d minggu", n) % {"n": n}
        if self.frekuensi == recurrence.BULANAN_TANGGAL:
            teks = ngettext(
                "Setiap bulan pada tanggal %(d)d", "Setiap %(n)d bulan pada tanggal %(d)d", n
            )
            return teks % {"n": n, "d": self.mulai.astimezone(self.tzinfo).day}
        if self.frekuensi == recurrence.BULANAN_HARI:
            local = self.mulai.astimezone(self.tzinfo)
            urutan = {
                1: _("pertama"),
                2: _("kedua"),
                3: _("ketiga"),
                4: _("keempat"),
                -1: _("terakhir"),
            }[recurrence.minggu_ke(local)]
            teks = ngettext(
                "Setiap bulan pada %(hari)s %(urutan)s",
                "Setiap %(n)d bulan pada %(hari)s %(urutan)s",
                n,
            )
            return teks % {"n": n, "hari": date_format(local, "l"), "urutan": urutan}
        return ""

    @property
    def durasi(self):
        """Length of one occurrence; an all-day event covers its last date fully."""
        if self.sepanjang_hari:
            first = self.mulai.astimezone(self.tzinfo).date()
            last = (self.selesai or self.mulai).astimezone(self.tzinfo).date()
            return timedelta(days=(last - first).days + 1)
        if self.selesai:
            return self.selesai - self.mulai
        return timedelta(0)

    def kejadian_dalam(self, dari, sampai):
        """Occurrences overlapping [dari, sampai) as Kejadian objects."""
        durasi = self.durasi
        return [
            Kejadian(self, start, start + durasi)
            for start in recurrence.kejadian_dalam(
                self.mulai, durasi, self.tzinfo, self.aturan, dari, sampai
            )
        ]

    def normalise_sepanjang_hari(self):
        """All-day events start and end at local midnight."""
        if not self.sepanjang_hari or not self.mulai:
            return
        tz = self.tzinfo
        first = self.mulai.astimezone(tz).date()
        self.mulai = datetime.combine(first, time(0), tzinfo=tz)
        last = self.selesai.astimezone(tz).date() if self.selesai else first
        self.selesai = datetime.combine(last, time(0), tzinfo=tz)

    def clean(self):
        super().clean()
        self.normalise_sepanjang_hari()
        errors = {}
        if self.mulai and self.selesai and self.selesai < self.mulai:
            errors["selesai"] = _(
                "Waktu selesai tidak boleh sebelum waktu mulai. Periksa tanggal dan jamnya."
            )
        if self.frekuensi:
            if self.ulang_sampai and self.ulang_kali:
                errors["ulang_kali"] = _(
                    "Pilih salah satu: berulang sampai tanggal tertentu atau sebanyak "
                    "beberapa kali, jangan keduanya."
                )
            elif not self.ulang_sampai and not self.ulang_kali:
                errors["ulang_sampai"] = _(
                    "Kegiatan berulang perlu tanggal akhir atau jumlah pengulangan."
                )
            elif self.ulang_sampai and self.mulai:
                if self.ulang_sampai < self.mulai.astimezone(self.tzinfo).date():
                    errors["ulang_sampai"] = _(
                        "Tanggal akhir pengulangan tidak boleh sebelum tanggal mulai."
                    )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self.zona_waktu:
            self.zona_waktu = self._zona_dari_desa()
        if self.mulai:
            self.normalise_sepanjang_hari()
            self.berakhir = recurrence.akhir_terakhir(
                self.mulai, self.durasi, self.tzinfo, self.aturan
            )
        return super().save(*args, **kwargs)

    def _zona_dari_desa(self):
        from sitecore.models import DesaProfil

        # url_path is not set yet on a first save, so find the site by tree position.
        step = self.steplen
        ancestors = [self.path[:i] for i in range(step, len(self.path or ""), step)]
        profil = DesaProfil.objects.filter(site__root_page__path__in=ancestors).first()
        return profil.zona_waktu if profil else "Asia/Jakarta"

    # --- presentation -----------------------------------------------------------

    def get_meta_description(self):
        if self.search_description or self.ringkasan:
            return self.search_description or self.ringkasan
        return Truncator(strip_tags(self.deskripsi)).words(30)

    def get_meta_image(self):
        return self.poster

    @property
    def whatsapp_link(self):
        return whatsapp_url(self.kontak_whatsapp)

    @property
    def peta_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )

    def ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        if self.berulang:
            context["berikutnya"] = self.kejadian_dalam(now, now + timedelta(days=400))[:6]
        context["ical_url"] = self.ical_url(request)
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical(self, request):
        from agenda.ical import kalender_untuk

        cal = kalender_untuk([self], request, nama=self.title)
        response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="agenda-{self.slug}.ics"'
        return response

    def get_sitemap_urls(self, request=None):
        # The .ics route is a download, not a page: only the event itself is listed.
        return [{"location": self.get_full_url(request), "lastmod": self.last_published_at}]


class Kejadian:
    """One occurrence of an event (the event itself if it does not recur)."""

    __slots__ = ("page", "mulai", "selesai")

    def __init__(self, page, mulai, selesai):
        self.page = page
        self.mulai = mulai
        self.selesai = selesai

    @property
    def sepanjang_hari(self):
        return self.page.sepanjang_hari

    @property
    def ada_selesai(self):
        return self.selesai > self.mulai

    @property
    def hari_terakhir(self):
        """Last local day of an all-day or multi-day occurrence."""
        return (self.selesai - timedelta(microseconds=1)).astimezone(self.page.tzinfo)

    @property
    def beberapa_hari(self):
        tz = self.page.tzinfo
        return self.ada_selesai and self.hari_terakhir.date() != self.mulai.astimezone(tz).date()

    def __repr__(self):
        return f"<Kejadian {self.page.title!r} {self.mulai.isoformat()}>"
