from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from agenda import widgets
from agenda.models import AgendaIndexPage, KategoriAgenda
from agenda.models.kategori import KATEGORI_BAWAAN
from agenda.moderasi import pastikan_moderasi
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


@hooks.register("after_create_desa")
def siapkan_agenda(site, home, sections, groups):
    index = sections["agenda"]
    if not index.kategori.exists():
        for order, nama in enumerate(KATEGORI_BAWAAN):
            index.kategori.add(KategoriAgenda(nama=nama, sort_order=order))
        # A revision, so the categories survive the next edit of the section page.
        index.save_revision(log_action=False).publish(log_action=False)
    pastikan_moderasi(site, index, groups)


@hooks.register("register_desa_widget")
def agenda_terdekat_widget():
    return DesaWidget(
        key="agenda_terdekat",
        kinds=("agenda",),
        area="sidebar",
        page_types=("AgendaPage",),
        order=20,
        template="agenda/widgets/agenda_terdekat.html",
        get_context=widgets.sidebar_context,
    )


@hooks.register("register_desa_widget")
def agenda_beranda_widget():
    return DesaWidget(
        key="agenda_beranda",
        kinds=("agenda",),
        area="home",
        order=20,
        template="agenda/widgets/agenda_beranda.html",
        get_context=widgets.beranda_context,
    )


class PanduanRelawanPanel(Component):
    """Dashboard help for Relawan JID: how to post an event, with a direct link."""

    name = "panduan_relawan"
    template_name = "agenda/admin/panduan_relawan.html"
    order = 50

    def __init__(self, indexes):
        self.indexes = indexes

    def get_context_data(self, parent_context):
        return {"indexes": self.indexes}


@hooks.register("construct_homepage_panels")
def panduan_relawan(request, panels):
    from sitecore.models.roles import desa_sites_for_user

    if request.user.is_superuser:
        return
    sites = list(desa_sites_for_user(request.user, Peran.RELAWAN_JID))
    if not sites:
        return
    indexes = [i for s in sites for i in AgendaIndexPage.objects.child_of(s.root_page)]
    panels.append(PanduanRelawanPanel(indexes))


@hooks.register("register_demo_seeder")
def agenda_demo(site, data):
    from agenda.demo import seed_agenda

    seed_agenda(site=site, data=data)


@hooks.register("register_demo_kamus")
def agenda_demo_kamus(data):
    from agenda.demo import kamus

    return kamus(data)
