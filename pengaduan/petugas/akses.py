"""Who sees what in the officers' workspace: the user's villages, scoping mixins and forms.

Wagtail's generic views only check model permissions and load objects by primary key,
so every view of the workspace narrows to the user's villages; another village's item is a 404.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from pengaduan.models.kategori import Kategori
from pengaduan.models.pengaduan import Pengaduan
from sitecore.models import Dusun
from sitecore.models.roles import Peran, desa_sites_for_user

PERAN_PENGADUAN = [Peran.PETUGAS_PENGADUAN, Peran.KOORDINATOR_PENGADUAN]


def situs_petugas(user, peran=None):
    return desa_sites_for_user(user, peran or PERAN_PENGADUAN)


def boleh_lihat_identitas(user, item):
    """With `rahasiakan_identitas`, only the village's coordinator (or a superuser)."""
    if not item.rahasiakan_identitas:
        return situs_petugas(user).filter(pk=item.site_id).exists()
    return situs_petugas(user, [Peran.KOORDINATOR_PENGADUAN]).filter(pk=item.site_id).exists()


def item_untuk(user, pk):
    return get_object_or_404(Pengaduan.objects.filter(site__in=situs_petugas(user)), pk=pk)


# --- scoping mixins -------------------------------------------------------------


class ScopedIndexMixin:
    peran = PERAN_PENGADUAN

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(site__in=situs_petugas(self.request.user, self.peran))
        )


class ScopedObjectMixin:
    peran = PERAN_PENGADUAN

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not situs_petugas(self.request.user, self.peran).filter(pk=obj.site_id).exists():
            raise Http404
        return obj


class SiteLimitedForm(WagtailAdminModelForm):
    """Site and village-scoped choices limited to the user's villages."""

    peran = PERAN_PENGADUAN

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = situs_petugas(self.for_user, self.peran) if self.for_user else Site.objects.none()
        if "site" in self.fields:
            self.fields["site"].queryset = sites
            if sites.count() == 1:
                self.fields["site"].initial = sites.first()
        if "kategori" in self.fields:
            self.fields["kategori"].queryset = Kategori.objects.filter(site__in=sites)
        if "dusun" in self.fields:
            self.fields["dusun"].queryset = Dusun.objects.filter(profil__site__in=sites)

    def clean(self):
        data = super().clean()
        site = data.get("site") or getattr(self.instance, "site", None)
        for name in ("kategori",):
            value = data.get(name)
            if value is not None and site is not None and value.site_id != site.pk:
                self.add_error(name, _("Pilih kategori milik desa yang sama."))
        dusun = data.get("dusun")
        if dusun is not None and site is not None and dusun.profil.site_id != site.pk:
            self.add_error("dusun", _("Pilih dusun milik desa yang sama."))
        return data


def scoped(view_class, mixin=ScopedObjectMixin, peran=PERAN_PENGADUAN):
    return type(f"Scoped{view_class.__name__}", (mixin, view_class), {"peran": peran})


def site_limited_form(name, model, fields, peran):
    """A model form whose village choices are the user's villages for `peran`."""
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(name, (SiteLimitedForm,), {"peran": peran, "Meta": meta})


class DesaModelViewSet(ModelViewSet):
    """The admin of a small per-village model (categories, reply templates, feedback
    recommendations): every view and the form's village choices limited to the user's
    villages for `peran`. A subclass sets `peran` and `form_fields`."""

    peran = PERAN_PENGADUAN
    form_fields = ()
    copy_view_enabled = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.index_view_class = scoped(generic.IndexView, ScopedIndexMixin, cls.peran)
        cls.edit_view_class = scoped(generic.EditView, peran=cls.peran)
        cls.delete_view_class = scoped(generic.DeleteView, peran=cls.peran)
        cls.history_view_class = scoped(history.HistoryView, peran=cls.peran)
        cls.usage_view_class = scoped(usage.UsageView, peran=cls.peran)

    def get_form_class(self, for_update=False):
        # Built on first use: a rich-text form field made while wagtail_hooks modules
        # are still importing would load every app's hooks out of their order.
        name = f"{self.model.__name__}Form"
        return site_limited_form(name, self.model, self.form_fields, self.peran)
