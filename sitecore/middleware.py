from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from wagtail.models import Site

from sitecore import situs
from sitecore.models.profil import DesaProfil


class DesaMiddleware:
    """Attach the village's profile to the request and work in its time zone.

    A village in Lombok shows WITA, one in Purbalingga WIB, from the same installation.
    Site and profile come from the per-process site index (sitecore.situs): one read of
    its shared version (Redis, else one small query) whatever the number of villages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        site, profil = situs.for_request(request)
        request._wagtail_site = site  # what Site.find_for_request(request) returns
        request.desa_profil = profil
        if profil is not None:
            profil._request = request  # as for_request() does, for its page URLs
            setattr(request, DesaProfil.get_cache_attr_name(), profil)  # for_request()
        timezone.activate(ZoneInfo(profil.zona_waktu if profil else settings.TIME_ZONE))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


def desa_home(request):
    """The village home in the request's language (the Indonesian one if untranslated).

    Header, menu, search and widgets all need it; it is looked up once per request.
    """
    if request is None:
        return None
    if not hasattr(request, "_desa_home"):
        site = Site.find_for_request(request)
        request._desa_home = situs.home_page(site) if site else None
    return request._desa_home
