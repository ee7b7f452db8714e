"""Create a complete village in one step: site, pages, collection and role groups."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

from sitecore.models import DesaHomePage, DesaProfil, PeranDesa
from sitecore.models.roles import Peran
from sitecore.sections import get_role_model_permissions, get_sections

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image", "delete_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document", "delete_document"]

# Media permissions on the village's own collection, by role.
COLLECTION_PERMISSIONS = {
    Peran.EDITOR: IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS,
    Peran.PPID: IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS,
    Peran.RELAWAN_JID: ["add_image", "choose_image"],
}

GROUP_LABELS = {
    Peran.EDITOR: "Editor",
    Peran.PPID: "PPID",
    Peran.PETUGAS_PENGADUAN: "Petugas Pengaduan",
    Peran.KOORDINATOR_PENGADUAN: "Koordinator Pengaduan",
    Peran.RELAWAN_JID: "Relawan JID",
}


def _permissions(keys):
    """{(app_label, codename): Permission} for `keys`, in one query (a village needs about
    forty, and one query each was a measurable share of creating it)."""
    keys = set(keys)
    condition = Q()
    for app_label, codename in keys:
        condition |= Q(content_type__app_label=app_label, codename=codename)
    found = {
        (p.content_type.app_label, p.codename): p
        for p in Permission.objects.filter(condition).select_related("content_type")
    }
    missing = keys - found.keys()
    if missing:
        raise Permission.DoesNotExist(f"Permission tidak ditemukan: {sorted(missing)}")
    return found


def ensure_locales():
    """Indonesian is the source; English mirrors it through wagtail-localize sync."""
    from wagtail_localize.models import LocaleSynchronization

    id_locale, _ = Locale.objects.get_or_create(language_code="id")
    en_locale, _ = Locale.objects.get_or_create(language_code="en")
    if not LocaleSynchronization.objects.filter(locale=en_locale).exists():
        LocaleSynchronization.objects.create(locale=en_locale, sync_from=id_locale)
    return id_locale, en_locale


def detach_default_workflow():
    """Wagtail's starter "Moderators approval" workflow sits on the root page and would
    route every village's pages to the installation-wide Moderators group. Villages
    moderate through their own workflows (e.g. the agenda one), so it is detached."""
    from wagtail.models import WorkflowPage

    root = Page.get_first_root_node()
    if root is not None:
        WorkflowPage.objects.filter(page=root).delete()


def _publish(page, user=None):
    page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)


def _mirror_into_other_locales(page):
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(page)


@transaction.atomic
def buat_desa(
    nama,
    hostname,
    *,
    port=80,
    slug=None,
    zona_waktu="Asia/Jakarta",
    kecamatan="",
    kabupaten="",
    provinsi="",
    user=None,
    **profil_fields,
):
    """Create the village `nama` answering at `hostname`; returns its Site.

    Refuses (ValueError) when the hostname or the home slug is already taken.
    """
    slug = slug or slugify(nama)
    if Site.objects.filter(hostname=hostname, port=port).exists():
        raise ValueError(f"Hostname {hostname}:{port} sudah dipakai situs lain.")
    id_locale, _en = ensure_locales()
    detach_default_workflow()
    root = Page.get_first_root_node()
    if root.get_children().filter(slug=slug, locale=id_locale).exists():
        raise ValueError(f"Slug {slug!r} sudah dipakai desa lain.")

    home = DesaHomePage(
        title=f"Desa {nama}",
        slug=slug,
        locale=id_locale,
        intro=f"Selamat datang di situs resmi Desa {nama}.",
    )
    root.add_child(instance=home)
    _publish(home, user)

    site = Site.objects.create(
        hostname=hostname, port=port, site_name=f"Desa {nama}", root_page=home
    )
    collection = Collection.get_first_root_node().add_child(name=f"Desa {nama}")
    DesaProfil.objects.create(
        site=site,
        nama_desa=nama,
        kecamatan=kecamatan,
        kabupaten=kabupaten,
        provinsi=provinsi,
        zona_waktu=zona_waktu,
        koleksi=collection,
        **profil_fields,
    )
    _mirror_into_other_locales(home)

    sections = {}
    for section in get_sections():
        page = section.model(
            title=str(section.title),
            slug=section.slug,
            show_in_menus=section.show_in_menus,
            locale=id_locale,
        )
        home.add_child(instance=page)
        _publish(page, user)
        _mirror_into_other_locales(page)
        sections[section.key] = (section, page)

    _create_groups(site, home, collection, sections)
    # Apps finish their own part of a new village (e.g. the agenda moderation workflow).
    pages = {key: page for key, (_section, page) in sections.items()}
    for fn in hooks.get_hooks("after_create_desa"):
        fn(site=site, home=home, sections=pages, groups=groups_for_site(site))
    return site


def _media_app(codename):
    return "wagtailimages" if codename.endswith("_image") else "wagtaildocs"


def _create_groups(site, home, collection, sections):
    model_perms = {
        peran: [tuple(dotted.split(".")) for dotted in dotted_names]
        for peran, dotted_names in get_role_model_permissions().items()
    }
    page_codenames = set(EDITOR_PAGE_PERMISSIONS)
    for section, _page in sections.values():
        for codenames in section.page_permissions.values():
            page_codenames.update(codenames)
    perms = _permissions(
        [
            ("wagtailadmin", "access_admin"),
            ("sitecore", "change_desaprofil"),
            *(key for keys in model_perms.values() for key in keys),
            *(("wagtailcore", codename) for codename in page_codenames),
            *(
                (_media_app(codename), codename)
                for codenames in COLLECTION_PERMISSIONS.values()
                for codename in codenames
            ),
        ]
    )
    homes = [home, *home.get_translations()]

    page_rows, collection_rows = [], []
    for peran, label in GROUP_LABELS.items():
        group = Group.objects.create(name=f"{site.site_name} – {label}")
        PeranDesa.objects.create(site=site, group=group, peran=peran)
        group.permissions.add(
            perms["wagtailadmin", "access_admin"], *(perms[k] for k in model_perms.get(peran, []))
        )

        if peran == Peran.EDITOR:
            GroupSitePermission.objects.create(
                group=group, site=site, permission=perms["sitecore", "change_desaprofil"]
            )
            page_rows += [
                GroupPagePermission(
                    group=group, page=page, permission=perms["wagtailcore", codename]
                )
                for page in homes
                for codename in EDITOR_PAGE_PERMISSIONS
            ]

        for section, page in sections.values():
            page_rows += [
                GroupPagePermission(
                    group=group, page=page, permission=perms["wagtailcore", codename]
                )
                for codename in section.page_permissions.get(peran, [])
            ]

        collection_rows += [
            GroupCollectionPermission(
                group=group,
                collection=collection,
                permission=perms[_media_app(codename), codename],
            )
            for codename in COLLECTION_PERMISSIONS.get(peran, [])
        ]
    # The permission models have no save signals: plain INSERTs are what create() did.
    GroupPagePermission.objects.bulk_create(page_rows)
    GroupCollectionPermission.objects.bulk_create(collection_rows)


def groups_for_site(site):
    """{peran: Group} for a village."""
    return {r.peran: r.group for r in PeranDesa.objects.filter(site=site).select_related("group")}
