from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import transparansi.anggaran.perubahan  # noqa: F401 - registers the amendment action
from sitecore.models.roles import Peran
from sitecore.sections import DesaSection, DesaWidget
from transparansi import widgets
from transparansi.anggaran import adminviews
from transparansi.models import APBDesPage, KodeRekening, SertaMertaPage, TransparansiIndexPage
from transparansi.permohonan.viewsets import PermohonanViewSet
from transparansi.rencana import progres, usulan  # noqa: F401 - register their hooks

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


@hooks.register("register_desa_role_permissions")
def transparansi_role_permissions():
    return {
        Peran.PPID: [
            "transparansi.add_permohonaninformasi",
            "transparansi.change_permohonaninformasi",
            "transparansi.view_permohonaninformasi",
        ]
    }


@hooks.register("register_desa_widget")
def apbdes_widget():
    return DesaWidget(
        key="apbdes",
        kinds=("transparansi",),
        area="sidebar",
        page_types=(
            "TransparansiIndexPage",
            "RPJMDesPage",
            "RKPDesPage",
            "DaftarInformasiPage",
            "SertaMertaPage",
        ),
        order=50,
        template="transparansi/widgets/apbdes.html",
        get_context=widgets.apbdes_sidebar_context,
    )


@hooks.register("register_desa_widget")
def apbdes_home_widget():
    return DesaWidget(
        key="apbdes_beranda",
        kinds=("transparansi",),
        area="home",
        order=50,
        template="transparansi/widgets/apbdes_beranda.html",
        get_context=widgets.apbdes_home_context,
    )


@hooks.register("register_desa_widget")
def serta_merta_widget():
    return DesaWidget(
        key="serta_merta",
        # On top of every page: its own kind, so a budget does not refresh every page.
        kinds=(SertaMertaPage.cache_kind,),
        area="notices",
        order=10,
        template="transparansi/widgets/serta_merta.html",
        get_context=widgets.serta_merta_context,
    )


@hooks.register("register_page_cache_params")
def page_cache_params():
    # Request register and information list: page number and filters (not the free `q`).
    return {"halaman", "tahun", "kategori"}


@hooks.register("register_admin_urls")
def transparansi_admin_urls():
    return [
        path(
            "transparansi/apbdes/<int:page_id>/impor/",
            adminviews.impor_apbdes,
            name="transparansi_apbdes_impor",
        ),
        path(
            "transparansi/templat-apbdes.<str:fmt>",
            adminviews.templat,
            name="transparansi_templat",
        ),
    ]


def _impor_button(page, user):
    if (
        isinstance(page.specific_deferred, APBDesPage)
        and page.permissions_for_user(user).can_edit()
    ):
        return Button(
            _("Impor CSV/XLSX"),
            reverse("transparansi_apbdes_impor", args=[page.id]),
            icon_name="upload",
            priority=40,
        )
    return None


@hooks.register("register_page_header_buttons")
def apbdes_impor_header_button(page, user, view_name, next_url=None):
    button = _impor_button(page, user)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def apbdes_impor_listing_button(page, user, next_url=None):
    button = _impor_button(page, user)
    return [button] if button else []


class KodeRekeningViewSet(SnippetViewSet):
    """Kabupaten admins extend the code tree; PPIDs only use it."""

    model = KodeRekening
    icon = "list-ol"
    menu_label = _("Kode rekening tambahan")
    add_to_admin_menu = False
    list_display = ["kode", "uraian"]
    search_fields = ["kode", "uraian"]


register_snippet(KodeRekeningViewSet)


@hooks.register("register_admin_viewset")
def permohonan_viewset():
    return PermohonanViewSet("permohonan_informasi")


@hooks.register("register_demo_seeder")
def transparansi_demo(site, data):
    from transparansi.demo import seed

    seed(site=site, data=data)


@hooks.register("register_demo_kamus")
def transparansi_demo_kamus(data):
    from transparansi.demo import kamus

    return kamus(data)


@hooks.register("register_log_actions")
def desa_log_models(actions):
    """Information requests keep a per-village history (sitecore.models.audit)."""
    from sitecore.models import DesaLogEntry
    from transparansi.models import PermohonanInformasi

    actions.register_model(PermohonanInformasi, DesaLogEntry)
