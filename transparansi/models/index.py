from django.utils.translation import gettext_lazy as _

from sitecore.models.mixins import DesaSectionPage


class TransparansiIndexPage(DesaSectionPage):
    """The village's PPID and budget transparency section."""

    template = "transparansi/transparansi_index_page.html"

    class Meta:
        verbose_name = _("indeks transparansi")
        verbose_name_plural = _("indeks transparansi")
