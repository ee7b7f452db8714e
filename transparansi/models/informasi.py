"""Daftar Informasi Publik (DIP) and serta merta announcements."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sitecore.models.mixins import SocialMetaMixin
from transparansi.alamat import alamat_pengaduan
from transparansi.data.informasi_berkala import KEWAJIBAN_BERKALA

from .apbdes import APBDesPage
from .rencana import RKPDesPage, RPJMDesPage


class Kategori(models.TextChoices):
    BERKALA = "berkala", _("Berkala")
    SERTA_MERTA = "serta_merta", _("Serta merta")
    SETIAP_SAAT = "setiap_saat", _("Setiap saat")
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")


class DaftarInformasiPage(SocialMetaMixin, Page):
    """The village's DIP: every information item with its classification."""

    cache_kind = "transparansi"

    intro = RichTextField(_("pengantar"), blank=True, features=["bold", "italic", "link"])
    pejabat_ppid = models.CharField(
        _("PPID desa"),
        max_length=150,
        blank=True,
        help_text=_("Nama dan jabatan PPID desa (biasanya sekretaris desa)."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("pejabat_ppid"),
        InlinePanel("informasi", label=_("Informasi publik"), heading=_("Informasi publik")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "transparansi/daftar_informasi_page.html"

    class Meta:
        verbose_name = _("daftar informasi publik")
        verbose_name_plural = _("daftar informasi publik")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(dip_context(self, request))
        return context


class InformasiPublik(Orderable):
    """One DIP entry: a document or a page, classified under UU 14/2008."""

    page = ParentalKey(DaftarInformasiPage, related_name="informasi", on_delete=models.CASCADE)
    judul = models.CharField(_("judul informasi"), max_length=250)
    ringkasan = models.TextField(_("ringkasan isi"), blank=True)
    kategori = models.CharField(_("kategori"), max_length=15, choices=Kategori.choices)
    kewajiban = models.CharField(
        _("informasi berkala wajib"),
        max_length=20,
        choices=KEWAJIBAN_BERKALA,
        blank=True,
        help_text=_("Pilih bila entri ini memenuhi salah satu informasi berkala wajib."),
    )
    tahun = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(1945)])
    penanggung_jawab = models.CharField(_("pejabat penanggung jawab"), max_length=150)
    bentuk = models.CharField(
        _("format"),
        max_length=60,
        blank=True,
        help_text=_("Misalnya PDF, halaman web, papan pengumuman, cetak."),
    )
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    halaman = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    alasan_pengecualian = models.TextField(
        _("alasan pengecualian"),
        blank=True,
        help_text=_("Wajib untuk informasi dikecualikan: pasal UU 14/2008 dan uji konsekuensi."),
    )

    panels = [
        FieldPanel("judul"),
        FieldPanel("ringkasan"),
        FieldRowPanel([FieldPanel("kategori"), FieldPanel("kewajiban"), FieldPanel("tahun")]),
        FieldRowPanel([FieldPanel("penanggung_jawab"), FieldPanel("bentuk")]),
        MultiFieldPanel(
            [FieldPanel("dokumen"), FieldPanel("halaman"), FieldPanel("alasan_pengecualian")],
            heading=_("Isi"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("informasi publik")
        verbose_name_plural = _("informasi publik")

    def __str__(self):
        return self.judul

    def clean(self):
        if self.kategori == Kategori.DIKECUALIKAN:
            errors = {}
            if self.dokumen_id or self.halaman_id:
                errors["dokumen"] = _(
                    "Informasi dikecualikan tidak boleh dilampiri dokumen atau halaman."
                )
            if not self.alasan_pengecualian.strip():
                errors["alasan_pengecualian"] = _("Tuliskan dasar hukum pengecualiannya.")
            if errors:
                raise ValidationError(errors)

    @property
    def dapat_diunduh(self):
        return self.kategori != Kategori.DIKECUALIKAN and bool(self.dokumen_id)


class JenisSertaMerta(models.TextChoices):
    BENCANA_ALAM = "bencana_alam", _("Bencana alam")
    BENCANA_NONALAM = "bencana_nonalam", _("Bencana non-alam")
    BENCANA_SOSIAL = "bencana_sosial", _("Bencana sosial")
    WABAH = "wabah", _("Wabah penyakit")
    KERACUNAN = "keracunan", _("Keracunan makanan")
    GANGGUAN = "gangguan", _("Gangguan layanan umum (listrik, air)")
    LAINNYA = "lainnya", _("Lainnya")


class SertaMertaPage(SocialMetaMixin, Page):
    """An immediate announcement, pinned at the top of every page until withdrawn."""

    cache_kind = "serta_merta"  # every page shows it (a notice), budgets do not

    jenis = models.CharField(_("jenis"), max_length=20, choices=JenisSertaMerta.choices)
    ringkasan = models.CharField(
        _("ringkasan singkat"),
        max_length=200,
        help_text=_("Satu kalimat untuk pengumuman di bagian atas setiap halaman."),
    )
    bahaya = models.TextField(_("potensi bahaya"))
    terdampak = models.TextField(_("pihak/wilayah terdampak"), blank=True)
    evakuasi = models.TextField(_("prosedur dan tempat evakuasi"), blank=True)
    cara_menghindari = models.TextField(_("cara menghindari bahaya"), blank=True)
    bantuan = models.TextField(_("cara memperoleh bantuan"), blank=True)
    pengumum = models.CharField(_("yang mengumumkan"), max_length=150)
    mitigasi = models.TextField(_("upaya penanggulangan"), blank=True)
    dicabut = models.BooleanField(
        _("sudah dicabut"),
        default=False,
        help_text=_("Centang bila keadaan sudah aman: pengumuman tidak lagi disematkan."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("jenis"), FieldPanel("pengumum")]),
        FieldPanel("ringkasan"),
        FieldPanel("bahaya"),
        FieldPanel("terdampak"),
        FieldPanel("evakuasi"),
        FieldPanel("cara_menghindari"),
        FieldPanel("bantuan"),
        FieldPanel("mitigasi"),
        FieldPanel("dicabut"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("bahaya"),
        index.FilterField("dicabut"),
    ]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    template = "transparansi/serta_merta_page.html"

    class Meta:
        verbose_name = _("informasi serta merta")
        verbose_name_plural = _("informasi serta merta")

    def get_meta_description(self):
        return self.search_description or self.ringkasan


def dip_context(page, request):
    semua = list(page.informasi.select_related("dokumen", "halaman"))
    kategori = request.GET.get("kategori", "")
    tahun = request.GET.get("tahun", "")
    q = request.GET.get("q", "").strip()[:100]
    entries = semua
    if kategori in Kategori.values:
        entries = [e for e in entries if e.kategori == kategori]
    if tahun.isascii() and tahun.isdigit():
        entries = [e for e in entries if e.tahun == int(tahun)]
    if q:
        needle = q.lower()
        entries = [
            e
            for e in entries
            if needle in e.judul.lower()
            or needle in e.ringkasan.lower()
            or needle in e.penanggung_jawab.lower()
        ]
    # Published pages count towards the periodic checklist too.
    pages = {
        "apbdes": list(APBDesPage.objects.live().sibling_of(page).order_by("-tahun")[:3]),
        "rpjmdes": list(RPJMDesPage.objects.live().sibling_of(page).order_by("-tahun_mulai")[:2]),
        "rkpdes": list(RKPDesPage.objects.live().sibling_of(page).order_by("-tahun_mulai")[:3]),
    }
    kewajiban = []
    for key, label in KEWAJIBAN_BERKALA:
        items = [e for e in semua if e.kewajiban == key]
        kewajiban.append(
            {"key": key, "label": label, "entri": items, "halaman": pages.get(key, [])}
        )
    serta_merta = list(
        SertaMertaPage.objects.live().sibling_of(page).order_by("-first_published_at")[:20]
    )
    return {
        "entries": entries,
        "kategori_pilihan": Kategori.choices,
        "tahun_pilihan": sorted({e.tahun for e in semua}, reverse=True),
        "filter": {"kategori": kategori, "tahun": tahun, "q": q},
        "kewajiban": kewajiban,
        "kekurangan": sum(1 for k in kewajiban if not k["entri"] and not k["halaman"]),
        "serta_merta": serta_merta,
        **alamat_pengaduan(request),
    }
