"""The page of one planned activity: its APBDes line, the RPJMDes programme it carries
out, its progress history and the proposals it takes up."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from pengaduan.models.pengaduan import Pengaduan
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
    """Proposals linked to this activity, as the public register shows them.

    Only items that are in the register (same village), under their public title; a
    confidential one as a redacted line. Never the reporter's own words or the code.
    """
    site_id = kegiatan.page.get_site().pk if kegiatan.page_id else None
    # By id: in a page preview the relation is an in-memory list, not a queryset.
    ids = [p.pk for p in kegiatan.usulan.all()]
    items = (
        Pengaduan.objects.filter(pk__in=ids, site_id=site_id, jenis="aspirasi")
        .publik()
        .select_related("kategori", "dusun")
        .order_by("pk")
    )
    return [
        {"label": _("Usulan rahasia") if p.tersamar else p.judul_register, "url": ""} for p in items
    ]


def riwayat_progres(page, kegiatan):
    """The dated progress history, newest first; an English copy reads its original's."""
    sumber = kegiatan
    if page.alias_of_id:
        sumber = page.sumber.kegiatan.filter(kunci=kegiatan.kunci).first()
    if sumber is None or sumber.pk is None:
        return []
    return list(sumber.riwayat_progres.select_related("dicatat_oleh"))


def program_tautan(page, kegiatan, request):
    """{"label", "url"} of the RPJMDes programme the activity carries out, or None."""
    program = kegiatan.program
    if program is None:
        return None
    rpjmdes = program.page
    terjemahan = (
        rpjmdes.get_translation_or_none(page.locale)
        if rpjmdes.locale_id != page.locale_id
        else rpjmdes
    )
    tujuan = terjemahan if terjemahan is not None and terjemahan.live else rpjmdes
    url = f"{tujuan.get_url(request)}#program-{program.pk}" if rpjmdes.live else ""
    return {"label": f"{rpjmdes.title}: {program.nama}", "url": url}


def kegiatan_view(request, page, kegiatan):
    context = page.get_context(request)
    context.update(
        {
            "kegiatan": kegiatan,
            "apbdes_url": baris_apbdes_url(
                page, kegiatan.tahun_rencana, kegiatan.kode_apbdes, request
            ),
            "usulan": usulan_untuk_kegiatan(kegiatan),
            "riwayat": riwayat_progres(page, kegiatan),
            "program": program_tautan(page, kegiatan, request),
        }
    )
    return TemplateResponse(request, "transparansi/kegiatan_rencana.html", context)
