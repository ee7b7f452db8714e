"""The visitor counter in the sidebar; it also carries the page's counting beacon."""

from wagtail.models import Site

from sitecore.pengunjung.rules import statistik_pengunjung


def pengunjung_context(request, page):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return {
        "statistik": statistik_pengunjung(site.pk),
        "beacon_id": page.pk if page is not None and getattr(page, "pk", None) else 0,
    }
