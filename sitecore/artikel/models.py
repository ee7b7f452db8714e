"""Village news: the index (with its per-village categories) and the article page."""

import calendar
from datetime import date, datetime, time

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Prefetch
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from sitecore.artikel.feeds import ArtikelFeed
from sitecore.blocks import BaseStreamBlock
from sitecore.komentar.rules import komentar_disetujui
from sitecore.komentar.views import komentar_form_view
from sitecore.models.mixins import DesaSectionPage, SocialMetaMixin
from sitecore.pagecache import cache as pagecache
from sitecore.pengunjung.rules import hitung_dibaca, jumlah_dibaca

ARTIKEL_PER_HALAMAN = 10


# What article listings show, for the page cache.
KINDS = ("artikel",)


class KategoriArtikel(Orderable):
    """A news category. Lives on the village's article index, so it is per village."""

    index_page = ParentalKey(
        "sitecore.ArtikelIndexPage", related_name="kategori", on_delete=models.CASCADE
    )
    nama = models.CharField(_("nama kategori"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, blank=True, allow_unicode=False)

    panels = [FieldPanel("nama"), FieldPanel("slug")]

    class Meta(Orderable.Meta):
        verbose_name = _("kategori artikel")
        verbose_name_plural = _("kategori artikel")
        constraints = [
            models.UniqueConstraint(fields=["index_page", "slug"], name="kategori_slug_unik")
        ]

    def __str__(self):
        return self.nama

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.nama)[:80] or "kategori"
        super().save(*args, **kwargs)


def parse_page_number(value):
    """A positive page number, or 1 for anything else (bad input never raises)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return number if number > 0 else 1


def paginate(queryset, page_number, per_page=ARTIKEL_PER_HALAMAN, count=None):
    """Page `page_number` of the queryset; out of range or junk falls back to page 1.
    `count`, when the caller knows it, spares the COUNT query."""
    paginator = Paginator(queryset, per_page)
    if count is not None:
        paginator.count = count
    try:
        return paginator.page(parse_page_number(page_number))
    except (EmptyPage, PageNotAnInteger):
        return paginator.page(1)


def group_archive(month_counts):
    """[(date(y, m, 1), n), …] -> [{"tahun": y, "bulan": [(date, n), …]}, …], newest first."""
    years = {}
    for month, count in sorted(month_counts, key=lambda mc: mc[0], reverse=True):
        years.setdefault(month.year, []).append((month, count))
    return [{"tahun": year, "bulan": months} for year, months in years.items()]


class ArtikelIndexPage(RoutablePageMixin, DesaSectionPage):
    """Village news: listing with category, tag and month filters, plus an RSS feed."""

    cache_kind = "artikel"

    moderasi_komentar = models.BooleanField(
        _("komentar menunggu moderasi"),
        default=True,
        help_text=_("Bila aktif, komentar baru baru tampil setelah disetujui editor."),
    )

    content_panels = DesaSectionPage.content_panels + [
        InlinePanel("kategori", label=_("Kategori artikel"), heading=_("Kategori artikel")),
    ]
    settings_panels = DesaSectionPage.settings_panels + [FieldPanel("moderasi_komentar")]
    subpage_types = ["sitecore.ArtikelPage"]
    template = "sitecore/artikel_index_page.html"

    class Meta:
        verbose_name = _("indeks artikel")
        verbose_name_plural = _("indeks artikel")

    def artikel(self):
        """Live, public articles of this index, newest first, ready for listing."""
        return (
            ArtikelPage.objects.child_of(self)
            .live()
            .public()
            .select_related("kategori", "gambar", "owner")
            .prefetch_related(
                "gambar__renditions",
                Prefetch("tagged_items", queryset=ArtikelTag.objects.select_related("tag")),
            )
            .order_by("-tanggal_terbit", "-pk")
        )

    def arsip(self):
        months = (
            ArtikelPage.objects.child_of(self)
            .live()
            .public()
            .annotate(bulan=TruncMonth("tanggal_terbit"))
            .values("bulan")
            .annotate(n=Count("pk"))
            .order_by()
        )
        # TruncMonth on a DateTimeField gives an aware datetime in the active time zone.
        return group_archive(
            [
                ((m["bulan"].date() if isinstance(m["bulan"], datetime) else m["bulan"]), m["n"])
                for m in months
            ]
        )

    def subpage_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def _listing(self, request, artikel, **extra):
        arsip = pagecache.memoize(
            request, ("arsip", self.pk, translation.get_language()), self.arsip, kinds=KINDS
        )
        # The COUNT over thousands of articles is kept until an article changes; the path
        # tells the listing (all, a category, a tag, a month) apart.
        count = pagecache.memoize(
            request, ("artikel-count", request.path), artikel.count, kinds=KINDS
        )
        context = {
            "page_obj": paginate(artikel, request.GET.get("page"), count=count),
            "arsip": arsip,
        }
        context.update(extra)
        return self.render(request, context_overrides=context)

    @path("")
    def daftar(self, request):
        return self._listing(request, self.artikel())

    @path("kategori/<slug:slug>/")
    def per_kategori(self, request, slug):
        kategori = get_object_or_404(self.kategori.all(), slug=slug)
        # By slug: an English article keeps the category row of its Indonesian source
        # (categories are not translated objects), whose slug is the same as here.
        artikel = self.artikel().filter(kategori__slug=kategori.slug)
        return self._listing(request, artikel, kategori=kategori)

    @path("tag/<slug:slug>/")
    def per_tag(self, request, slug):
        tag = get_object_or_404(Tag, slug=slug)
        return self._listing(request, self.artikel().filter(tags=tag), tag=tag)

    @path("arsip/<int:tahun>/<int:bulan>/")
    def per_bulan(self, request, tahun, bulan):
        if not (1 <= bulan <= 12 and 1900 <= tahun <= 9999):
            raise Http404
        tz = timezone.get_current_timezone()
        start = datetime.combine(date(tahun, bulan, 1), time.min, tzinfo=tz)
        last = calendar.monthrange(tahun, bulan)[1]
        end = datetime.combine(date(tahun, bulan, last), time.max, tzinfo=tz)
        artikel = self.artikel().filter(tanggal_terbit__range=(start, end))
        return self._listing(request, artikel, bulan_arsip=date(tahun, bulan, 1))

    @path("feed/")
    def feed(self, request):
        return ArtikelFeed(self)(request)


class ArtikelTag(TaggedItemBase):
    content_object = ParentalKey(
        "sitecore.ArtikelPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArtikelPageForm(WagtailAdminPageForm):
    """Offers only the categories of the village the article belongs to."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        if "kategori" in self.fields:
            qs = KategoriArtikel.objects.none()
            if parent is not None:
                qs = KategoriArtikel.objects.filter(index_page_id=parent.pk)
            self.fields["kategori"].queryset = qs

    def clean(self):
        cleaned = super().clean()
        tanggal = cleaned.get("tanggal_terbit")
        # A future publication date schedules the article through Wagtail's go-live.
        if tanggal and tanggal > timezone.now():
            cleaned["go_live_at"] = tanggal
            self.instance.go_live_at = tanggal
        return cleaned


