"""Section pages that sitecore itself owns (the other apps bring their own)."""

from django.utils.translation import gettext_lazy as _

from .mixins import DesaSectionPage


class ArtikelIndexPage(DesaSectionPage):
    """Village news. Lists its articles (the article model arrives with the news work)."""

    template = "sitecore/artikel_index_page.html"

    class Meta:
        verbose_name = _("indeks artikel")
        verbose_name_plural = _("indeks artikel")


class StatistikIndexPage(DesaSectionPage):
    """Population statistics of the village, one child page per category."""

    template = "sitecore/statistik_index_page.html"

    class Meta:
        verbose_name = _("indeks statistik")
        verbose_name_plural = _("indeks statistik")
