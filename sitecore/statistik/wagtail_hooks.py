"""Statistics in every village: the section, the CSV import in the admin, the widget."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from sitecore.sections import DesaSection, DesaWidget
from sitecore.statistik import widgets
from sitecore.statistik.admin import impor_csv_view
from sitecore.statistik.models import StatistikIndexPage, StatistikPage


@hooks.register("register_desa_section")
def statistik_section():
    return DesaSection(
        key="statistik",
        model=StatistikIndexPage,
        slug="statistik",
        title=_("Statistik"),
        order=30,
    )


@hooks.register("register_admin_urls")
def statistik_admin_urls():
    return [
        path(
            "statistik/<int:page_id>/impor-csv/",
            impor_csv_view,
            name="sitecore_statistik_impor_csv",
        )
    ]


@hooks.register("register_page_header_buttons")
def statistik_impor_button(page, user, view_name, next_url=None):
    if (
        isinstance(page.specific_deferred, StatistikPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Impor CSV"),
            url=reverse("sitecore_statistik_impor_csv", args=[page.pk]),
            icon_name="upload",
            priority=80,
        )


@hooks.register("register_desa_widget")
def statistik_widget():
    return DesaWidget(
        key="statistik",
        kinds=("statistik",),
        area="sidebar",
        page_types=("DesaHomePage", "StatistikPage"),
        order=40,
        template="sitecore/widgets/statistik.html",
        get_context=widgets.statistik_context,
    )
