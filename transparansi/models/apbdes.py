"""The village budget: one page per fiscal year and version, lines as a parental inline.

The page builds its own context (apbdes_context, apbdes_pohon): it compares itself with
its sibling budgets, so that code lives with the class it queries.
"""

from decimal import Decimal
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sitecore.models.mixins import SocialMetaMixin
from sitecore.pagecache import cache as pagecache
from transparansi import apbdes as hitung
from transparansi.alamat import alamat_pengaduan
from transparansi.anggaran import grafik
from transparansi.anggaran.forms import (
    APBDesCopyForm,
    APBDesPageForm,
    apbdes_kembar,
    pesan_kembar,
)
from transparansi.anggaran.peringatan import PeringatanAnggaranPanel
from transparansi.data.kode_rekening import JENIS_BELANJA, SUMBER_DANA

from .kode import kode_tambahan


class Versi(models.TextChoices):
    MURNI = "murni", _("Murni")
    PERUBAHAN = "perubahan", _("Perubahan")


class Kelompok(models.TextChoices):
    PENDAPATAN = hitung.PENDAPATAN, _("Pendapatan")
    BELANJA = hitung.BELANJA, _("Belanja")
    PENERIMAAN = hitung.PENERIMAAN, _("Penerimaan pembiayaan")
    PENGELUARAN = hitung.PENGELUARAN, _("Pengeluaran pembiayaan")


SUMBER_DANA_CHOICES = [(k, f"{k} – {v}") for k, v in SUMBER_DANA.items()]
JENIS_BELANJA_CHOICES = [(k, f"{k} {v}") for k, v in JENIS_BELANJA.items()]

KODE_ERRORS = {
    "format": _("Kode harus tiga angka dipisah titik, misalnya 4.2.1 atau 2.3.01."),
    "tidak_dikenal": _("Kode tidak ada dalam daftar kode rekening."),
    "sub_bidang": _("Sub-bidang kegiatan ini tidak ada dalam daftar bidang."),
}


