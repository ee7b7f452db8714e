from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from pengaduan.models import PengaduanIndexPage
from pengaduan.petugas.viewsets import PengaduanGroup
from sitecore.models.roles import Peran
from sitecore.sections import DesaSection, DesaWidget

PENGADUAN_PERMS = [
    "pengaduan.add_pengaduan",
    "pengaduan.change_pengaduan",
    "pengaduan.view_pengaduan",
]


@hooks.register("register_desa_section")
def pengaduan_section():
    return DesaSection(
        key="pengaduan",
        model=PengaduanIndexPage,
        slug="pengaduan",
        title=_("Pengaduan"),
        order=40,
    )


@hooks.register("register_desa_role_permissions")
def pengaduan_role_permissions():
    lookups = [
        "pengaduan.view_kategori",
        "pengaduan.view_templatetanggapan",
        "pengaduan.add_templatetanggapan",
        "pengaduan.change_templatetanggapan",
    ]
    rekomendasi = [
        "pengaduan.add_rekomendasiumpanbalik",
        "pengaduan.change_rekomendasiumpanbalik",
        "pengaduan.view_rekomendasiumpanbalik",
    ]
    manage_kategori = [
        "pengaduan.add_kategori",
        "pengaduan.change_kategori",
        "pengaduan.view_kategori",
    ]
    return {
        Peran.PETUGAS_PENGADUAN: PENGADUAN_PERMS + lookups + rekomendasi,
        Peran.KOORDINATOR_PENGADUAN: PENGADUAN_PERMS
        + lookups
        + manage_kategori
        + rekomendasi
        + [
            "pengaduan.delete_templatetanggapan",
            "pengaduan.lihat_identitas_pengaduan",
            "pengaduan.delete_rekomendasiumpanbalik",
        ],
        Peran.EDITOR: manage_kategori + rekomendasi,
    }


@hooks.register("register_desa_widget")
def umpan_balik_widget():
    from pengaduan.umpan_balik.beranda import beranda_context

    # Figures change only with a complaint's change, which drops the village's cache.
    return DesaWidget(
        key="umpan_balik_beranda",
        kinds=("pengaduan",),
        area="home",
        order=60,
        template="pengaduan/widgets/umpan_balik.html",
        get_context=beranda_context,
        cache_seconds=3600,
    )


@hooks.register("after_create_desa")
def kategori_bawaan(site, **kwargs):
    from pengaduan.models import Kategori

    Kategori.buat_bawaan(site)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PengaduanGroup()


@hooks.register("register_page_cache_params")
def page_cache_params():
    # The register's filters and page number (its free-text `q` is served uncached).
    from pengaduan.publik.register import FILTER_PARAMS

    return {*FILTER_PARAMS, "halaman"} - {"q"}


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("pengaduan.terima", _("Laporan diterima"), _("Laporan diterima"))
    actions.register_action("pengaduan.status", _("Status diubah"), _("Status diubah"))
    actions.register_action(
        "pengaduan.penyalahgunaan",
        _("Ditolak sebagai penyalahgunaan/spam"),
        _("Laporan ditolak sebagai penyalahgunaan/spam dan tidak tampil di register"),
    )
    actions.register_action(
        "pengaduan.usulan",
        _("Jalur usulan"),
        _("Tingkat dan hasil perencanaan usulan dicatat"),
    )
    actions.register_action(
        "pengaduan.keterangan", _("Keterangan pelapor"), _("Pelapor menambah keterangan")
    )
    actions.register_action(
        "pengaduan.penilaian", _("Penilaian pelapor"), _("Pelapor memberi nilai")
    )
    actions.register_action(
        "pengaduan.salinan", _("Salinan tersamar"), _("Petugas mengunggah salinan tersamar")
    )
    actions.register_action(
        "pengaduan.lampiran_publik",
        _("Publikasi salinan tersamar"),
        _("Petugas mengubah publikasi salinan tersamar"),
    )
    # Complaints and their village's lists keep a per-village history.
    from pengaduan.models import Kategori, Pengaduan, RekomendasiUmpanBalik, TemplateTanggapan
    from sitecore.models import DesaLogEntry

    for model in (Pengaduan, Kategori, TemplateTanggapan, RekomendasiUmpanBalik):
        actions.register_model(model, DesaLogEntry)


class PanelPengaduan(Component):
    name = "pengaduan_panel"
    order = 90

    def __init__(self, rows):
        self.rows = rows

    def render_html(self, parent_context=None):
        from django.utils import timezone

        return render_to_string(
            "pengaduan/admin/panel.html", {"rows": self.rows, "sekarang": timezone.now()}
        )


@hooks.register("construct_homepage_panels")
def panel_pengaduan(request, panels):
    from pengaduan.petugas.dasbor import ringkasan_per_desa

    rows = ringkasan_per_desa(request.user)
    if rows:
        panels.append(PanelPengaduan(rows))


@hooks.register("register_demo_seeder")
def demo_pengaduan(site, data):
    from pengaduan.demo import seed

    seed(site=site, data=data)
