"""Invalidation for the core: a published, moved or deleted page, a saved site, and a
village's profile, officials and hamlets bump that village's page-cache generation."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sitecore.models.profil import Aparatur, DesaProfil, Dusun
from sitecore.pagecache.cache import invalidate_on_change, invalidate_site_on_commit


def _page_site(page):
    site = page.get_site()
    if site is None and page.alias_of_id:
        site = page.alias_of.get_site()
    if site is None:
        # A translated tree: use the site of the default-language original.
        original = page.get_translations(inclusive=True).filter(locale__language_code="id").first()
        site = original.get_site() if original else None
    return site


def connect_signals():
    """Pages, sites and village profiles; each concern registers its own models."""

    def on_page(sender, instance, **kwargs):
        invalidate_site_on_commit(_page_site(instance))

    page_published.connect(on_page, weak=False, dispatch_uid="pc-page-published")
    page_unpublished.connect(on_page, weak=False, dispatch_uid="pc-page-unpublished")
    post_page_move.connect(on_page, weak=False, dispatch_uid="pc-page-moved")

    def on_page_delete(sender, instance, **kwargs):
        if isinstance(instance, Page) and instance.live:
            invalidate_site_on_commit(_page_site(instance))

    post_delete.connect(on_page_delete, weak=False, dispatch_uid="pc-page-deleted")

    invalidate_on_change(DesaProfil, lambda profil: profil.site)
    invalidate_on_change(Aparatur, lambda a: a.profil.site if a.profil_id else None)
    invalidate_on_change(Dusun, lambda d: d.profil.site if d.profil_id else None)

    def on_site(sender, instance, **kwargs):
        invalidate_site_on_commit(instance)

    post_save.connect(on_site, sender=Site, weak=False, dispatch_uid="pc-site-saved")
