"""Development plans (RPJMDes, RKPDes) and their activities with implementation progress.

RPJMDes programmes and the progress history live in .program.
"""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Orderable, Page
from wagtail.search import index

from sitecore.models.mixins import SocialMetaMixin
from transparansi import apbdes as hitung
from transparansi.alamat import alamat_pengaduan
from transparansi.apbdes import normalisasi_kode
from transparansi.data.kode_rekening import BIDANG
from transparansi.rencana import aturan
from transparansi.rencana.forms import RencanaPageForm

from .apbdes import SUMBER_DANA_CHOICES

BIDANG_CHOICES = [(k, f"{k}. {v}") for k, v in BIDANG.items() if "." not in k]


class StatusKegiatan(models.TextChoices):
    DIRENCANAKAN = "direncanakan", _("Direncanakan")
    BERJALAN = "berjalan", _("Sedang berjalan")
    SELESAI = "selesai", _("Selesai")
    TERTUNDA = "tertunda", _("Tertunda")
    BATAL = "batal", _("Batal")


class FotoBlock(blocks.StructBlock):
    gambar = ImageChooserBlock(label=_("foto"))
    keterangan = blocks.CharBlock(label=_("keterangan"), max_length=200, required=False)
    teks_alternatif = blocks.CharBlock(
        label=_("teks alternatif"),
        max_length=200,
        help_text=_("Apa yang tampak di foto, untuk pembaca layar."),
    )

    class Meta:
        icon = "image"
        label = _("Foto")


class RencanaPage(RoutablePageMixin, SocialMetaMixin, Page):
    """Shared base of RPJMDes and RKPDes: the plan document plus structured activities."""

    cache_kind = "transparansi"
    cache_shows = ("pengaduan",)  # the proposals each activity accommodates

    tahun_mulai = models.PositiveSmallIntegerField(_("tahun"), validators=[MinValueValidator(2000)])
    tahun_selesai = models.PositiveSmallIntegerField(
        _("tahun terakhir"), null=True, blank=True, validators=[MinValueValidator(2000)]
    )
    nomor_perdes = models.CharField(_("nomor Peraturan Desa"), max_length=100, blank=True)
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen rencana"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ringkasan = RichTextField(_("ringkasan"), blank=True, features=["bold", "italic", "link", "ul"])

    search_fields = Page.search_fields + [index.SearchField("ringkasan")]
    base_form_class = RencanaPageForm
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    is_creatable = False
    template = "transparansi/rencana_page.html"

    class Meta:
        verbose_name = _("rencana pembangunan")
        verbose_name_plural = _("rencana pembangunan")

    @property
    def sumber(self):
        """The page whose rows are the record: an English alias copies them on publish."""
        return self.alias_of.specific if self.alias_of_id else self

    @path("kegiatan/<int:pk>/", name="kegiatan")
    def kegiatan_view(self, request, pk):
        from transparansi.rencana.views import kegiatan_view

        kegiatan = self.kegiatan.filter(pk=pk).first()
        if kegiatan is None:
            raise Http404
        return kegiatan_view(request, self, kegiatan)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(rencana_context(self, request))
        return context


def rencana_context(page, request):
    kegiatan = list(page.kegiatan.select_related("program"))
    total = sum((k.biaya for k in kegiatan), hitung.NOL)
    rata = round(sum(k.progres for k in kegiatan) / len(kegiatan)) if kegiatan else 0
    status = {}
    for k in kegiatan:
        status[k.get_status_display()] = status.get(k.get_status_display(), 0) + 1
    return {
        "daftar_kegiatan": kegiatan,
        "total_biaya": total,
        "rata_progres": rata,
        "per_status": sorted(status.items()),
        **alamat_pengaduan(request),
    }


