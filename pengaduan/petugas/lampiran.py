"""Attachments in the admin: served to the village's staff only, and redacted copies.

Originals are never public. An officer may upload a redacted copy of a photo (faces,
names, house numbers blurred) and deliberately mark it for the public register.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _

from pengaduan import layanan
from pengaduan.models.lampiran import Lampiran
from pengaduan.petugas.akses import situs_petugas
from pengaduan.workflow import TransitionError


def lampiran_view(request, pk):
    lampiran = get_object_or_404(
        Lampiran.objects.filter(pengaduan__site__in=situs_petugas(request.user)), pk=pk
    )
    response = FileResponse(
        lampiran.berkas.open("rb"),
        content_type=lampiran.content_type,
        as_attachment=not lampiran.is_image,
        filename=f"lampiran-{lampiran.pk}.{lampiran.berkas.name.rsplit('.', 1)[-1]}",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class SalinanTersamarForm(forms.Form):
    berkas = forms.FileField(label=_("Salinan tersamar (foto)"))
    publik = forms.BooleanField(label=_("Tampilkan di register publik"), required=False)

    def clean_berkas(self):
        from pengaduan.berkas import periksa_berkas

        checked = periksa_berkas(self.cleaned_data["berkas"])
        if not checked[1].startswith("image/"):
            raise forms.ValidationError(_("Salinan tersamar harus berupa foto."))
        return checked


def _lampiran_untuk_ubah(request, pk):
    if request.method != "POST":
        raise Http404
    if not request.user.has_perm("pengaduan.change_pengaduan"):
        raise PermissionDenied
    return get_object_or_404(
        Lampiran.objects.filter(pengaduan__site__in=situs_petugas(request.user)).select_related(
            "pengaduan"
        ),
        pk=pk,
    )


def salinan_tersamar_view(request, pk):
    """Upload an officer-made redacted copy of a photo; optionally publish it at once."""
    asli = _lampiran_untuk_ubah(request, pk)
    form = SalinanTersamarForm(request.POST, request.FILES)
    if form.is_valid() and asli.is_image and asli.dari_pelapor:
        layanan.simpan_salinan_tersamar(
            asli, form.cleaned_data["berkas"], user=request.user, publik=form.cleaned_data["publik"]
        )
        messages.success(request, _("Salinan tersamar disimpan."))
    else:
        errors = [e for errs in form.errors.values() for e in errs] or [
            _("Salinan tersamar hanya untuk lampiran foto dari pelapor.")
        ]
        messages.error(request, " ".join(str(e) for e in errors))
    return redirect("pengaduan:inspect", asli.pengaduan_id)


def lampiran_publik_view(request, pk):
    lampiran = _lampiran_untuk_ubah(request, pk)
    try:
        layanan.atur_publik(lampiran, request.POST.get("publik") == "1", user=request.user)
    except TransitionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Publikasi salinan tersamar diperbarui."))
    return redirect("pengaduan:inspect", lampiran.pengaduan_id)
