"""Invalidation on changes: `invalidate_on_change` for the apps' models, and the core's
own: a published, moved or deleted page bumps its kind in its village (the whole village
when it is the home page or in the menu); a saved site and a village's profile,
officials and hamlets bump the whole village."""

import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from sitecore.models.profil import Aparatur, DesaProfil, Dusun
from sitecore.pagecache.cache import SITUS, invalidate

# Per thread: {hostname: [site, kinds, objects]} waiting for the transaction's commit.
_pending = threading.local()


def _flush():
    pending, _pending.sites = getattr(_pending, "sites", None) or {}, None
    for site, kinds, objects in pending.values():
        invalidate(site, *kinds, objects=tuple(objects))


def invalidate_on_commit(site, *kinds, objects=()):
    """`invalidate` once the transaction commits, merged per village: publishing a page
    or creating a village sends a dozen signals, and each bump writes to the cache."""
    if site is None:
        return
    pending = getattr(_pending, "sites", None)
    if pending is None:
        pending = _pending.sites = {}
    # No hook in this transaction yet, or a rollback dropped it, or commit hooks are
    # running: register one. Entries are kept: a bump too many is harmless, one too few
    # is a stale page.
    hooks = transaction.get_connection().run_on_commit
    registered = any(f is _flush for _s, f, _r in hooks)
    entry = pending.setdefault(site.hostname.lower(), [site, set(), set()])
    entry[1].update(kinds or (SITUS,))  # no kinds: the whole village, as invalidate()
    entry[2].update(objects)
    if not registered:
        transaction.on_commit(_flush)  # outside a transaction: at once


def invalidate_site_on_commit(site):
    invalidate_on_commit(site, SITUS)


def invalidate_on_change(model, get_site, kinds, public=None, objects=None):
    """Bump `kinds` of the village whenever a `model` instance is saved or deleted.

    Apps use this for public objects that are not pages (comments, complaints, requests);
    `get_site(instance)` returns the village Site or None. With `public(instance)`, only
    a change to an instance that is or was public counts: a new unmoderated comment or a
    complaint no one has verified yet drops nothing. `objects(instance)` names the
    detail pages' objects ("pengaduan:42") and other narrow kinds (a complaint's month)
    the change also refreshes, before and after the change.
    """
    label = model._meta.label

    def before(sender, instance, raw=False, **kwargs):
        if raw or public is None:
            return
        old = None
        if instance.pk is not None and not instance._state.adding:
            old = sender._base_manager.filter(pk=instance.pk).first()
        instance._pc_was_public = old is not None and public(old)
        instance._pc_old_objects = objects(old) if objects and old is not None else ()

    def after(sender, instance, raw=False, deleting=False, **kwargs):
        if raw:
            return
        if public is not None:
            was = getattr(instance, "_pc_was_public", False)
            if not (was or public(instance)):
                return
        names = objects(instance) if objects else ()
        names = (*names, *getattr(instance, "_pc_old_objects", ()))
        invalidate_on_commit(get_site(instance), *kinds, objects=names)

    pre_save.connect(before, sender=model, weak=False, dispatch_uid=f"pc-pre-{label}")
    post_save.connect(after, sender=model, weak=False, dispatch_uid=f"pc-save-{label}")
    post_delete.connect(after, sender=model, weak=False, dispatch_uid=f"pc-delete-{label}")


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
