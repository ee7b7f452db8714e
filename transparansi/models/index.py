from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from sitecore.models.mixins import DesaSectionPage
from transparansi.alamat import alamat_pengaduan

from .apbdes import APBDesPage, terkini_per_tahun
from .informasi import DaftarInformasiPage, SertaMertaPage
from .rencana import RKPDesPage, RPJMDesPage


class TransparansiIndexPage(RoutablePageMixin, DesaSectionPage):
    """The village's PPID and budget transparency section, with the request desk."""

    cache_kind = "transparansi"
    cache_shows = ("serta_merta",)  # lists the immediate announcements too

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
        from transparansi.permohonan.views import permohonan_form

        return permohonan_form(request, self)

    @path("permohonan/<slug:kode>/", name="tanda_terima")
    def tanda_terima(self, request, kode):
        from transparansi.permohonan.views import tanda_terima

        return tanda_terima(request, self, kode)

    @path("register/", name="register")
    def register(self, request):
        from transparansi.permohonan.views import register_permohonan

        return register_permohonan(request, self)

    @path("laporan/", name="laporan")
    def laporan(self, request):
        from transparansi.permohonan.views import laporan_ppid

        return laporan_ppid(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(index_context(self, request))
        return context


def index_context(page, request):
    children = page.get_children().live().public().specific()
    apbdes = [c for c in children if isinstance(c, APBDesPage)]
    return {
        "apbdes_list": list(reversed(terkini_per_tahun(apbdes))),
        "rencana_list": [c for c in children if isinstance(c, RPJMDesPage | RKPDesPage)],
        "dip": next((c for c in children if isinstance(c, DaftarInformasiPage)), None),
        "serta_merta_list": [c for c in children if isinstance(c, SertaMertaPage)],
        **alamat_pengaduan(request),
    }
