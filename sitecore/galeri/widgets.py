"""The latest photo album on the home page and the partner links in the sidebar."""

from wagtail.models import Site

from sitecore.galeri.models import AlbumPage, SinergiSetting
from sitecore.middleware import desa_home
from sitecore.pohon import di_bawah


def galeri_context(request, page):
    home = desa_home(request)
    if home is None:
        return None
    album = (
        AlbumPage.objects.live()
        .public()
        .filter(di_bawah(home.path))
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
