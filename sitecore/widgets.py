"""sitecore's own widgets. Other apps register theirs the same way.

Every widget runs a fixed number of queries whatever the number of articles.
"""

from django.db.models import Prefetch
from wagtail.models import Site

from sitecore.middleware import desa_home
from sitecore.models import (
    AlbumPage,
    ArtikelPage,
    ArtikelTag,
    Komentar,
    SinergiSetting,
    StatistikIndexPage,
    StatistikPage,
)
from sitecore.pengunjung import jumlah_dibaca_banyak, statistik_pengunjung

WIDGET_ARTIKEL = 5


_home = desa_home


def _artikel(request):
    home = _home(request)
    if home is None:
        return ArtikelPage.objects.none()
    return (
        ArtikelPage.objects.live()
        .public()
        .filter(path__startswith=home.path)
        .order_by("-tanggal_terbit", "-pk")
    )


def aparatur_context(request, page):
    profil = getattr(request, "desa_profil", None)
    if profil is None:
        return None
    officials = list(profil.aparatur.select_related("foto").all()[:6])
    return {"aparatur": officials} if officials else None


def kantor_context(request, page):
    profil = getattr(request, "desa_profil", None)
    if profil is None or not profil.peta_embed_url:
        return None
    return {"profil": profil}


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


def komentar_terbaru_context(request, page):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    komentar = list(
        Komentar.objects.filter(site=site, status=Komentar.Status.DISETUJUI)
        .select_related("page")
        .only("nama", "pesan", "dibuat", "page__url_path", "page__title", "page__id")
        .order_by("-dibuat")[:5]
    )
    return {"komentar": komentar} if komentar else None


def statistik_context(request, page):
    from sitecore.statistik import ringkasan_penduduk

    home = _home(request)
    if home is None:
        return None
    pages = list(
        StatistikPage.objects.live()
        .public()
        .filter(path__startswith=home.path)
        .prefetch_related("data")
        .order_by("path")
    )
    ringkasan = ringkasan_penduduk(pages)
    if ringkasan is None:
        return None
    index = StatistikIndexPage.objects.filter(path__startswith=home.path).live().first()
    return {"ringkasan": ringkasan, "index": index}


def pengunjung_context(request, page):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return {
        "statistik": statistik_pengunjung(site.pk),
        "beacon_id": page.pk if page is not None and getattr(page, "pk", None) else 0,
    }


def galeri_context(request, page):
    home = _home(request)
    if home is None:
        return None
    album = (
        AlbumPage.objects.live()
        .public()
        .filter(path__startswith=home.path)
        .order_by("-first_published_at")
        .first()
    )
    if album is None:
        return None
    foto = list(
        album.foto.select_related("gambar").prefetch_related("gambar__renditions").all()[:6]
    )
    return {"album": album, "foto": foto} if foto else None


def sinergi_context(request, page):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    setting = SinergiSetting.objects.filter(site=site).first()
    if setting is None:
        return None
    program = list(
        setting.program.select_related("logo").prefetch_related("logo__renditions").all()
    )
    return {"program": program} if program else None
