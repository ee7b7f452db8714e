"""The latest approved comments of the village, in the sidebar."""

from wagtail.models import Site

from sitecore.komentar.models import Komentar


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