class APBDesPage(RoutablePageMixin, SocialMetaMixin, Page):
    """APBDes of one fiscal year; an amended budget is a second page with versi=perubahan."""

    cache_kind = "transparansi"

    tahun = models.PositiveSmallIntegerField(
        _("tahun anggaran"), validators=[MinValueValidator(2000)]
    )
    versi = models.CharField(_("versi"), max_length=10, choices=Versi.choices, default=Versi.MURNI)
    nomor_perdes = models.CharField(
        _("nomor Peraturan Desa"), max_length=100, blank=True, help_text=_("Misalnya 3 Tahun 2026.")
    )
    tanggal_perdes = models.DateField(_("tanggal penetapan"), null=True, blank=True)
    dokumen = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("dokumen Perdes APBDes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    catatan = RichTextField(
        _("catatan"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = Page.content_panels + [
        PeringatanAnggaranPanel(),
        FieldRowPanel([FieldPanel("tahun"), FieldPanel("versi")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nomor_perdes"), FieldPanel("tanggal_perdes")]),
                FieldPanel("dokumen"),
            ],
            heading=_("Peraturan Desa"),
        ),
        FieldPanel("catatan"),
        InlinePanel("baris", label=_("Baris anggaran"), heading=_("Baris anggaran")),
    ]
    search_fields = Page.search_fields + [index.FilterField("tahun")]
    parent_page_types = ["transparansi.TransparansiIndexPage"]
    subpage_types = []
    template = "transparansi/apbdes_page.html"
    base_form_class = APBDesPageForm
    copy_form_class = APBDesCopyForm

    class Meta:
        verbose_name = _("APBDes")
        verbose_name_plural = _("APBDes")

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.pk else None
        if parent is None:
            return
        # Creation is guarded by APBDesPageForm (the page has no parent yet here).
        kembar = apbdes_kembar(parent, self.tahun, self.versi, kecuali=self.pk)
        if kembar is not None:
            raise ValidationError({"versi": pesan_kembar(kembar)})

    def get_meta_description(self):
        return self.search_description or _(
            "Anggaran Pendapatan dan Belanja Desa tahun %(tahun)s: pendapatan, belanja, "
            "pembiayaan dan realisasinya."
        ) % {"tahun": self.tahun}

    @cached_property
    def semua_baris(self):
        return list(self.baris.all())

    @cached_property
    def ringkasan(self):
        return hitung.ringkasan(self.semua_baris)

    @property
    def label_versi(self):
        return _("APBDes Perubahan") if self.versi == Versi.PERUBAHAN else _("APBDes")

    def tanggal_realisasi(self):
        dates = [b.tanggal_realisasi for b in self.semua_baris if b.tanggal_realisasi]
        return max(dates) if dates else None

    def versi_lain(self):
        """The other version of the same year (murni ↔ perubahan), live, or None."""
        other = Versi.MURNI if self.versi == Versi.PERUBAHAN else Versi.PERUBAHAN
        return (
            APBDesPage.objects.live()
            .sibling_of(self, inclusive=False)
            .filter(tahun=self.tahun, versi=other)
            .first()
        )

    @path("csv/", name="csv")
    def export_csv(self, request):
        from transparansi.anggaran.impor import export_csv_response

        return export_csv_response(self)

    @path("json/", name="json")
    def export_json(self, request):
        from transparansi.anggaran.impor import export_json_response

        return export_json_response(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The detail tree is most of the page: its HTML is kept as a fragment (see the
        # template), so the tree is built only when that fragment is rendered.
        context["pohon"] = partial(apbdes_pohon, self)
        context["banding"] = partial(apbdes_banding, self)
        if getattr(request, "is_preview", False):
            context.update(apbdes_context(self, request))
        else:
            # Totals, trees and charts of a published budget change only when a budget or
            # plan page of the village is published.
            context.update(
                pagecache.memoize(
                    request,
                    ("apbdes", self.pk, self.live_revision_id, translation.get_language()),
                    lambda: apbdes_context(self, None),
                    kinds=(self.cache_kind,),
                )
            )
            context.update(alamat_pengaduan(request))
        return context


def terkini_per_tahun(pages):
    """Keep one page per year: the amended version when there is one."""
    chosen = {}
    for page in pages:
        current = chosen.get(page.tahun)
        if current is None or page.versi == Versi.PERUBAHAN:
            chosen[page.tahun] = page
    return [chosen[y] for y in sorted(chosen)]


def ringkasan_halaman(page_ids):
    """{page_id: Ringkasan} in one aggregate query (comparison across years, widgets)."""
    totals = {pid: {k: hitung.Jumlah() for k in hitung.KELOMPOK} for pid in page_ids}
    rows = (
        BarisAPBDes.objects.filter(page_id__in=page_ids)
        .values("page_id", "kelompok")
        .annotate(anggaran=Sum("anggaran"), realisasi=Sum("realisasi"))
    )
    for row in rows:
        if row["kelompok"] in totals[row["page_id"]]:
            totals[row["page_id"]][row["kelompok"]].tambah(row["anggaran"], row["realisasi"])
    return {
        pid: hitung.Ringkasan(
            pendapatan=t[hitung.PENDAPATAN],
            belanja=t[hitung.BELANJA],
            penerimaan=t[hitung.PENERIMAAN],
            pengeluaran=t[hitung.PENGELUARAN],
        )
        for pid, t in totals.items()
    }


def apbdes_pohon(page):
    """The expandable detail tree: one (heading, root node) per budget group."""
    baris = page.semua_baris
    tambahan = kode_tambahan()
    return [
        (gettext("Pendapatan"), hitung.pohon(baris, hitung.PENDAPATAN, tambahan)),
        (gettext("Belanja"), hitung.pohon(baris, hitung.BELANJA, tambahan)),
        (gettext("Penerimaan pembiayaan"), hitung.pohon(baris, hitung.PENERIMAAN, tambahan)),
        (gettext("Pengeluaran pembiayaan"), hitung.pohon(baris, hitung.PENGELUARAN, tambahan)),
    ]


def apbdes_banding(page):
    """An amendment against its live original, every line and subtotal (Perkades
    Perubahan); None for an original budget or an amendment whose original is not live."""
    asli = page.versi_lain() if page.versi == Versi.PERUBAHAN else None
    if asli is None:
        return None
    hasil = hitung.bandingkan_versi(list(asli.baris.all()), page.semua_baris, kode_tambahan())
    judul = dict(Kelompok.choices)
    return {
        "asli": asli,
        "kelompok": [(str(judul[k]), hasil.kelompok[k]) for k in hitung.KELOMPOK],
        "ringkasan": hasil.ringkasan,
    }


def apbdes_context(page, request):
    baris = page.semua_baris
    r = page.ringkasan
    pendapatan = hitung.pendapatan_per_sumber(baris)
    bidang = hitung.per_bidang(baris)
    siblings = (
        APBDesPage.objects.live()
        .sibling_of(page, inclusive=True)
        .only("id", "tahun", "versi", "title", "url_path")
    )
    tahunan = [p for p in terkini_per_tahun(siblings) if p.tahun <= page.tahun][-5:]
    totals = ringkasan_halaman([p.id for p in tahunan if p.id != page.id])
    totals[page.id] = r
    perbandingan = [{"page": p, "r": totals[p.id]} for p in tahunan]
    versi_lain = page.versi_lain()
    return {
        "r": r,
        "grafik_pendapatan": grafik.batang([(nama, j) for _k, nama, j in pendapatan]),
        "grafik_bidang": grafik.batang([(f"{k}. {nama}", j) for k, nama, j in bidang]),
        "grafik_progres": grafik.progres(
            [
                (gettext("Pendapatan"), r.pendapatan),
                (gettext("Belanja"), r.belanja),
                (gettext("Penerimaan pembiayaan"), r.penerimaan),
                (gettext("Pengeluaran pembiayaan"), r.pengeluaran),
            ]
        ),
        "sumber_dana": hitung.belanja_per_sumber_dana(baris),
        "jenis_belanja": hitung.belanja_per_jenis(baris),
        "perbandingan": perbandingan if len(perbandingan) > 1 else [],
        "versi_lain": versi_lain,
        "tanggal_realisasi": page.tanggal_realisasi(),
        **(alamat_pengaduan(request) if request is not None else {}),
    }


class BarisAPBDes(Orderable):
    """One budget line; kelompok is derived from the code, never typed."""

    page = ParentalKey(APBDesPage, related_name="baris", on_delete=models.CASCADE)
    kode = models.CharField(
        _("kode"),
        max_length=20,
        help_text=_("Pendapatan/pembiayaan: 4.2.1, 6.1.1; belanja kegiatan: 2.3.01."),
    )
    uraian = models.CharField(_("uraian"), max_length=250)
    kelompok = models.CharField(
        _("kelompok"), max_length=24, choices=Kelompok.choices, editable=False, db_index=True
    )
    jenis_belanja = models.CharField(
        _("jenis belanja"), max_length=4, choices=JENIS_BELANJA_CHOICES, blank=True
    )
    lokasi = models.CharField(_("lokasi"), max_length=150, blank=True)
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=3, choices=SUMBER_DANA_CHOICES, blank=True
    )
    anggaran = models.DecimalField(
        _("anggaran (Rp)"), max_digits=15, decimal_places=2, validators=[MinValueValidator(0)]
    )
    realisasi = models.DecimalField(
        _("realisasi (Rp)"),
        max_digits=15,
        decimal_places=2,
        default=Decimal("0"),
        validators=[MinValueValidator(0)],
    )
    tanggal_realisasi = models.DateField(_("realisasi per tanggal"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kode"), FieldPanel("uraian")]),
        FieldRowPanel(
            [FieldPanel("jenis_belanja"), FieldPanel("sumber_dana"), FieldPanel("lokasi")]
        ),
        FieldRowPanel(
            [FieldPanel("anggaran"), FieldPanel("realisasi"), FieldPanel("tanggal_realisasi")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("baris APBDes")
        verbose_name_plural = _("baris APBDes")

    def __str__(self):
        return f"{self.kode} {self.uraian}"

    def clean(self):
        error = hitung.cek_kode(self.kode, kode_tambahan())
        if error:
            raise ValidationError({"kode": KODE_ERRORS[error]})
        self.kode = hitung.normalisasi_kode(self.kode)
        self.kelompok = hitung.kelompok_kode(self.kode)
        # No source required: many printed budgets give none per line, and an invented one
        # would be published as fact. The public page says "tidak disebutkan".

    def save(self, *args, **kwargs):
        # Revisions publish through save(): derive again so stored rows never drift.
        self.kode = hitung.normalisasi_kode(self.kode) or self.kode
        self.kelompok = hitung.kelompok_kode(self.kode) or ""
        super().save(*args, **kwargs)

    @property
    def persen(self):
        return hitung.persen(self.realisasi, self.anggaran)
