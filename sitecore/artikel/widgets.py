"""Article widgets: headlines on the home page, latest and most-read in the sidebar.

Each runs a fixed number of queries whatever the number of articles.
"""

from django.db.models import Prefetch

from sitecore.artikel.models import ArtikelPage, ArtikelTag
from sitecore.middleware import desa_home
from sitecore.pengunjung.rules import jumlah_dibaca_banyak
from sitecore.pohon import di_bawah

WIDGET_ARTIKEL = 5


def _artikel(request):
    home = desa_home(request)
    if home is None:
        return ArtikelPage.objects.none()
    return (
        ArtikelPage.objects.live()
        .public()
        .filter(di_bawah(home.path))
        .order_by("-tanggal_terbit", "-pk")
    )


def artikel_terbaru_context(request, page):
    """Latest and most-read articles (reads include counts still waiting in the cache)."""
    terbaru = list(_artikel(request)[:WIDGET_ARTIKEL])
    if not terbaru:
        return None
    populer = list(_artikel(request).order_by("-jumlah_dibaca", "-tanggal_terbit")[:WIDGET_ARTIKEL])
    dibaca = jumlah_dibaca_banyak(populer)
    for artikel in populer:
        artikel.dibaca = dibaca[artikel.pk]
    return {"terbaru": terbaru, "populer": populer}


def artikel_utama_context(request, page):
    """Headline articles on the home page, falling back to the latest ones."""
    qs = (
        _artikel(request)
        .select_related("gambar", "kategori")
        .prefetch_related(
            "gambar__renditions",
            Prefetch("tagged_items", queryset=ArtikelTag.objects.select_related("tag")),
        )
    )
    utama = list(qs.filter(unggulan=True)[:3])
    lain = list(qs.exclude(pk__in=[a.pk for a in utama])[: 6 - len(utama)])
    if not utama and not lain:
        return None
    return {"utama": utama, "lain": lain, "index": (utama or lain)[0].get_parent()}
