from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from sitecore.models.roles import Peran
from sitecore.sections import DesaSection, DesaWidget
from transparansi.models import TransparansiIndexPage

PPID_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


@hooks.register("register_desa_section")
def transparansi_section():
    return DesaSection(
        key="transparansi",
        model=TransparansiIndexPage,
        slug="transparansi",
        title=_("Transparansi"),
        order=50,
        page_permissions={Peran.PPID: PPID_PAGE_PERMISSIONS},
    )


@hooks.register("register_desa_widget")
def apbdes_widget():
    return DesaWidget(
        key="apbdes",
        area="sidebar",
        order=50,
        template="sitecore/widgets/placeholder.html",
        get_context=lambda request, page: {"judul": _("APBDes")},
    )
