"""The counting beacon: a 1×1 GIF that is never cached, so cached pages still count."""

import base64

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Site

from sitecore.klien import client_key, is_bot
from sitecore.pengunjung.rules import catat, halaman_dibaca

GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@never_cache
@require_GET
def beacon(request, page_id):
    response = HttpResponse(GIF, content_type="image/gif")
    response["X-Robots-Tag"] = "noindex"
    site = Site.find_for_request(request)
    if site is None or is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return response
    # Reads count only for live read-counted pages (articles) of this village.
    catat(site.pk, page_id, client_key(request), article=halaman_dibaca(site, page_id))
    return response
