"""Home, sidebar and notice widgets of the transparency section."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from transparansi import grafik
from transparansi.models.apbdes import ringkasan_halaman


def _site(request):
    return Site.find_for_request(request) if request is not None else None


def _apbdes(request):
    from transparansi.views import apbdes_terkini

    site = _site(request)
    if site is None:
        return None
    page = apbdes_terkini(site, tahun=timezone.localdate().year)
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
    from transparansi.views import serta_merta_aktif

    site = _site(request)
    if site is None:
        return None
    items = serta_merta_aktif(site)
    return {"pengumuman": items} if items else None