@hitung_dibaca
class ArtikelPage(RoutablePageMixin, SocialMetaMixin, Page):
    """A news article. A future `tanggal_terbit` schedules it (Wagtail go-live)."""

    cache_kind = "artikel"
    cache_shows = ("komentar",)

    is_article = True

    tanggal_terbit = models.DateTimeField(
        _("tanggal terbit"),
        default=timezone.now,
        db_index=True,
        help_text=_("Tanggal yang akan datang menjadwalkan penerbitan artikel."),
    )
    penulis = models.CharField(
        _("penulis"),
        max_length=120,
        blank=True,
        help_text=_("Kosongkan untuk memakai nama akun pembuat artikel."),
    )
    kategori = models.ForeignKey(
        KategoriArtikel,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="artikel",
    )
    tags = ClusterTaggableManager(through=ArtikelTag, blank=True, verbose_name=_("tag"))
    gambar = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("gambar utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ringkasan = models.TextField(_("ringkasan"), max_length=400, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("isi"), blank=True)
    unggulan = models.BooleanField(
        _("artikel utama"), default=False, help_text=_("Tampilkan di bagian utama beranda desa.")
    )
    jumlah_dibaca = models.PositiveIntegerField(_("jumlah dibaca"), default=0, editable=False)

    base_form_class = ArtikelPageForm
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("tanggal_terbit"), FieldPanel("penulis")]),
                FieldRowPanel([FieldPanel("kategori"), FieldPanel("unggulan")]),
                FieldPanel("tags"),
            ],
            heading=_("Info artikel"),
        ),
        FieldPanel("gambar"),
        FieldPanel("ringkasan"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("ringkasan"),
        index.SearchField("body"),
        index.FilterField("tanggal_terbit"),
    ]
    parent_page_types = ["sitecore.ArtikelIndexPage"]
    subpage_types = []
    template = "sitecore/artikel_page.html"

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikel")

    @property
    def nama_penulis(self):
        if self.penulis:
            return self.penulis
        owner = self.owner
        if owner is None:
            return ""
        return owner.get_full_name() or owner.get_username()

    @cached_property
    def tag_list(self):
        # Listings prefetch the through rows with their tags; a single page asks once.
        if "tagged_items" in getattr(self, "_prefetched_objects_cache", {}):
            return [item.tag for item in self.tagged_items.all()]
        return list(self.tags.all())

    def get_meta_description(self):
        return self.search_description or self.ringkasan

    def get_meta_image(self):
        return self.gambar

    def clean(self):
        super().clean()
        # Runs in save_revision(), so the revision itself carries the go-live date.
        if self.tanggal_terbit and self.tanggal_terbit > timezone.now():
            self.go_live_at = self.tanggal_terbit

    def terkait(self, limit=3):
        """Related articles: same category or shared tags, newest first."""
        tag_ids = [t.pk for t in self.tag_list]
        filters = models.Q(tags__in=tag_ids) if tag_ids else models.Q()
        if self.kategori_id:
            filters |= models.Q(kategori_id=self.kategori_id)
        if not filters:
            return []
        ids = (
            ArtikelPage.objects.sibling_of(self, inclusive=False)
            .live()
            .public()
            .filter(filters)
            .values_list("pk", flat=True)
            .distinct()
        )
        return list(
            ArtikelPage.objects.filter(pk__in=models.Subquery(ids[:50]))
            .select_related("gambar", "kategori")
            .prefetch_related("gambar__renditions")
            .order_by("-tanggal_terbit")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["komentar_list"] = komentar_disetujui(self)
        context["dibaca"] = jumlah_dibaca(self)
        context["terkait"] = self.terkait()
        context["index"] = self.get_parent()
        context["share_url"] = self.get_full_url(request)
        return context

    @path("")
    def tampil(self, request):
        return self.render(request)

    @path("komentar/")
    def tulis_komentar(self, request):
        return komentar_form_view(request, self)
