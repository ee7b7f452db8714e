"""Population statistics: one page per category, each with dated snapshots of rows."""

from django.db import models
from django.http import Http404, HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sitecore.models.mixins import DesaSectionPage, SocialMetaMixin
from sitecore.statistik.grafik import garis_tren
from sitecore.statistik.label import label_tampil
from sitecore.statistik.rules import (
    bar_chart_svg,
    export_csv,
    hitung_tabel,
    ringkasan_penduduk,
    tren,
)


class JenisStatistik(models.TextChoices):
    JENIS_KELAMIN = "jenis_kelamin", _("Jenis kelamin")
    KELOMPOK_UMUR = "kelompok_umur", _("Kelompok umur")
    PENDIDIKAN = "pendidikan", _("Pendidikan dalam KK")
    PEKERJAAN = "pekerjaan", _("Pekerjaan")
    AGAMA = "agama", _("Agama")
    STATUS_PERKAWINAN = "status_perkawinan", _("Status perkawinan")
    WILAYAH = "wilayah", _("Wilayah (dusun/RW/RT)")
    WARGA_NEGARA = "warga_negara", _("Warga negara")
    GOLONGAN_DARAH = "golongan_darah", _("Golongan darah")
    DISABILITAS = "disabilitas", _("Penyandang disabilitas")
    LAINNYA = "lainnya", _("Lainnya")


class BarisBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("kelompok"), max_length=120)
    laki_laki = blocks.IntegerBlock(label=_("laki-laki"), min_value=0, default=0)
    perempuan = blocks.IntegerBlock(label=_("perempuan"), min_value=0, default=0)

    class Meta:
        icon = "list-ul"
        label = _("Baris")


class BarisStreamBlock(blocks.StreamBlock):
    baris = BarisBlock()


class StatistikIndexPage(DesaSectionPage):
    """Population statistics of the village, one child page per category."""

    cache_kind = "statistik"

    subpage_types = ["sitecore.StatistikPage"]
    template = "sitecore/statistik_index_page.html"

    class Meta:
        verbose_name = _("indeks statistik")
        verbose_name_plural = _("indeks statistik")

    def kategori_pages(self):
        return list(
            StatistikPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related("data")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.kategori_pages()
        context["kategori_pages"] = pages
        context["ringkasan"] = ringkasan_penduduk(pages)
        return context


class StatistikPage(RoutablePageMixin, SocialMetaMixin, Page):
    """One category (e.g. agama) with rows per group, kept as dated snapshots."""

    cache_kind = "statistik"

    jenis = models.CharField(
        _("jenis data"), max_length=32, choices=JenisStatistik.choices, default="lainnya"
    )
    keterangan = models.TextField(_("keterangan"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("jenis"),
        FieldPanel("keterangan"),
        InlinePanel("data", label=_("Data per tanggal"), heading=_("Data per tanggal")),
    ]
    search_fields = Page.search_fields + [index.SearchField("keterangan")]
    parent_page_types = ["sitecore.StatistikIndexPage"]
    subpage_types = []
    template = "sitecore/statistik_page.html"

    class Meta:
        verbose_name = _("statistik")
        verbose_name_plural = _("statistik")

    @cached_property
    def snapshots(self):
        """Snapshots, newest first (uses prefetched rows when available)."""
        return sorted(self.data.all(), key=lambda d: (d.tanggal, d.pk or 0), reverse=True)

    @property
    def terbaru(self):
        return self.snapshots[0] if self.snapshots else None

    def get_meta_description(self):
        return self.search_description or self.keterangan

    def _snapshot_for(self, request):
        wanted = request.GET.get("per", "")
        for snap in self.snapshots:
            if snap.tanggal.isoformat() == wanted:
                return snap
        return self.terbaru

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        snap = self._snapshot_for(request)
        context["snapshot"] = snap
        if snap is not None:
            tabel = hitung_tabel(snap.rows())
            for baris in tabel.baris:
                baris.label = label_tampil(baris.label)
            context["tabel"] = tabel
            context["chart"] = bar_chart_svg(tabel, title=self.title, chart_id=f"grafik-{self.pk}")
        context["tren"] = perkembangan = tren(self.snapshots)
        if perkembangan:
            context["grafik_tren"] = garis_tren(
                list(zip(perkembangan["tanggal"], perkembangan["jumlah"], strict=True))
            )
            for baris in perkembangan["baris"]:
                baris["label"] = label_tampil(baris["label"])
        return context

    @path("")
    def tampil(self, request):
        return self.render(request)

    @path("csv/")
    def csv(self, request):
        snap = self._snapshot_for(request)
        if snap is None:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="statistik-{self.slug}-{snap.tanggal.isoformat()}.csv"'
        )
        export_csv(snap.rows(), response)
        return response


class StatistikData(Orderable):
    """A dated snapshot of one category: the "data per" date and its rows."""

    page = ParentalKey(StatistikPage, related_name="data", on_delete=models.CASCADE)
    tanggal = models.DateField(_("data per tanggal"))
    jumlah_kk = models.PositiveIntegerField(
        _("jumlah kepala keluarga"),
        null=True,
        blank=True,
        help_text=_("Opsional; ditampilkan di halaman ringkasan statistik."),
    )
    baris = StreamField(BarisStreamBlock(), verbose_name=_("baris data"), blank=True)

    panels = [FieldPanel("tanggal"), FieldPanel("jumlah_kk"), FieldPanel("baris")]

    class Meta(Orderable.Meta):
        verbose_name = _("data statistik")
        verbose_name_plural = _("data statistik")

    def __str__(self):
        return f"{self.page_id} @ {self.tanggal}"

    def rows(self):
        """[(label, laki_laki, perempuan), …] in entry order."""
        return [
            (b.value["label"], b.value["laki_laki"] or 0, b.value["perempuan"] or 0)
            for b in self.baris
            if b.block_type == "baris"
        ]
