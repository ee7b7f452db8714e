"""The visitor counter widget."""

from wagtail import hooks

from sitecore.pengunjung import widgets
from sitecore.sections import DesaWidget


@hooks.register("register_desa_widget")
def pengunjung_widget():
    return DesaWidget(
        key="pengunjung",
        area="sidebar",
        page_types=("DesaHomePage",),
        order=90,
        template="sitecore/widgets/pengunjung.html",
        get_context=widgets.pengunjung_context,
        # Carries the counting beacon of the page being viewed: never shared.
        cache_seconds=0,
    )
