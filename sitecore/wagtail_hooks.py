"""sitecore's admin and village hooks. Each concern package registers its own in its
`wagtail_hooks` module, imported here because Wagtail looks for one module per app."""

import django_filters
from django.http import Http404
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.active_filters import BaseFilterAdapter, register_filter_adapter_class

import sitecore.artikel.wagtail_hooks  # noqa: F401
import sitecore.galeri.wagtail_hooks  # noqa: F401
import sitecore.kalender.wagtail_hooks  # noqa: F401
import sitecore.komentar.wagtail_hooks  # noqa: F401
import sitecore.pagecache.wagtail_hooks  # noqa: F401
import sitecore.pengunjung.wagtail_hooks  # noqa: F401
import sitecore.statistik.wagtail_hooks  # noqa: F401
import sitecore.twofactor.wagtail_hooks  # noqa: F401
from sitecore import widgets
from sitecore.explorer import DesaPageViewSet
from sitecore.models.audit import DesaLogEntry
from sitecore.models.profil import DesaProfil
from sitecore.models.roles import desa_sites_for_user
from sitecore.pohon import di_bawah
from sitecore.sections import DesaWidget


class YaTidakFilterAdapter(BaseFilterAdapter):
    """A yes/no filter's pill says "Lewat tenggat: Ya"; Wagtail's shows str(True)."""

    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value=gettext("Ya") if self.value else gettext("Tidak"))


register_filter_adapter_class(django_filters.BooleanFilter, YaTidakFilterAdapter)


@hooks.register("register_log_actions")
def desa_profil_log(actions):
    """History of village-scoped models is kept per village (sitecore.models.audit)."""
    actions.register_model(DesaProfil, DesaLogEntry)


@hooks.register("register_admin_viewset")
def page_viewset():
    """The explorer opens only pages the user may explore (see sitecore.explorer)."""
    return DesaPageViewSet()


@hooks.register("register_demo_seeder")
def seed_sitecore_demo(site, data):
    from sitecore.demo.artikel import seed_artikel
    from sitecore.demo.galeri import seed_galeri
    from sitecore.demo.pengunjung import seed_pengunjung
    from sitecore.demo.statistik import seed_statistik

    seed_artikel(site, data)
    seed_statistik(site, data)
    seed_galeri(site, data)
    seed_pengunjung(site, data)


@hooks.register("register_desa_widget")
def aparatur_widget():
    return DesaWidget(
        key="aparatur",
        kinds=("situs",),
        area="sidebar",
        page_types=("StandardPage",),
        order=30,
        template="sitecore/widgets/aparatur.html",
        get_context=widgets.aparatur_context,
    )


@hooks.register("register_desa_widget")
def kantor_widget():
    return DesaWidget(
        key="kantor",
        kinds=("situs",),
        area="sidebar",
        page_types=("DesaHomePage", "StandardPage"),
        order=60,
        template="sitecore/widgets/peta_kantor.html",
        get_context=widgets.kantor_context,
    )


# --- cross-village scoping found by tests/test_security_matrix.py ---------------------


@hooks.register("construct_page_chooser_queryset")
def page_chooser_own_villages(pages, request):
    """The chooser lists every page, drafts included: staff see only their villages'."""
    from django.db.models import Q

    if request.user.is_superuser:
        return pages
    trees = Q(pk__in=[])
    for site in desa_sites_for_user(request.user).select_related("root_page"):
        for home in [site.root_page, *site.root_page.get_translations()]:
            trees |= di_bawah(home.path)
    return pages.filter(trees)


@hooks.register("before_serve_document")
def document_only_on_its_village(document, request):
    """Document URLs are global ids: a village's documents are served on its host only."""
    path = document.collection.path
    ancestors = [path[:i] for i in range(4, len(path) + 1, 4)]  # treebeard steplen 4
    owners = set(
        DesaProfil.objects.filter(koleksi__path__in=ancestors).values_list("pk", flat=True)
    )
    profil = getattr(request, "desa_profil", None)
    if owners and (profil is None or profil.pk not in owners):
        raise Http404
