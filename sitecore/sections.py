"""Registry of the per-village section pages and home/sidebar widgets.

sitecore never imports the domain apps. Each app declares, in its wagtail_hooks,
the section page a new village gets (`register_desa_section`), the role permissions
it needs (`register_desa_role_permissions`) and the widgets it shows on the home page
and sidebar (`register_desa_widget`).
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass(frozen=True)
class DesaSection:
    key: str
    model: type
    slug: str
    title: str
    order: int = 50
    show_in_menus: bool = True
    # peran -> page permission codenames granted on this section page.
    page_permissions: dict = field(default_factory=dict)


@dataclass(frozen=True)
class DesaWidget:
    """A block rendered in the sidebar or on the home page.

    `get_context(request, page)` returns the template context, or None to skip the widget.
    The rendered HTML is cached per village, language and page type for `cache_seconds`
    and dropped when content of its `kinds` changes in the village (sitecore.pagecache;
    the village itself always counts); 0 renders it on every request (for widgets that
    depend on the page itself).
    """

    key: str
    area: str  # "sidebar", "home" (home page body) or "notices" (top of every page)
    template: str
    order: int = 50
    get_context: object = None
    cache_seconds: int = 300
    # Page-cache kinds the widget shows ("artikel", "pengaduan", ...); the default,
    # "semua", is refreshed by any change.
    kinds: tuple = ("semua",)
    # Page model names (e.g. "ArtikelPage") the widget belongs to. On a phone the sidebar
    # follows the page content, so an inner page carries only its own widgets and the
    # rest stay one menu tap away; empty means every page.
    page_types: tuple = ()

    def belongs_to(self, page):
        if not self.page_types:
            return True
        return page is not None and type(page).__name__ in self.page_types


def get_sections():
    return sorted((fn() for fn in hooks.get_hooks("register_desa_section")), key=lambda s: s.order)


def get_role_model_permissions():
    """peran -> list of "app_label.codename" model permissions, merged across apps."""
    merged = {}
    for fn in hooks.get_hooks("register_desa_role_permissions"):
        for peran, perms in fn().items():
            merged.setdefault(peran, []).extend(perms)
    return merged


def get_widgets(area):
    widgets = [fn() for fn in hooks.get_hooks("register_desa_widget")]
    return sorted((w for w in widgets if w.area == area), key=lambda w: w.order)
