"""The page of one planned activity: its APBDes line and the proposals it takes up."""

from django.template.response import TemplateResponse

from transparansi.models.apbdes import APBDesPage, terkini_per_tahun


def baris_apbdes_url(section_child, tahun, kode, request):
    """URL of the APBDes line `kode` of year `tahun` next to a plan page, or ""."""
    if not kode:
        return ""
    pages = APBDesPage.objects.live().sibling_of(section_child).filter(tahun=tahun)
    page = next(iter(reversed(terkini_per_tahun(pages))), None)
    if page is None or not page.baris.filter(kode=kode).exists():
        return ""
    return f"{page.get_url(request)}#baris-{kode}"


def usulan_untuk_kegiatan(kegiatan):
    """Proposals linked to this activity, same village only, as label/url pairs."""
    site_id = kegiatan.page.get_site().pk if kegiatan.page_id else None
    items = kegiatan.usulan.filter(site_id=site_id, jenis="aspirasi").order_by("pk")
    return [{"label": f"{p.kode}: {p.judul}", "url": ""} for p in items]


def kegiatan_view(request, page, kegiatan):
    context = page.get_context(request)
    context.update(
        {
            "kegiatan": kegiatan,
            "apbdes_url": baris_apbdes_url(
                page, kegiatan.tahun_rencana, kegiatan.kode_apbdes, request
            ),
            "usulan": usulan_untuk_kegiatan(kegiatan),
        }
    )
    return TemplateResponse(request, "transparansi/kegiatan_rencana.html", context)
