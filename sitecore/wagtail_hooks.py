from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import GroupSitePermission
from wagtail.snippets.models import register_snippet

from sitecore import widgets
from sitecore.komentar_admin import KomentarViewSet
from sitecore.models import ArtikelIndexPage, StatistikIndexPage, StatistikPage
from sitecore.models.roles import Peran
from sitecore.sections import DesaSection, DesaWidget
from sitecore.viewsets import HariLiburViewSet

SINERGI_PERMISSION = ("sitecore", "change_sinergisetting")


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


@hooks.register("register_desa_role_permissions")
def komentar_permissions():
    return {
        Peran.EDITOR: [
            "sitecore.view_komentar",
            "sitecore.change_komentar",
            "sitecore.delete_komentar",
        ]
    }


@hooks.register("after_create_desa")
def sinergi_for_editor(site, home, sections, groups, **kwargs):
    """Editors keep their own village's partner links (a per-site setting permission)."""
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(
        content_type__app_label=SINERGI_PERMISSION[0], codename=SINERGI_PERMISSION[1]
    )
    editor = groups.get(Peran.EDITOR)
    if editor is not None:
        GroupSitePermission.objects.get_or_create(group=editor, site=site, permission=permission)


@hooks.register("register_admin_viewset")
def komentar_viewset():
    return KomentarViewSet()


@hooks.register("register_log_actions")
def desa_log_models(actions):
    """History of village-scoped models is kept per village (sitecore.models.audit)."""
    from sitecore.models import DesaLogEntry, DesaProfil, HariLibur, Komentar, SinergiSetting

    for model in (Komentar, DesaProfil, SinergiSetting, HariLibur):
        actions.register_model(model, DesaLogEntry)


@hooks.register("register_admin_viewset")
def page_viewset():
    """The explorer opens only pages the user may explore (see sitecore.explorer)."""
    from sitecore.explorer import DesaPageViewSet

    return DesaPageViewSet()


@hooks.register("register_admin_urls")
def statistik_admin_urls():
    from sitecore.statistik_admin import impor_csv_view

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


@hooks.register("register_demo_seeder")
def seed_sitecore_demo(site, data):
    from sitecore.demo.artikel import seed_artikel
    from sitecore.demo.galeri import seed_galeri
    from sitecore.demo.statistik import seed_statistik

    seed_artikel(site, data)
    seed_statistik(site, data)
    seed_galeri(site, data)


def _widget(key, area, order, template, get_context, **options):
    return DesaWidget(
        key=key, area=area, order=order, template=template, get_context=get_context, **options
    )


@hooks.register("register_desa_widget")
def artikel_utama_widget():
    return _widget(
        "artikel_utama",
        "home",
        10,
        "sitecore/widgets/artikel_utama.html",
        widgets.artikel_utama_context,
    )


@hooks.register("register_desa_widget")
def artikel_terbaru_widget():
    return _widget(
        "artikel_terbaru",
        "sidebar",
        10,
        "sitecore/widgets/artikel_terbaru.html",
        widgets.artikel_terbaru_context,
    )


@hooks.register("register_desa_widget")
def komentar_terbaru_widget():
    return _widget(
        "komentar_terbaru",
        "sidebar",
        20,
        "sitecore/widgets/komentar_terbaru.html",
        widgets.komentar_terbaru_context,
    )


@hooks.register("register_desa_widget")
def aparatur_widget():
    return _widget(
        "aparatur", "sidebar", 30, "sitecore/widgets/aparatur.html", widgets.aparatur_context
    )


@hooks.register("register_desa_widget")
def statistik_widget():
    return _widget(
        "statistik", "sidebar", 40, "sitecore/widgets/statistik.html", widgets.statistik_context
    )


@hooks.register("register_desa_widget")
def galeri_widget():
    return _widget("galeri", "home", 60, "sitecore/widgets/galeri.html", widgets.galeri_context)


@hooks.register("register_desa_widget")
def kantor_widget():
    return _widget(
        "kantor", "sidebar", 60, "sitecore/widgets/peta_kantor.html", widgets.kantor_context
    )


@hooks.register("register_desa_widget")
def sinergi_widget():
    return _widget(
        "sinergi", "sidebar", 80, "sitecore/widgets/sinergi.html", widgets.sinergi_context
    )


@hooks.register("register_desa_widget")
def pengunjung_widget():
    return _widget(
        "pengunjung",
        "sidebar",
        90,
        "sitecore/widgets/pengunjung.html",
        widgets.pengunjung_context,
        # Carries the counting beacon of the page being viewed: never shared.
        cache_seconds=0,
    )


register_snippet(HariLiburViewSet)


# --- cross-village scoping found by tests/test_security_matrix.py ---------------------


@hooks.register("construct_page_chooser_queryset")
def page_chooser_own_villages(pages, request):
    """The chooser lists every page, drafts included: staff see only their villages'."""
    from django.db.models import Q

    from sitecore.permissions import desa_sites_for_user

    if request.user.is_superuser:
        return pages
    trees = Q(pk__in=[])
    for site in desa_sites_for_user(request.user).select_related("root_page"):
        for home in [site.root_page, *site.root_page.get_translations()]:
            trees |= Q(path__startswith=home.path)
    return pages.filter(trees)


@hooks.register("before_serve_document")
def document_only_on_its_village(document, request):
    """Document URLs are global ids: a village's documents are served on its host only."""
    from django.http import Http404

    from sitecore.models import DesaProfil

    path = document.collection.path
    ancestors = [path[:i] for i in range(4, len(path) + 1, 4)]  # treebeard steplen 4
    owners = set(
        DesaProfil.objects.filter(koleksi__path__in=ancestors).values_list("pk", flat=True)
    )
    profil = getattr(request, "desa_profil", None)
    if owners and (profil is None or profil.pk not in owners):
        raise Http404


@hooks.register("register_admin_urls")
def twofactor_admin_urls():
    from sitecore.twofactor.urls import urlpatterns

    return urlpatterns


@hooks.register("register_account_settings_panel")
def twofactor_account_panel(request, user, profile):
    from sitecore.twofactor.panels import TwoFactorPanel

    return TwoFactorPanel(request, user, profile)
