"""What changes the site index (`sitecore.situs`): sites, village profiles, locales, site
root pages and their ancestors, village logos."""

from django.db.models import Q

from sitecore.situs import bump_on_commit, indeks, segar


def _site_changed(sender, **kwargs):
    bump_on_commit()


def _page_changed(sender, instance, **kwargs):
    from wagtail.models import Page, Site

    if not isinstance(instance, Page):
        return
    key, depth = instance.translation_key, instance.depth or 0
    idx = segar()
    if idx is None:
        # Sites changed and the index is due to be read again: one query about this page.
        roots = Q(root_page__translation_key=key) | Q(root_page__depth__gt=depth)
        changed = Site.objects.filter(roots).exists()
    else:
        changed = key in idx.root_keys or depth < idx.max_root_depth
    if changed:
        # A site root or one of its translations (title, slug, live), or an ancestor
        # of a root (its url_path prefixes the roots').
        bump_on_commit()


def _page_moved(sender, instance, url_path_before="", **kwargs):
    idx = indeks()
    if any(path.startswith(url_path_before) for path in idx.root_paths):
        bump_on_commit()
    else:
        _page_changed(sender, instance)


def _image_changed(sender, instance, **kwargs):
    if instance.pk in indeks().logo_ids:
        bump_on_commit()


def connect_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.images import get_image_model
    from wagtail.models import Locale, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    DesaProfil = apps.get_model("sitecore", "DesaProfil")

    for model in (Site, DesaProfil, Locale):
        post_save.connect(_site_changed, sender=model, dispatch_uid=f"situs-{model.__name__}")
        post_delete.connect(_site_changed, sender=model, dispatch_uid=f"situs-del-{model.__name__}")
    # Pages are sent with their specific class as sender: listen to all senders.
    post_save.connect(_page_changed, dispatch_uid="situs-page")
    post_delete.connect(_page_changed, dispatch_uid="situs-page-del")
    page_published.connect(_page_changed, dispatch_uid="situs-page-pub")
    page_unpublished.connect(_page_changed, dispatch_uid="situs-page-unpub")
    post_page_move.connect(_page_moved, dispatch_uid="situs-page-move")
    image = get_image_model()
    post_save.connect(_image_changed, sender=image, dispatch_uid="situs-logo")
    post_delete.connect(_image_changed, sender=image, dispatch_uid="situs-logo-del")
