"""The village's complaint channel, shown on every page of the transparency section."""

from django.utils import translation
from wagtail.models import Site

from sitecore.pagecache import cache as pagecache


def alamat_pengaduan(request, page=None):
    """The village's complaint channel: its pengaduan section page and office contacts."""
    from pengaduan.models import PengaduanIndexPage

    site = Site.find_for_request(request)

    def url():
        # A child_of() lookup scans the page tree: kept until the village's next change.
        pengaduan = PengaduanIndexPage.objects.live().child_of(site.root_page).first()
        return pengaduan.localized.get_url(request) if pengaduan is not None else ""

    if site is None:
        return {"pengaduan_url": "", "profil": None}
    return {
        "pengaduan_url": pagecache.memoize(
            request,
            ("pengaduan-url", site.pk, translation.get_language()),
            url,
            kinds=(pagecache.SITUS,),  # a section page: in the menu
        ),
        "profil": getattr(request, "desa_profil", None),
    }
