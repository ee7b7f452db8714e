from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from pengaduan.models.pengaduan import CACHE_KIND
from sitecore.models.mixins import DesaSectionPage

KODE = r"(?P<kode>[0-9A-Za-z]{3}-[0-9A-Za-z]{4}-[0-9A-Za-z]{2})"


class PengaduanIndexPage(RoutablePageMixin, DesaSectionPage):
    """The village's complaints section: form, receipt, tracking, register and report.

    The handlers live in pengaduan.publik and pengaduan.laporan; this class only routes.
    """

    cache_kind = CACHE_KIND

    template = "pengaduan/pengaduan_index_page.html"

    class Meta:
        verbose_name = _("indeks pengaduan")
        verbose_name_plural = _("indeks pengaduan")

    @path("")
    def formulir(self, request):
        from pengaduan.publik import pelapor

        return pelapor.formulir(self, request)

    @re_path(rf"^terima/{KODE}/$")
    def tanda_terima(self, request, kode):
        from pengaduan.publik import pelapor

        return pelapor.tanda_terima(self, request, kode)

    @path("lacak/")
    def lacak(self, request):
        from pengaduan.publik import pelapor

        return pelapor.lacak(self, request)

    @re_path(rf"^lacak/{KODE}/$")
    def status(self, request, kode):
        from pengaduan.publik import pelapor

        return pelapor.status(self, request, kode)

    @path("register/")
    def register(self, request):
        from pengaduan.publik import register

        return register.daftar(self, request)

    @re_path(rf"^register/{KODE}/$")
    def register_item(self, request, kode):
        from pengaduan.publik import register

        return register.detail(self, request, kode)

    @re_path(rf"^register/{KODE}/foto/(?P<pk>\d+)/$")
    def register_foto(self, request, kode, pk):
        from pengaduan.publik import register

        return register.foto(self, request, kode, int(pk))

    @path("register/rss/")
    def register_rss(self, request):
        from pengaduan.publik import register

        return register.rss(self, request)

    @re_path(r"^register/(?P<fmt>csv|json)/$")
    def register_data(self, request, fmt):
        from pengaduan.publik import register

        return register.ekspor(self, request, fmt)

    @re_path(r"^laporan/(?P<tahun>\d{4})/$")
    def laporan(self, request, tahun):
        from pengaduan import laporan

        return laporan.halaman(self, request, int(tahun))

    @re_path(r"^laporan/(?P<tahun>\d{4})/(?P<fmt>csv|xlsx)/$")
    def laporan_data(self, request, tahun, fmt):
        from pengaduan import laporan

        return laporan.ekspor(self, request, int(tahun), fmt)

    @path("laporan/")
    def laporan_terbaru(self, request):
        from django.shortcuts import redirect
        from django.utils import timezone

        return redirect(
            self.get_url(request)
            + self.reverse_subpage("laporan", args=[timezone.localdate().year])
        )
