from wagtail import hooks

from sitecore.pagecache.cache import depends_on_page


@hooks.register("before_serve_page")
def page_cache_kinds(page, request, serve_args, serve_kwargs):
    """A cached page keeps the generations of what it shows."""
    depends_on_page(request, page)
