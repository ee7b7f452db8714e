"""The officer's form for a proposal's planning path, reached from the item's page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from pengaduan.models.pengaduan import Jenis
from pengaduan.petugas.akses import item_untuk
from pengaduan.usulan import rules
from pengaduan.usulan.models import HasilUsulan, Tingkat


class JalurUsulanForm(forms.Form):
    tingkat = forms.ChoiceField(
        label=_("Tingkat yang sudah dicapai"), choices=[("", "—"), *Tingkat.choices]
    )
    hasil = forms.ChoiceField(
        label=_("Hasil"),
        choices=[("", _("Masih dibahas")), *HasilUsulan.choices],
        required=False,
        help_text=_(
            "“Ditampung dalam rencana desa” tercatat sendiri ketika editor PPID mengaitkan "
            "usulan ini dengan kegiatan RKPDes/RPJMDes dan halaman itu terbit."
        ),
    )
    dokumen = forms.CharField(
        label=_("Dokumen rujukan (untuk hasil di kecamatan/kabupaten)"),
        max_length=250,
        required=False,
        help_text=_("Misalnya: Berita Acara Musrenbang Kecamatan Gerung 2027 No. 050/14."),
    )
    tahun_tunda = forms.IntegerField(
        label=_("Dibahas lagi tahun (untuk usulan yang ditunda)"), required=False
    )
    alasan = forms.CharField(
        label=_("Alasan (tampil untuk pengusul dan di register)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    diputuskan_pada = forms.DateField(
        label=_("Tanggal keputusan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Kosongkan untuk hari ini."),
    )


def jalur_usulan_view(request, pk):
    item = item_untuk(request.user, pk)
    if not request.user.has_perm("pengaduan.change_pengaduan"):
        raise PermissionDenied
    if item.jenis != Jenis.ASPIRASI:
        raise Http404
    jalur = getattr(item, "jalur_usulan", None)
    initial = {f: getattr(jalur, f) for f in rules.FIELDS} if jalur else {}
    form = JalurUsulanForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                rules.catat(item, form.cleaned_data, user=request.user)
            except rules.UsulanError as exc:
                for field, msg in exc.errors.items():
                    form.add_error(field, msg)
            else:
                messages.success(request, _("Jalur usulan %(kode)s dicatat.") % {"kode": item.kode})
                return redirect("pengaduan:inspect", item.pk)
    return TemplateResponse(
        request,
        "pengaduan/admin/jalur_usulan.html",
        {"p": item, "form": form, "jalur": jalur, "header_title": item.kode},
        status=status,
    )
