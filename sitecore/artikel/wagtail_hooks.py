"""Articles in every village: the news section and the home and sidebar widgets."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from sitecore.artikel import widgets
from sitecore.artikel.models import ArtikelIndexPage
from sitecore.sections import DesaSection, DesaWidget


@hooks.register("register_desa_section")
def artikel_section():
    return DesaSection(
        key="artikel", model=ArtikelIndexPage, slug="artikel", title=_("Artikel"), order=10
    )


@hooks.register("register_desa_widget")
def artikel_utama_widget():
    return DesaWidget(
        key="artikel_utama",
        kinds=("artikel",),
        area="home",
        order=10,
        template="sitecore/widgets/artikel_utama.html",
        get_context=widgets.artikel_utama_context,
    )


@hooks.register("register_desa_widget")
def artikel_terbaru_widget():
    return DesaWidget(
        key="artikel_terbaru",
        kinds=("artikel",),
        area="sidebar",
        page_types=("ArtikelIndexPage", "ArtikelPage"),
        order=10,
        template="sitecore/widgets/artikel_terbaru.html",
        get_context=widgets.artikel_terbaru_context,
    )
