"""Albums and partner links: the editors' setting permission, the log and the widgets."""

from django.contrib.auth.models import Permission
from wagtail import hooks
from wagtail.models import GroupSitePermission

from sitecore.galeri import widgets
from sitecore.galeri.models import SinergiSetting
from sitecore.models.audit import DesaLogEntry
from sitecore.models.roles import Peran
from sitecore.sections import DesaWidget

SINERGI_PERMISSION = ("sitecore", "change_sinergisetting")


@hooks.register("after_create_desa")
def sinergi_for_editor(site, home, sections, groups, **kwargs):
    """Editors keep their own village's partner links (a per-site setting permission)."""
    permission = Permission.objects.get(
        content_type__app_label=SINERGI_PERMISSION[0], codename=SINERGI_PERMISSION[1]
    )
    editor = groups.get(Peran.EDITOR)
    if editor is not None:
        GroupSitePermission.objects.get_or_create(group=editor, site=site, permission=permission)


@hooks.register("register_log_actions")
def sinergi_log(actions):
    actions.register_model(SinergiSetting, DesaLogEntry)


@hooks.register("register_desa_widget")
def galeri_widget():
    return DesaWidget(
        key="galeri",
        kinds=("galeri",),
        area="home",
        order=60,
        template="sitecore/widgets/galeri.html",
        get_context=widgets.galeri_context,
    )


@hooks.register("register_desa_widget")
def sinergi_widget():
    return DesaWidget(
        key="sinergi",
        kinds=("sinergi",),
        area="sidebar",
        page_types=("DesaHomePage",),
        order=80,
        template="sitecore/widgets/sinergi.html",
        get_context=widgets.sinergi_context,
    )
