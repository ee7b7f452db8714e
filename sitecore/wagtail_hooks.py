from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from sitecore import widgets
from sitecore.models import ArtikelIndexPage, StatistikIndexPage
from sitecore.sections import DesaSection, DesaWidget
from sitecore.viewsets import HariLiburViewSet


@hooks.register("register_desa_section")
def artikel_section():
    return DesaSection(
        key="artikel", model=ArtikelIndexPage, slug="artikel", title=_("Artikel"), order=10
    )


@hooks.register("register_desa_section")
def statistik_section():
    return DesaSection(
        key="statistik",
        model=StatistikIndexPage,
        slug="statistik",
        title=_("Statistik"),
        order=30,
    )


@hooks.register("register_desa_widget")
def artikel_terbaru_widget():
    return DesaWidget(
        key="artikel_terbaru",
        area="sidebar",
        order=10,
        template="sitecore/widgets/placeholder.html",
        get_context=widgets.artikel_terbaru_context,
    )


@hooks.register("register_desa_widget")
def aparatur_widget():
    return DesaWidget(
        key="aparatur",
        area="sidebar",
        order=30,
        template="sitecore/widgets/aparatur.html",
        get_context=widgets.aparatur_context,
    )


@hooks.register("register_desa_widget")
def statistik_widget():
    return DesaWidget(
        key="statistik",
        area="sidebar",
        order=40,
        template="sitecore/widgets/placeholder.html",
        get_context=widgets.statistik_context,
    )


@hooks.register("register_desa_widget")
def kantor_widget():
    return DesaWidget(
        key="kantor",
        area="sidebar",
        order=60,
        template="sitecore/widgets/peta_kantor.html",
        get_context=widgets.kantor_context,
    )


@hooks.register("register_desa_widget")
def pengunjung_widget():
    return DesaWidget(
        key="pengunjung",
        area="sidebar",
        order=90,
        template="sitecore/widgets/placeholder.html",
        get_context=widgets.pengunjung_context,
    )


register_snippet(HariLiburViewSet)
