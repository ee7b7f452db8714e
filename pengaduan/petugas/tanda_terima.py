"""The receipt an officer prints after filing an offline report (its PIN shown once)."""

from django.template.response import TemplateResponse

from pengaduan.models.halaman import PengaduanIndexPage
from pengaduan.petugas.akses import item_untuk
from sitecore.models import DesaProfil
from sitecore.models.profil import TIME_ZONE_ABBR


def tanda_terima_view(request, pk):
    item = item_untuk(request.user, pk)
    pins = request.session.get("pengaduan_admin_pin", {})
    pin = pins.pop(str(pk), None)
    request.session["pengaduan_admin_pin"] = pins
    profil = DesaProfil.for_site(item.site)
    halaman = (
        PengaduanIndexPage.objects.live().descendant_of(item.site.root_page).only("id").first()
    )
    status_url = f"{halaman.get_full_url(request)}lacak/{item.kode}/" if halaman is not None else ""
    response = TemplateResponse(
        request,
        "pengaduan/admin/tanda_terima.html",
        {
            "p": item,
            "pin": pin,
            "desa": profil,
            "zona": TIME_ZONE_ABBR.get(profil.zona_waktu),
            "status_url": status_url,
        },
    )
    response["Cache-Control"] = "private, no-store"
    return response
