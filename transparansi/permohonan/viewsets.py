"""Admin for information requests, scoped to the villages the user is PPID of.

Wagtail's generic views load objects by primary key and check only model permissions,
so every view here narrows to `desa_sites_for_user(user, PPID)` and answers 404 for
another village's request.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from sitecore.models.roles import Peran, desa_sites_for_user
from transparansi.models.permohonan import (
    AlasanKeberatan,
    AlasanPenolakan,
    Keputusan,
    PermohonanInformasi,
)
from transparansi.permohonan import aturan

DATA_PEMOHON = [
    "nama",
    "alamat",
    "pekerjaan",
    "telepon",
    "email",
    "jenis_identitas",
    "rincian",
    "tujuan",
    "cara_memperoleh",
    "cara_menerima",
    "ringkasan_publik",
]


def sites_for(user):
    return desa_sites_for_user(user, Peran.PPID)


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not sites_for(self.request.user).filter(pk=obj.site_id).exists():
            raise Http404
        return obj


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(site__in=sites_for(self.request.user))


class CreateView(generic.CreateView):
    pass


class EditView(ScopedObjectMixin, generic.EditView):
    pass


class DeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class InspectView(ScopedObjectMixin, generic.InspectView):
    def get_field_display_value(self, field_name, field):
        # Wagtail prints empty fields as "None" and yes/no fields as True/False.
        value = super().get_field_display_value(field_name, field)
        if value is None:
            return "—"
        if isinstance(value, bool):
            return _("Ya") if value else _("Tidak")
        return value


class HistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class UsageView(ScopedObjectMixin, usage.UsageView):
    pass


class PermohonanBaruForm(WagtailAdminModelForm):
    """A request received at the office or by letter, entered by the PPID."""

    class Meta:
        model = PermohonanInformasi
        fields = ["site", *DATA_PEMOHON]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = sites_for(self.for_user) if self.for_user else None
        if sites is not None:
            self.fields["site"].queryset = sites
            if sites.count() == 1:
                self.fields["site"].initial = sites.first()

    def save(self, commit=True):
        permohonan = super().save(commit=False)
        if permohonan.pk is None:
            return aturan.daftarkan(permohonan)
        permohonan.save()
        return permohonan


class TindakanForm(WagtailAdminModelForm):
    """Act on a request: extend, decide, and record the objection and its answer."""

    TINDAKAN = [
        ("", _("— hanya simpan ringkasan —")),
        ("perpanjang", _("Perpanjang tenggat (sekali, paling lama 7 hari kerja)")),
        ("putuskan", _("Putuskan permohonan")),
        ("keberatan", _("Catat keberatan dari pemohon")),
        ("jawab_keberatan", _("Catat tanggapan atasan PPID atas keberatan")),
    ]
    tindakan = forms.ChoiceField(label=_("Tindakan"), choices=TINDAKAN, required=False)
    hari_perpanjangan = forms.IntegerField(
        label=_("Perpanjangan (hari kerja)"), min_value=1, max_value=7, required=False
    )
    alasan_perpanjangan_baru = forms.CharField(
        label=_("Alasan perpanjangan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    keputusan_baru = forms.ChoiceField(
        label=_("Keputusan"), choices=[("", "—"), *Keputusan.choices], required=False
    )
    alasan_penolakan_baru = forms.ChoiceField(
        label=_("Alasan penolakan"), choices=[("", "—"), *AlasanPenolakan.choices], required=False
    )
    dasar_hukum_baru = forms.CharField(label=_("Dasar hukum"), required=False, max_length=250)
    jawaban_baru = forms.CharField(
        label=_("Jawaban tertulis"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    biaya_baru = forms.DecimalField(label=_("Biaya salinan (Rp)"), required=False, min_value=0)
    alasan_keberatan_baru = forms.ChoiceField(
        label=_("Alasan keberatan"), choices=[("", "—"), *AlasanKeberatan.choices], required=False
    )
    uraian_keberatan_baru = forms.CharField(
        label=_("Uraian keberatan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    tanggapan_keberatan_baru = forms.CharField(
        label=_("Tanggapan atas keberatan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    keberatan_diterima_baru = forms.BooleanField(label=_("Keberatan diterima"), required=False)

    class Meta:
        model = PermohonanInformasi
        fields = ["ringkasan_publik"]

    def clean(self):
        data = super().clean()
        obj = self.instance
        tindakan = data.get("tindakan")
        try:
            if tindakan == "perpanjang":
                aturan.perpanjang(
                    obj,
                    data.get("alasan_perpanjangan_baru") or "",
                    data.get("hari_perpanjangan") or 7,
                )
            elif tindakan == "putuskan":
                aturan.putuskan(
                    obj,
                    data.get("keputusan_baru") or "",
                    data.get("jawaban_baru") or "",
                    data.get("alasan_penolakan_baru") or "",
                    data.get("dasar_hukum_baru") or "",
                    data.get("biaya_baru") or 0,
                )
            elif tindakan == "keberatan":
                aturan.ajukan_keberatan(
                    obj,
                    data.get("alasan_keberatan_baru") or "",
                    data.get("uraian_keberatan_baru") or "",
                )
            elif tindakan == "jawab_keberatan":
                aturan.jawab_keberatan(
                    obj,
                    data.get("tanggapan_keberatan_baru") or "",
                    data.get("keberatan_diterima_baru"),
                )
        except ValidationError as exc:
            raise forms.ValidationError(exc.messages) from exc
        return data


class PermohonanViewSet(ModelViewSet):
    model = PermohonanInformasi
    icon = "help"
    menu_label = _("Permohonan informasi")
    menu_order = 310
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["nomor", "nama", "diterima_pada", "tenggat", "status", "keputusan"]
    list_filter = ["status", "keputusan"]
    search_fields = ["nomor", "nama", "rincian"]
    ordering = ["-diterima_pada"]
    inspect_view_fields_exclude = ["kode_lacak"]

    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    inspect_view_class = InspectView
    history_view_class = HistoryView
    usage_view_class = UsageView

    def get_form_class(self, for_update=False):
        return TindakanForm if for_update else PermohonanBaruForm
