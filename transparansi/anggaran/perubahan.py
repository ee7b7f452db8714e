"""Starting an amended budget (APBDes Perubahan) from the live original.

The amendment is a draft copy of the original page made with Wagtail's copy action, so
every line comes over with its anggaran and realisasi; the editor then changes the lines
that the Perkades Perubahan changes and publishes.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.actions.copy_page import CopyPageAction
from wagtail.admin.widgets import Button
from wagtail.coreutils import find_available_slug
from wagtail_localize.synctree import create_aliases_for_new_page

from transparansi.models.apbdes import APBDesPage, Versi


class PerubahanDitolak(Exception):
    """Why no amendment can be started; the message is shown to the editor."""

    def __init__(self, pesan, halaman=None):
        super().__init__(pesan)
        self.pesan = pesan
        self.halaman = halaman


def perubahan_yang_ada(asli):
    """The amendment of the same year under the same parent, draft or live, or None."""
    return (
        APBDesPage.objects.sibling_of(asli, inclusive=False)
        .filter(tahun=asli.tahun, versi=Versi.PERUBAHAN)
        .first()
    )


def cek_perubahan(asli):
    """Raise PerubahanDitolak when `asli` cannot be amended now."""
    if asli.versi != Versi.MURNI:
        raise PerubahanDitolak(
            _("“%(judul)s” sudah APBDes Perubahan; perubahan dibuat dari APBDes murni.")
            % {"judul": asli.title}
        )
    if not asli.live:
        raise PerubahanDitolak(
            _(
                "“%(judul)s” belum diterbitkan. Terbitkan APBDes murni dahulu, "
                "baru buat perubahannya."
            )
            % {"judul": asli.title}
        )
    ada = perubahan_yang_ada(asli)
    if ada is not None:
        raise PerubahanDitolak(
            _(
                "APBDes Perubahan tahun %(tahun)s sudah ada: “%(judul)s”. "
                "Ubah halaman itu; satu tahun hanya punya satu perubahan."
            )
            % {"tahun": asli.tahun, "judul": ada.title},
            halaman=ada,
        )


@transaction.atomic
def buat_perubahan(asli, user=None):
    """Copy the live original into a draft amendment next to it; return the new page.

    The original's row is locked so that two clicks never make two amendments.
    """
    asli = APBDesPage.objects.select_for_update().get(pk=asli.pk)
    cek_perubahan(asli)
    parent = asli.get_parent()
    judul = _("APBDes Perubahan %(tahun)s") % {"tahun": asli.tahun}
    action = CopyPageAction(
        asli,
        to=parent,
        update_attrs={
            "title": judul,
            "draft_title": judul,
            "slug": find_available_slug(parent, f"{asli.slug}-perubahan"),
            "versi": Versi.PERUBAHAN,
            "nomor_perdes": "",
            "tanggal_perdes": None,
            "dokumen": None,
            "catatan": "",
            "search_description": "",
            "seo_title": "",
        },
        copy_revisions=False,
        keep_live=False,
        user=user,
    )
    baru = action.execute(skip_permission_checks=user is None)
    # As for a page created in the editor: the English tree gets its alias.
    create_aliases_for_new_page(baru)
    return baru.specific


def _halaman(request, page_id):
    page = get_object_or_404(APBDesPage, id=page_id)
    # Scoped by Wagtail page permissions: another village's PPID gets a 404.
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    if not page.get_parent().permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return page


def buat_perubahan_view(request, page_id):
    asli = _halaman(request, page_id)
    ditolak = None
    try:
        cek_perubahan(asli)
        if request.method == "POST":
            baru = buat_perubahan(asli, request.user)
            messages.success(
                request,
                _(
                    "%(judul)s dibuat sebagai draf dengan %(n)d baris dari “%(asli)s”. "
                    "Ubah baris yang berubah, isi nomor Perdes Perubahan, lalu terbitkan."
                )
                % {"judul": baru.title, "n": baru.baris.count(), "asli": asli.title},
            )
            return redirect("wagtailadmin_pages:edit", baru.id)
    except PerubahanDitolak as e:
        ditolak = e
    return TemplateResponse(
        request,
        "transparansi/admin/buat_perubahan.html",
        {
            "page": asli,
            "ditolak": ditolak,
            "n_baris": asli.baris.count(),
        },
        status=200 if ditolak is None or request.method == "GET" else 409,
    )


@hooks.register("register_admin_urls")
def perubahan_admin_urls():
    return [
        path(
            "transparansi/apbdes/<int:page_id>/perubahan/",
            buat_perubahan_view,
            name="transparansi_apbdes_perubahan",
        )
    ]


def _tombol(page, user):
    specific = page.specific_deferred
    if not isinstance(specific, APBDesPage) or specific.versi != Versi.MURNI:
        return None
    parent = page.get_parent()
    if parent is None or not parent.permissions_for_user(user).can_add_subpage():
        return None
    return Button(
        gettext_lazy("Buat APBDes Perubahan"),
        reverse("transparansi_apbdes_perubahan", args=[page.id]),
        icon_name="copy",
        priority=45,
    )


@hooks.register("register_page_header_buttons")
def perubahan_header_button(page, user, view_name, next_url=None):
    button = _tombol(page, user)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def perubahan_listing_button(page, user, next_url=None):
    button = _tombol(page, user)
    return [button] if button else []
