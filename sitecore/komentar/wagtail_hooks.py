"""Comment moderation for editors, the per-village log and the latest-comments widget."""

from wagtail import hooks

from sitecore.komentar import widgets
from sitecore.komentar.admin import KomentarViewSet
from sitecore.komentar.models import Komentar
from sitecore.models.audit import DesaLogEntry
from sitecore.models.roles import Peran
from sitecore.sections import DesaWidget


@hooks.register("register_desa_role_permissions")
def komentar_permissions():
    return {
        Peran.EDITOR: [
            "sitecore.view_komentar",
            "sitecore.change_komentar",
            "sitecore.delete_komentar",
        ]
    }


@hooks.register("register_admin_viewset")
def komentar_viewset():
    return KomentarViewSet()


@hooks.register("register_log_actions")
def komentar_log(actions):
    actions.register_model(Komentar, DesaLogEntry)


@hooks.register("register_desa_widget")
def komentar_terbaru_widget():
    return DesaWidget(
        key="komentar_terbaru",
        kinds=("komentar",),
        area="sidebar",
        page_types=("ArtikelIndexPage", "ArtikelPage"),
        order=20,
        template="sitecore/widgets/komentar_terbaru.html",
        get_context=widgets.komentar_terbaru_context,
    )
