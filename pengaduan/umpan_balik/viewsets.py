"""Admin for the recommendations text, scoped to the user's villages like categories."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.viewsets.model import ModelViewSet

from pengaduan.petugas.akses import scoped_views, site_limited_form
from pengaduan.umpan_balik.models import RekomendasiUmpanBalik
from sitecore.models.roles import Peran

PERAN_REKOMENDASI = [Peran.KOORDINATOR_PENGADUAN, Peran.PETUGAS_PENGADUAN, Peran.EDITOR]


class RekomendasiViewSet(ModelViewSet):
    model = RekomendasiUmpanBalik
    icon = "doc-full-inverse"
    menu_label = _("Rekomendasi umpan balik")
    name = "pengaduan_rekomendasi"
    url_prefix = "pengaduan/rekomendasi"
    list_display = [
        "__str__",
        "site",
        BooleanColumn("diterbitkan", label=_("Diterbitkan")),
        "diubah",
    ]
    copy_view_enabled = False
    inspect_view_enabled = False
    peran = PERAN_REKOMENDASI
    (
        index_view_class,
        edit_view_class,
        delete_view_class,
        history_view_class,
        usage_view_class,
    ) = scoped_views(peran)

    def get_form_class(self, for_update=False):
        # Built on first use: a rich-text form field made while wagtail_hooks modules
        # are still importing would load every app's hooks out of their order.
        fields = ["site", "tahun", "teks", "diterbitkan"]
        return site_limited_form("RekomendasiForm", self.model, fields, self.peran)
