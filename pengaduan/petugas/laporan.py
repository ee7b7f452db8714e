"""Feedback report over any date range, for officers in the admin.

The public page shows whole years; officers need quarters, semesters or a budget
year for their reports. Same computation (`laporan.hitung`), same tables and charts,
same CSV/XLSX export; scoped to the officer's villages (another village is a 404).
"""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Site

from pengaduan import laporan
from pengaduan.petugas.akses import situs_petugas
from sitecore.models import DesaProfil

MAKS_HARI = 366 * 5


class LaporanForm(forms.Form):
    site = forms.ModelChoiceField(
        label=gettext_lazy("Desa"), queryset=Site.objects.none(), empty_label=None
    )
    mulai = forms.DateField(label=gettext_lazy("Dari tanggal"), widget=AdminDateInput)
    sampai = forms.DateField(label=gettext_lazy("Sampai tanggal"), widget=AdminDateInput)

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites

    def clean(self):
        data = super().clean()
        mulai, sampai = data.get("mulai"), data.get("sampai")
        if mulai and sampai:
            if mulai > sampai:
                self.add_error("sampai", _("Tanggal akhir harus sesudah tanggal awal."))
            elif (sampai - mulai).days > MAKS_HARI:
                self.add_error("sampai", _("Rentang paling panjang 5 tahun."))
        return data


def laporan_view(request):
    if not request.user.has_perm("pengaduan.view_pengaduan"):
        raise PermissionDenied
    sites = situs_petugas(request.user).order_by("site_name")
    raw = request.GET.get("site", "")
    if raw and not (raw.isdigit() and sites.filter(pk=raw).exists()):
        raise Http404  # another village's report does not exist for this officer
    today = timezone.localdate()
    initial = {"site": sites.first(), "mulai": date(today.year, 1, 1), "sampai": today}
    form = LaporanForm(request.GET if raw else None, sites=sites, initial=initial)
    data = site = None
    if form.is_valid():
        site, mulai, sampai = (form.cleaned_data[k] for k in ("site", "mulai", "sampai"))
    elif not form.is_bound and initial["site"] is not None:
        site, mulai, sampai = initial["site"], initial["mulai"], initial["sampai"]
    if site is not None:
        profil = DesaProfil.objects.filter(site=site).first()
        data = laporan.hitung(site, mulai, sampai, profil)
        fmt = request.GET.get("format")
        if fmt in ("csv", "xlsx"):
            judul = _("Hasil umpan balik %(desa)s, %(mulai)s – %(sampai)s") % {
                "desa": site.site_name,
                "mulai": f"{mulai:%d-%m-%Y}",
                "sampai": f"{sampai:%d-%m-%Y}",
            }
            name = f"hasil-umpan-balik-{site.pk}-{mulai:%Y%m%d}-{sampai:%Y%m%d}"
            return laporan.respons_ekspor(data, name, fmt, judul)
    query = request.GET.copy()
    query.pop("format", None)
    if site is not None and not raw:
        query.update({"site": site.pk, "mulai": mulai.isoformat(), "sampai": sampai.isoformat()})
    return TemplateResponse(
        request,
        "pengaduan/admin/laporan.html",
        {
            "form": form,
            "site": site,
            "d": data,
            "sections": laporan.sections(data) if data else [],
            "querystring": query.urlencode(),
            "header_title": _("Hasil umpan balik"),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


class LaporanMenuItem(MenuItem):
    def is_shown(self, request):
        return (
            request.user.has_perm("pengaduan.view_pengaduan")
            and situs_petugas(request.user).exists()
        )


class LaporanViewSet(ViewSet):
    name = "pengaduan_laporan"
    url_prefix = "pengaduan/laporan"
    icon = "table"
    menu_label = gettext_lazy("Hasil umpan balik")
    menu_item_class = LaporanMenuItem
    add_to_admin_menu = False

    def get_urlpatterns(self):
        return [path("", laporan_view, name="index")]
