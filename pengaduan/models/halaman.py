from django.utils.translation import gettext_lazy as _

from sitecore.models.mixins import DesaSectionPage


class PengaduanIndexPage(DesaSectionPage):
    """The village's complaints and aspirations section."""

    template = "pengaduan/pengaduan_index_page.html"

    class Meta:
        verbose_name = _("indeks pengaduan")
        verbose_name_plural = _("indeks pengaduan")
