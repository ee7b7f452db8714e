"""Admin: the PPID editor records an activity's progress ("Catat progres").

Entries are kept outside the plan page's revisions, so they need no publish and survive
every republish. The recorder is the logged-in user; another village's editor gets a 404
(Wagtail page permissions of the plan page).
"""

from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.admin.widgets import Button

from sitecore.models import DesaProfil
from transparansi.models.program import ProgresKegiatan
from transparansi.models.rencana import KegiatanRencana, RKPDesPage
from transparansi.rencana import aturan

PANEL = ObjectList(ProgresKegiatan.panels).bind_to_model(ProgresKegiatan)


def _rencana(request, page_id):
    page = get_object_or_404(RKPDesPage, id=page_id, alias_of__isnull=True)
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


def hari_ini(page):
    """Today in the village's own time zone."""
    site = page.get_site()
    profil = DesaProfil.objects.filter(site=site).first() if site else None
    return timezone.localdate(timezone=profil.tzinfo) if profil else timezone.localdate()


@transaction.atomic
def simpan_progres(entri, user):
    """Store the entry and let the activity (and its English copies) follow the history."""
    entri.dicatat_oleh = user
    entri.save()
    kegiatan = KegiatanRencana.objects.select_for_update().get(pk=entri.kegiatan_id)
    kegiatan.ikuti_riwayat()
    nilai = {"progres": kegiatan.progres, "status": kegiatan.status}
    KegiatanRencana.objects.filter(pk=kegiatan.pk).update(**nilai)
    KegiatanRencana.objects.filter(page__alias_of_id=kegiatan.page_id, kunci=kegiatan.kunci).update(
        **nilai
    )
    return kegiatan


def daftar_progres(request, page_id):
    page = _rencana(request, page_id)
    kegiatan = list(page.kegiatan.prefetch_related("riwayat_progres"))
    for k in kegiatan:
        k.terakhir = aturan.terkini(list(k.riwayat_progres.all()))
    return TemplateResponse(
        request,
        "transparansi/admin/progres_rencana.html",
        {"page": page, "daftar_kegiatan": kegiatan},
    )


def catat_progres(request, kegiatan_id):
    kegiatan = get_object_or_404(KegiatanRencana, pk=kegiatan_id, page__alias_of__isnull=True)
    page = _rencana(request, kegiatan.page_id)
    form_class = PANEL.get_form_class()
    entri = ProgresKegiatan(kegiatan=kegiatan)
    form = form_class(request.POST or None, instance=entri, for_user=request.user)
    if request.method == "POST" and form.is_valid():
        errors = aturan.periksa_progres(
            form.cleaned_data["tanggal"],
            form.cleaned_data["persen"],
            page.tahun_mulai,
            hari_ini(page),
        )
        for field, pesan in errors.items():
            form.add_error(field, pesan)
        if not errors:
            simpan_progres(form.save(commit=False), request.user)
            messages.success(
                request,
                _("Progres %(persen)s%% untuk “%(nama)s” tercatat.")
                % {"persen": form.cleaned_data["persen"], "nama": kegiatan.nama},
            )
            return redirect("transparansi_progres_kegiatan", kegiatan.pk)
    panel = PANEL.get_bound_panel(instance=entri, request=request, form=form)
    return TemplateResponse(
        request,
        "transparansi/admin/progres_kegiatan.html",
        {
            "page": page,
            "kegiatan": kegiatan,
            "panel": panel,
            "form": form,
            "media": form.media + panel.media,
            "riwayat": kegiatan.riwayat_progres.select_related("dicatat_oleh"),
        },
        status=400 if form.errors else 200,
    )


@hooks.register("register_admin_urls")
def progres_urls():
    return [
        path(
            "transparansi/rencana/<int:page_id>/progres/",
            daftar_progres,
            name="transparansi_progres_rencana",
        ),
        path(
            "transparansi/kegiatan/<int:kegiatan_id>/progres/",
            catat_progres,
            name="transparansi_progres_kegiatan",
        ),
    ]


def _progres_button(page, user):
    specific = page.specific_deferred
    if (
        isinstance(specific, RKPDesPage)
        and not page.alias_of_id
        and page.permissions_for_user(user).can_edit()
    ):
        return Button(
            gettext_lazy("Catat progres"),
            reverse("transparansi_progres_rencana", args=[page.id]),
            icon_name="history",
            priority=45,
        )
    return None


@hooks.register("register_page_header_buttons")
def progres_header_button(page, user, view_name, next_url=None):
    button = _progres_button(page, user)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def progres_listing_button(page, user, next_url=None):
    button = _progres_button(page, user)
    return [button] if button else []
