"""Home, sidebar and notice widgets of the transparency section."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from sitecore.middleware import desa_home
from transparansi.anggaran import grafik
from transparansi.models.apbdes import APBDesPage, ringkasan_halaman, terkini_per_tahun
from transparansi.models.informasi import SertaMertaPage


def _home(request):
    """The village home in the request's language: /en/ shows the English pages."""
    return desa_home(request) if request is not None else None


def apbdes_terkini(home, tahun=None):
    """The current year's live budget (amended if amended), else the latest year's."""
    pages = APBDesPage.objects.live().descendant_of(home)
    pages = terkini_per_tahun(pages)
    if not pages:
        return None
    if tahun is not None:
        for page in pages:
            if page.tahun == tahun:
                return page
    return pages[-1]


def _apbdes(request):
    home = _home(request)
    if home is None:
        return None
    page = apbdes_terkini(home, tahun=timezone.localdate().year)
    if page is None:
        return None
    return page, ringkasan_halaman([page.id])[page.id]


def apbdes_sidebar_context(request, page):
    found = _apbdes(request)
    if found is None:
        return None
    apbdes, r = found
    return {
        "apbdes": apbdes,
        "r": r,
        "progres": grafik.progres(
            [
                (_("Pendapatan"), r.pendapatan),
                (_("Belanja"), r.belanja),
                (_("Pembiayaan"), r.penerimaan),
            ],
            lebar=240,
        ),
    }


def apbdes_home_context(request, page):
    found = _apbdes(request)
    if found is None:
        return None
    apbdes, r = found
    return {"apbdes": apbdes, "r": r}


def serta_merta_context(request, page):
    home = _home(request)
    if home is None:
        return None
    items = serta_merta_aktif(home)
    return {"pengumuman": items} if items else None


def serta_merta_aktif(home):
    return list(
        SertaMertaPage.objects.live()
        .descendant_of(home)
        .filter(dicabut=False)
        .filter(~Q(ringkasan=""))
        .order_by("-first_published_at")[:3]
    )
