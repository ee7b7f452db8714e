"""A trivial view: the framework's ceiling that `make bench` compares pages against."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


# never_cache: the page cache must not turn the ceiling into a cache hit.
@never_cache
@require_GET
def ping(request):
    # No database, no template: whatever this costs is the middleware and the server.
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
