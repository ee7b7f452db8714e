"""The officer's workflow step: move an item to its next state, with response templates.

A template fills the public note. With JavaScript the <select> fills the textarea at
once (static/js/pengaduan-admin.js); without it the "Pakai template" button posts the
form back, and the server returns it filled in, saving nothing.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from pengaduan import layanan
from pengaduan.models.kategori import TemplateTanggapan
from pengaduan.models.pengaduan import AlasanTolak, Hasil
from pengaduan.petugas.akses import item_untuk
from pengaduan.workflow import DEFAULT_TEMPLATES, Status, TransitionError, allowed_targets


def pilihan_template(site, targets):
    """{value: (status, label, text)} for the given target states: defaults, then the
    village's own templates. Values are stable strings: `bawaan:<status>` or `t:<pk>`.
    Each label names its status and title ("Diverifikasi: Tanggapan bawaan"), and no two
    labels are alike, so a screen reader or a closed <optgroup> still tells them apart."""
    out, seen = {}, set()

    def label_unik(status, judul):
        label = _("%(status)s: %(judul)s") % {"status": Status(status).label, "judul": judul}
        n, unik = 1, label
        while unik in seen:
            n += 1
            unik = f"{label} ({n})"
        seen.add(unik)
        return unik

    for status in targets:
        if status in DEFAULT_TEMPLATES:
            out[f"bawaan:{status.value}"] = (
                status.value,
                label_unik(status, _("Tanggapan bawaan")),
                str(DEFAULT_TEMPLATES[status]),
            )
    for t in TemplateTanggapan.objects.filter(
        site=site, status__in=[s.value for s in targets]
    ).order_by("status", "judul", "pk"):
        out[f"t:{t.pk}"] = (t.status, label_unik(t.status, t.judul), t.teks)
    return out


class TemplateSelect(forms.Select):
    """Options carry their status and text so the small script can use them."""

    def __init__(self, *args, data=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template_data = data or {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.template_data:
            status, _label, teks = self.template_data[value]
            option["attrs"].update({"data-status": status, "data-teks": teks})
        return option


class TindakLanjutForm(forms.Form):
    ke_status = forms.ChoiceField(label=_("Status baru"))
    # Asked when the item leaves Diterima, i.e. when it enters the public register.
    judul_publik = forms.CharField(
        label=_("Judul publik (tampil di register)"),
        max_length=150,
        required=False,
        help_text=_(
            "Saran netral dari kategori, dusun dan bulan. Jangan memakai kata-kata pelapor, "
            "nama atau data pribadi."
        ),
    )
    ringkasan_publik = forms.CharField(
        label=_("Ringkasan publik"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    template = forms.ChoiceField(
        label=_("Template tanggapan"),
        required=False,
        help_text=_("Mengisi catatan publik; teksnya masih dapat Anda ubah sebelum disimpan."),
    )
    catatan_publik = forms.CharField(
        label=_("Catatan publik (tampil di register, tanpa nama)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    pesan_pelapor = forms.CharField(
        label=_("Pesan untuk pelapor (hanya pelapor yang membaca)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    catatan_internal = forms.CharField(
        label=_("Catatan internal"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    diteruskan_ke = forms.CharField(label=_("Diteruskan kepada"), required=False)
    rapat_tanggal = forms.DateField(
        label=_("Tanggal rapat"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    rapat_peserta = forms.CharField(
        label=_("Peserta rapat"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    rapat_temuan = forms.CharField(
        label=_("Temuan rapat"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    rapat_rekomendasi = forms.CharField(
        label=_("Rekomendasi"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    hasil = forms.ChoiceField(label=_("Hasil"), choices=[("", "—")] + Hasil.choices, required=False)
    jenis_tolak = forms.ChoiceField(
        label=_("Jenis penolakan"),
        choices=[("", "—"), *AlasanTolak.choices],
        required=False,
        help_text=_("Penyalahgunaan/spam tidak tampil di register publik dan dicatat di log desa."),
    )
    alasan = forms.CharField(
        label=_("Alasan"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    dirujuk_ke = forms.CharField(label=_("Dirujuk ke"), required=False)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if item.status == Status.DITERIMA:
            self.fields["judul_publik"].initial = item.judul_publik or item.saran_judul()
            self.fields["ringkasan_publik"].initial = item.ringkasan_publik
        else:
            # Already public: the title is edited on the item's edit form.
            del self.fields["judul_publik"], self.fields["ringkasan_publik"]
        targets = sorted(allowed_targets(item.status), key=lambda s: list(Status).index(s))
        self.fields["ke_status"].choices = [(t.value, t.label) for t in targets]
        self.templates = pilihan_template(item.site, targets)
        labels = dict(Status.choices)
        groups = {}
        for value, (status, label, _teks) in self.templates.items():
            groups.setdefault(str(labels[status]), []).append((value, label))
        field = self.fields["template"]
        field.choices = [("", _("— tanpa template —")), *groups.items()]
        field.widget = TemplateSelect(
            choices=field.choices,
            data=self.templates,
            attrs={"data-template-untuk": "id_catatan_publik"},
        )

    def pakai_template(self):
        """A copy of the submitted data with the chosen template applied (no-JS path)."""
        data = self.data.copy()
        chosen = self.templates.get(data.get("template", ""))
        if chosen is not None:
            status, _label, teks = chosen
            data["catatan_publik"] = teks
            if status in dict(self.fields["ke_status"].choices):
                data["ke_status"] = status
        return data


def tindak_lanjut_view(request, pk):
    item = item_untuk(request.user, pk)
    if not request.user.has_perm("pengaduan.change_pengaduan"):
        raise PermissionDenied
    form = TindakLanjutForm(request.POST or None, item=item)
    status = 200
    if request.method == "POST" and "pakai_template" in request.POST:
        form = TindakLanjutForm(initial=form.pakai_template().dict(), item=item)
    elif request.method == "POST" and form.is_valid():
        data = {
            k: v
            for k, v in form.cleaned_data.items()
            if k not in ("ke_status", "template") and v not in ("", None)
        }
        try:
            layanan.ubah_status(item, form.cleaned_data["ke_status"], user=request.user, data=data)
        except TransitionError as exc:
            for field, msg in exc.errors.items():
                form.add_error(field, msg)
            if not exc.errors:
                form.add_error(None, str(exc))
        else:
            messages.success(request, _("Status %(kode)s diperbarui.") % {"kode": item.kode})
            return redirect("pengaduan:inspect", item.pk)
        status = 400
    elif request.method == "POST":
        status = 400
    return TemplateResponse(
        request,
        "pengaduan/admin/tindak_lanjut.html",
        {"p": item, "form": form, "header_title": item.kode},
        status=status,
    )