def program_context(page, request):
    """The RPJMDes matrix with, per programme, the live RKPDes activities that carried it out."""
    sumber = page.sumber
    program = list(sumber.program.all())
    kegiatan = (
        # By id: a preview's new rows are unsaved and have none.
        KegiatanRencana.objects.filter(
            program_id__in=[p.pk for p in program if p.pk],
            page__live=True,
            page__alias_of__isnull=True,
        )
        .select_related("page")
        .order_by("tahun_rencana", "page__path", "sort_order", "pk")
    )
    rows = [(k.program_id, k.tahun_rencana, _tautan_kegiatan(k, page, request)) for k in kegiatan]
    hasil = aturan.pelaksanaan({p.pk: p.daftar_tahun for p in program if p.pk}, rows)
    kosong = {"per_tahun": [], "belum": []}
    for p in program:
        p.pelaksanaan = hasil.get(p.pk, kosong)
    return {
        "daftar_program": program,
        "total_biaya_program": sum((p.biaya for p in program), hitung.NOL),
        "tahun_rpjmdes": list(range(sumber.tahun_mulai, sumber.tahun_mulai + aturan.TAHUN_RPJMDES)),
    }


def _tautan_kegiatan(kegiatan, page, request):
    """An activity in the reader's language when its plan has a page in it."""
    rencana = kegiatan.page
    if rencana.locale_id != page.locale_id:
        terjemahan = rencana.get_translation_or_none(page.locale)
        baris = terjemahan.kegiatan.filter(kunci=kegiatan.kunci).first() if terjemahan else None
        if baris is not None and terjemahan.live:
            rencana, kegiatan = terjemahan, baris
    return {
        "kegiatan": kegiatan,
        "url": f"{rencana.get_url(request)}kegiatan/{kegiatan.pk}/",
    }


def _panels(tahun_panels, baris):
    return Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel(tahun_panels),
                FieldPanel("nomor_perdes"),
                FieldPanel("dokumen"),
            ],
            heading=_("Dokumen"),
        ),
        FieldPanel("ringkasan"),
        baris,
    ]


