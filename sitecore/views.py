from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_QUERY = 100


def current_home(request):
    """The village home in the active language (the Indonesian one if not translated)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_QUERY]
    home = current_home(request)
    results = None
    if query and home is not None:
        pages = Page.objects.live().public().descendant_of(home, inclusive=True).specific()
        found = pages.search(query, operator="and")
        paginator = Paginator(found, SEARCH_PAGE_SIZE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            results = paginator.page(1)
    return render(
        request,
        "sitecore/search.html",
        {"query": query, "results": results, "page": home, "page_title": _("Pencarian")},
    )


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        "Disallow: /en/cari/",
        "Disallow: /captcha/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", {"page_title": _("Halaman tidak ditemukan")}, status=404)


def server_error(request):
    # Minimal context: the database may be the reason we are here.
    return render(request, "500.html", status=500)
