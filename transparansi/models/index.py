from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sitecore.models.mixins import DesaSectionPage


class TransparansiIndexPage(RoutablePageMixin, DesaSectionPage):
    """The village's PPID and budget transparency section, with the request desk."""

    subpage_types = [
        "transparansi.APBDesPage",
        "transparansi.RPJMDesPage",
        "transparansi.RKPDesPage",
        "transparansi.DaftarInformasiPage",
        "transparansi.SertaMertaPage",
    ]
    template = "transparansi/transparansi_index_page.html"

    class Meta:
        verbose_name = _("indeks transparansi")
        verbose_name_plural = _("indeks transparansi")

    @path("permohonan/", name="permohonan")
    def permohonan(self, request):
        from transparansi.views import permohonan_form

        return permohonan_form(request, self)

    @path("permohonan/<slug:kode>/", name="tanda_terima")
    def tanda_terima(self, request, kode):
        from transparansi.views import tanda_terima

        return tanda_terima(request, self, kode)

    @path("register/", name="register")
    def register(self, request):
        from transparansi.views import register_permohonan

        return register_permohonan(request, self)

    @path("laporan/", name="laporan")
    def laporan(self, request):
        from transparansi.views import laporan_ppid

        return laporan_ppid(request, self)

    def get_context(self, request, *args, **kwargs):
        from transparansi.views import index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context
