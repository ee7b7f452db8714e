from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from agenda.models import AgendaIndexPage
from sitecore.models.roles import Peran
from sitecore.sections import DesaSection, DesaWidget


@hooks.register("register_desa_section")
def agenda_section():
    # Relawan JID may add and edit events here, never publish: their work goes
    # through the village's moderation workflow.
    return DesaSection(
        key="agenda",
        model=AgendaIndexPage,
        slug="agenda",
        title=_("Agenda"),
        order=20,
        page_permissions={Peran.RELAWAN_JID: ["add_page", "change_page"]},
    )


@hooks.register("register_desa_widget")
def agenda_terdekat_widget():
    return DesaWidget(
        key="agenda_terdekat",
        area="sidebar",
        order=20,
        template="sitecore/widgets/placeholder.html",
        get_context=lambda request, page: {"judul": _("Agenda terdekat")},
    )
