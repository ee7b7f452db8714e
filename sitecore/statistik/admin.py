"""CSV import of a statistics snapshot in the Wagtail admin.

All rows are checked first; only a file without errors becomes a new revision of the
page (published if the editor may publish), inside one transaction.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sitecore.statistik.models import StatistikData, StatistikPage
from sitecore.statistik.rules import CsvError, parse_csv

MAX_CSV_BYTES = 256 * 1024


class ImporCsvForm(forms.Form):
    tanggal = forms.DateField(
        label=gettext_lazy("Data per tanggal"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    jumlah_kk = forms.IntegerField(
        label=gettext_lazy("Jumlah kepala keluarga (opsional)"), required=False, min_value=0
    )
    berkas = forms.FileField(
        label=gettext_lazy("Berkas CSV"),
        help_text=gettext_lazy(
            "Tiga kolom: kelompok, laki_laki, perempuan. Pemisah koma atau titik koma. "
            "Data dengan tanggal yang sama akan diganti."
        ),
    )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("Berkas terlalu besar (paling besar 256 KB)."))
        raw = berkas.read()
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        try:
            self.cleaned_data["rows"] = parse_csv(text)
        except CsvError as exc:
            raise forms.ValidationError(exc.errors) from exc
        return berkas


def rows_to_stream(rows):
    return [
        {"type": "baris", "value": {"label": label, "laki_laki": laki, "perempuan": perempuan}}
        for label, laki, perempuan in rows
    ]


@transaction.atomic
def simpan_snapshot(page, user, tanggal, rows, jumlah_kk=None):
    """Add (or replace, for the same date) a snapshot as a new revision of the page."""
    latest = page.get_latest_revision_as_object()
    snapshots = [s for s in latest.data.all() if s.tanggal != tanggal]
    snapshots.append(
        StatistikData(tanggal=tanggal, jumlah_kk=jumlah_kk, baris=rows_to_stream(rows))
    )
    latest.data = snapshots
    revision = latest.save_revision(user=user)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
    return revision


def impor_csv_view(request, page_id):
    page = get_object_or_404(StatistikPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = ImporCsvForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        rows = form.cleaned_data["rows"]
        simpan_snapshot(
            page, request.user, form.cleaned_data["tanggal"], rows, form.cleaned_data["jumlah_kk"]
        )
        messages.success(request, _("%(n)d baris data berhasil diimpor.") % {"n": len(rows)})
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        "sitecore/admin/statistik_impor.html",
        {"page": page, "form": form, "page_title": _("Impor CSV")},
        status=400 if form.errors else 200,
    )
