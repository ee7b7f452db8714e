"""Admin for the recommendations text, scoped to the user's villages like categories."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn

from pengaduan.petugas.akses import DesaModelViewSet
from pengaduan.umpan_balik.models import RekomendasiUmpanBalik
from sitecore.models.roles import Peran

PERAN_REKOMENDASI = [Peran.KOORDINATOR_PENGADUAN, Peran.PETUGAS_PENGADUAN, Peran.EDITOR]


class RekomendasiViewSet(DesaModelViewSet):
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
    inspect_view_enabled = False
    form_fields = ["site", "tahun", "teks", "diterbitkan"]
    peran = PERAN_REKOMENDASI
