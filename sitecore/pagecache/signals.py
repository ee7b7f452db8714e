"""Invalidation for the core: a published, moved or deleted page bumps its kind in its
village (the whole village when it is the home page or in the menu); a saved site and a
village's profile, officials and hamlets bump the whole village."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sitecore.models.profil import Aparatur, DesaProfil, Dusun
from sitecore.pagecache.cache import (
    SITUS,
    invalidate_on_change,
    invalidate_on_commit,
    invalidate_site_on_commit,
)

# Depth of a village home (the tree root is 1); its children are the menu's sections.
HOME_DEPTH = 2


def _page_site(page):
    site = page.get_site()
    if site is None and page.alias_of_id:
        site = page.alias_of.get_site()
    if site is None:
        # A translated tree: use the site of the default-language original.
        original = page.get_translations(inclusive=True).filter(locale__language_code="id").first()
        site = original.get_site() if original else None
    return site


def page_kinds(page):
    """What a change to `page` can alter: the menu and home (every page of the village)
    for the home and the menu's sections, else the pages of its own kind."""
    if page.depth <= HOME_DEPTH + 1 or page.show_in_menus:
        return (SITUS,)
    return (getattr(page.specific_class, "cache_kind", "halaman"),)


def connect_signals():
    """Pages, sites and village profiles; each concern registers its own models."""

    def on_page(sender, instance, **kwargs):
        invalidate_on_commit(_page_site(instance), *page_kinds(instance))

    page_published.connect(on_page, weak=False, dispatch_uid="pc-page-published")
    page_unpublished.connect(on_page, weak=False, dispatch_uid="pc-page-unpublished")

    def on_page_move(sender, instance, **kwargs):
        # A moved page changes URLs and listings in two places: the whole village.
        invalidate_site_on_commit(_page_site(instance))

    post_page_move.connect(on_page_move, weak=False, dispatch_uid="pc-page-moved")

    def on_page_delete(sender, instance, **kwargs):
        if isinstance(instance, Page) and instance.live:
            invalidate_on_commit(_page_site(instance), *page_kinds(instance))

    post_delete.connect(on_page_delete, weak=False, dispatch_uid="pc-page-deleted")

    invalidate_on_change(DesaProfil, lambda profil: profil.site, kinds=(SITUS,))
    invalidate_on_change(Aparatur, lambda a: a.profil.site if a.profil_id else None, kinds=(SITUS,))
    invalidate_on_change(Dusun, lambda d: d.profil.site if d.profil_id else None, kinds=(SITUS,))

    def on_site(sender, instance, **kwargs):
        invalidate_site_on_commit(instance)

    post_save.connect(on_site, sender=Site, weak=False, dispatch_uid="pc-site-saved")
