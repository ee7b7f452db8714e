from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from pengaduan.models import PengaduanIndexPage
from sitecore.sections import DesaSection


@hooks.register("register_desa_section")
def pengaduan_section():
    return DesaSection(
        key="pengaduan",
        model=PengaduanIndexPage,
        slug="pengaduan",
        title=_("Pengaduan"),
        order=40,
    )
