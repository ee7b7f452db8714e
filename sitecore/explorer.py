"""The page explorer, limited to the pages a user may actually explore.

Wagtail lets a user open the explorer of any page under their "explorable root", the
common ancestor of the pages they hold permissions on. A village editor holds them on
both language homes of their village, so that root is the tree root and the explorer of
another village's page would open, title and breadcrumbs included. Here a page must be
one of `explorable_instances` (the user's pages and their ancestors), as the child
listings already are; otherwise the user goes back to their explorable root, which is
what Wagtail itself does for a page outside that root.

Wagtail's page search view has no model name, so its result count read "1-3 of 3 None"
(a template renders a missing name as "None"); here it names pages like the explorer.
"""

from django.shortcuts import redirect
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class DesaExplorableIndexView(ExplorableIndexView):
    def get(self, request, parent_page_id=None):
        user = request.user
        if parent_page_id and not user.is_superuser:
            explorable = self.permission_policy.explorable_instances(user)
            if not explorable.filter(pk=parent_page_id).exists():
                root = self.permission_policy.explorable_root_instance(user)
                return redirect(self.index_url_name, root.pk)
        return super().get(request, parent_page_id)


class DesaSearchView(SearchView):
    verbose_name = Page._meta.verbose_name
    verbose_name_plural = Page._meta.verbose_name_plural


class DesaPageViewSet(PageViewSet):
    """Replaces Wagtail's base page viewset (registered after it, for `Page`)."""

    model = Page
    index_view_class = DesaExplorableIndexView
    search_view_class = DesaSearchView
