"""The village's agenda section and its public views (categories: models.kategori)."""

from datetime import date
from functools import cache

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from agenda import daftar
from sitecore.models.mixins import DesaSectionPage

ARSIP_PER_HALAMAN = 20


class AgendaIndexPage(RoutablePageMixin, DesaSectionPage):
    """The village's agenda section: events posted by editors and Relawan JID."""

    cache_kind = "agenda"

    template = "agenda/agenda_index_page.html"
    subpage_types = ["agenda.AgendaPage"]

    content_panels = DesaSectionPage.content_panels + [
        InlinePanel("kategori", heading=_("Kategori agenda"), label=_("Kategori")),
    ]

    class Meta:
        verbose_name = _("indeks agenda")
        verbose_name_plural = _("indeks agenda")

    # --- helpers ----------------------------------------------------------------

    def _tz(self, request):
        profil = getattr(request, "desa_profil", None)
        return profil.tzinfo if profil else timezone.get_current_timezone()

    def _urls(self, request):
        base = self.get_url(request)
        today = timezone.localdate()
        return {
            "mendatang": base,
            "hari_ini": base + self.reverse_subpage("hari_ini"),
            "arsip": base + self.reverse_subpage("arsip"),
            "kalender": base + self.reverse_subpage("kalender", args=(today.year, today.month)),
            "ical": base + self.reverse_subpage("ical"),
        }

    def _render(self, request, tampilan, **context):
        urls = self._urls(request)
        context.update(tampilan=tampilan, urls=urls)
        return self.render(request, context_overrides=context)

    def ical_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ical")

    # --- views ------------------------------------------------------------------

    @path("", name="mendatang")
    def view_mendatang(self, request):
        pages = daftar.agenda_pages(self)
        return self._render(request, "mendatang", kejadian=daftar.mendatang(pages, timezone.now()))

    @path("hari-ini/", name="hari_ini")
    def view_hari_ini(self, request):
        pages = daftar.agenda_pages(self)
        kejadian = daftar.hari_ini(pages, timezone.now(), self._tz(request))
        return self._render(request, "hari_ini", kejadian=kejadian)

    @path("arsip/", name="arsip")
    def view_arsip(self, request):
        pages = daftar.agenda_pages(self)
        paginator = Paginator(daftar.lampau(pages, timezone.now()), ARSIP_PER_HALAMAN)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            raise Http404 from None
        return self._render(
            request, "arsip", kejadian=list(page_obj.object_list), page_obj=page_obj
        )

    @path("kalender/", name="kalender_ini")
    def view_kalender_ini(self, request):
        today = timezone.localdate()
        return self.view_kalender(request, today.year, today.month)

    @path("kalender/<int:tahun>/<int:bulan>/", name="kalender")
    def view_kalender(self, request, tahun, bulan):
        if not (1 <= bulan <= 12 and 1900 <= tahun <= 2999):
            raise Http404
        tz = self._tz(request)
        dari, sampai = daftar.rentang_bulan(tahun, bulan, tz)

        # Lazy: the template keeps the month's grid and list as a fragment until the
        # village's next public change, and asks for these only when it renders them.
        @cache
        def kejadian():
            return daftar.kejadian_dalam(daftar.agenda_pages(self), dari, sampai)

        (th_sebelum, bl_sebelum), (th_sesudah, bl_sesudah) = daftar.bulan_sebelum_sesudah(
            tahun, bulan
        )
        base = self.get_url(request)
        return self.render(
            request,
            template="agenda/agenda_index_page_kalender.html",
            context_overrides={
                "tampilan": "kalender",
                "urls": self._urls(request),
                "bulan": date(tahun, bulan, 1),
                "minggu": lambda: daftar.kisi_bulan(tahun, bulan, kejadian(), tz),
                "kejadian": kejadian,
                "sebelum_url": base
                + self.reverse_subpage("kalender", args=(th_sebelum, bl_sebelum)),
                "sesudah_url": base
                + self.reverse_subpage("kalender", args=(th_sesudah, bl_sesudah)),
                "hari_ini_tanggal": timezone.localdate(),
            },
        )

    @path("ical/", name="ical")
    def view_ical(self, request):
        from agenda.ical import kalender_untuk

        since = timezone.now() - daftar.JENDELA_MENDATANG * 2
        pages = daftar.agenda_pages(self).filter(berakhir__gte=since).order_by("mulai")
        profil = getattr(request, "desa_profil", None)
        nama = f"{self.title} – {profil.nama_desa}" if profil else self.title
        cal = kalender_untuk(list(pages), request, nama=nama)
        response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="agenda.ics"'
        response["Cache-Control"] = "public, max-age=900"
        return response

    def get_sitemap_urls(self, request=None):
        # The listing and its archive; calendars and feeds are views of the same events.
        base = self.get_full_url(request)
        return [
            {"location": base, "lastmod": self.last_published_at},
            {"location": base + self.reverse_subpage("arsip")},
        ]