class RPJMDesPage(RencanaPage):
    """Six-year medium-term plan."""

    content_panels = _panels(
        [FieldPanel("tahun_mulai"), FieldPanel("tahun_selesai")],
        InlinePanel("program", label=_("Program"), heading=_("Program RPJMDes")),
    )
    is_creatable = True
    template = "transparansi/rencana_page.html"

    class Meta:
        verbose_name = _("RPJMDes")
        verbose_name_plural = _("RPJMDes")

    def clean(self):
        super().clean()
        if self.tahun_mulai and not self.tahun_selesai:
            self.tahun_selesai = self.tahun_mulai + 5
        if self.tahun_selesai and self.tahun_selesai - self.tahun_mulai != 5:
            raise ValidationError({"tahun_selesai": _("RPJMDes berlaku enam tahun.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(program_context(self, request))
        return context

    @property
    def jenis(self):
        return "RPJMDes"


class RKPDesPage(RencanaPage):
    """Annual plan."""

    content_panels = _panels(
        [FieldPanel("tahun_mulai")],
        InlinePanel("kegiatan", label=_("Kegiatan"), heading=_("Kegiatan")),
    )
    is_creatable = True
    template = "transparansi/rencana_page.html"

    class Meta:
        verbose_name = _("RKPDes")
        verbose_name_plural = _("RKPDes")

    def clean(self):
        super().clean()
        self.tahun_selesai = self.tahun_mulai

    @property
    def jenis(self):
        return "RKPDes"


class KegiatanRencana(Orderable, ClusterableModel):
    """A planned activity and how far its implementation has come (realisasi kegiatan)."""

    page = ParentalKey(RencanaPage, related_name="kegiatan", on_delete=models.CASCADE)
    # Stable across copies: an English alias's rows are recreated on every publish.
    kunci = models.UUIDField(default=uuid.uuid4, editable=False)
    nama = models.CharField(_("nama kegiatan"), max_length=250)
    program = models.ForeignKey(
        "transparansi.ProgramRPJMDes",
        verbose_name=_("program RPJMDes yang dilaksanakan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kegiatan",
    )
    bidang = models.CharField(_("bidang"), max_length=2, choices=BIDANG_CHOICES)
    lokasi = models.CharField(_("lokasi"), max_length=150, blank=True)
    volume = models.DecimalField(
        _("volume"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    satuan = models.CharField(_("satuan"), max_length=30, blank=True)
    biaya = models.DecimalField(_("biaya (Rp)"), max_digits=15, decimal_places=2, default=0)
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=3, choices=SUMBER_DANA_CHOICES, blank=True
    )
    pelaksana = models.CharField(_("pelaksana"), max_length=150, blank=True)
    tahun_rencana = models.PositiveSmallIntegerField(_("tahun pelaksanaan"))
    status = models.CharField(
        _("status"),
        max_length=15,
        choices=StatusKegiatan.choices,
        default=StatusKegiatan.DIRENCANAKAN,
    )
    progres = models.PositiveSmallIntegerField(
        _("progres (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    tanggal_mulai = models.DateField(_("tanggal mulai"), null=True, blank=True)
    tanggal_selesai = models.DateField(_("tanggal selesai"), null=True, blank=True)
    kode_apbdes = models.CharField(
        _("kode kegiatan di APBDes"),
        max_length=20,
        blank=True,
        help_text=_("Kode baris APBDes yang mendanai kegiatan ini, misalnya 2.3.01."),
    )
    keterangan = models.TextField(_("catatan pelaksanaan"), blank=True)
    foto = StreamField([("foto", FotoBlock())], verbose_name=_("foto pelaksanaan"), blank=True)
    # Residents' proposals (pengaduan of jenis aspirasi) this activity accommodates.
    usulan = ParentalManyToManyField(
        "pengaduan.Pengaduan",
        verbose_name=_("usulan warga yang ditampung"),
        blank=True,
        limit_choices_to={"jenis": "aspirasi"},
        related_name="kegiatan_rencana",
    )

    panels = [
        FieldPanel("nama"),
        FieldPanel("program"),
        FieldRowPanel([FieldPanel("bidang"), FieldPanel("lokasi")]),
        FieldRowPanel([FieldPanel("volume"), FieldPanel("satuan"), FieldPanel("biaya")]),
        FieldRowPanel(
            [FieldPanel("sumber_dana"), FieldPanel("pelaksana"), FieldPanel("tahun_rencana")]
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("progres", read_only=True)]),
                FieldRowPanel([FieldPanel("tanggal_mulai"), FieldPanel("tanggal_selesai")]),
                FieldPanel("kode_apbdes"),
                FieldPanel("keterangan"),
                FieldPanel("foto"),
                FieldPanel("usulan", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Realisasi kegiatan"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kegiatan")
        verbose_name_plural = _("kegiatan")

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        self.ikuti_riwayat()
        super().save(*args, **kwargs)

    def ikuti_riwayat(self):
        """Progress and status follow the latest history entry, whatever the revision says."""
        if self.pk is None:
            return
        entri = self.riwayat_progres.order_by("-tanggal", "-pk").first()
        if entri is not None:
            self.progres = entri.persen
            self.status = aturan.status_dari_progres(self.status, entri.persen)

    def clean(self):
        self.ikuti_riwayat()
        if self.program_id and self.tahun_rencana:
            rpjmdes = self.program.page
            if not rpjmdes.tahun_mulai <= self.tahun_rencana <= (rpjmdes.tahun_selesai or 0):
                raise ValidationError(
                    {
                        "program": _("Program ini dari RPJMDes %(awal)s–%(akhir)s.")
                        % {"awal": rpjmdes.tahun_mulai, "akhir": rpjmdes.tahun_selesai}
                    }
                )
        if self.kode_apbdes:
            kode = normalisasi_kode(self.kode_apbdes)
            if kode is None:
                raise ValidationError({"kode_apbdes": _("Kode tidak valid, misalnya 2.3.01.")})
            self.kode_apbdes = kode
        if self.status == StatusKegiatan.SELESAI and self.progres != 100:
            raise ValidationError({"progres": _("Kegiatan yang selesai harus 100%.")})
        if (
            self.tanggal_mulai
            and self.tanggal_selesai
            and self.tanggal_selesai < self.tanggal_mulai
        ):
            raise ValidationError(
                {"tanggal_selesai": _("Tanggal selesai tidak boleh sebelum tanggal mulai.")}
            )

    @property
    def judul_rencana(self):
        return f"{self.page.specific_class._meta.verbose_name} {self.tahun_rencana}"
