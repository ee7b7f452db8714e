"""Home-page and sidebar widgets: the next events of the village."""

from django.utils import timezone

from agenda import daftar
from sitecore.middleware import desa_home

SIDEBAR_JUMLAH = 5
BERANDA_JUMLAH = 4


def agenda_index_for(request):
    """The live agenda section of the request's village, in the active language."""
    if hasattr(request, "_agenda_index"):
        return request._agenda_index
    from agenda.models import AgendaIndexPage

    index = None
    home = desa_home(request)
    if home is not None and getattr(request, "desa_profil", None) is not None:
        index = AgendaIndexPage.objects.child_of(home).live().first()
    request._agenda_index = index
    return index


def _terdekat(request):
    if not hasattr(request, "_agenda_terdekat"):
        index = agenda_index_for(request)
        kejadian = []
        if index is not None:
            kejadian = daftar.mendatang(
                daftar.agenda_pages(index), timezone.now(), batas=SIDEBAR_JUMLAH
            )
        request._agenda_terdekat = kejadian
    return request._agenda_terdekat


def _context(request, jumlah):
    index = agenda_index_for(request)
    if index is None:
        return None
    return {
        "kejadian": _terdekat(request)[:jumlah],
        "index": index,
        "index_url": index.get_url(request),
    }


def sidebar_context(request, page):
    from agenda.models import AgendaIndexPage

    # The agenda section already lists the same events.
    if isinstance(page, AgendaIndexPage):
        return None
    return _context(request, SIDEBAR_JUMLAH)


def beranda_context(request, page):
    return _context(request, BERANDA_JUMLAH)
