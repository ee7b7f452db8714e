"""The population summary in the sidebar, from the village's statistics pages."""

from sitecore.middleware import desa_home
from sitecore.pohon import di_bawah
from sitecore.statistik.models import StatistikIndexPage, StatistikPage
from sitecore.statistik.rules import ringkasan_penduduk


def statistik_context(request, page):
    home = desa_home(request)
    if home is None:
        return None
    pages = list(
        StatistikPage.objects.live()
        .public()
        .filter(di_bawah(home.path))
        .prefetch_related("data")
        .order_by("path")
    )
    ringkasan = ringkasan_penduduk(pages)
    if ringkasan is None:
        return None
    index = StatistikIndexPage.objects.filter(di_bawah(home.path)).live().first()
    return {"ringkasan": ringkasan, "index": index}
