"""Admin screens for APBDes CSV/XLSX import and the spreadsheet templates."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from transparansi import apbdes as hitung
from transparansi.anggaran import impor
from transparansi.models.apbdes import APBDesPage, BarisAPBDes
from transparansi.models.kode import kode_tambahan


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas CSV atau XLSX"),
        help_text=gettext_lazy("Kolom seperti pada templat. Semua baris lama akan diganti."),
    )


def _editable_page(request, page_id):
    page = get_object_or_404(APBDesPage, id=page_id)
    # Scoped by Wagtail page permissions: another village's PPID gets a 404.
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


@transaction.atomic
def impor_ke_halaman(page, rows, user):
    """Replace the page's lines with `rows` in a new draft revision (not published)."""
    draft = page.get_latest_revision_as_object()
    draft.baris = [BarisAPBDes(sort_order=i, **row) for i, row in enumerate(rows)]
    for baris in draft.baris.all():
        baris.kelompok = hitung.kelompok_kode(baris.kode)
    return draft.save_revision(user=user, log_action=True)


def impor_apbdes(request, page_id):
    page = _editable_page(request, page_id)
    errors = []
    if request.method == "POST":
        form = ImporForm(request.POST, request.FILES)
        if form.is_valid():
            berkas = form.cleaned_data["berkas"]
            data = berkas.read()
            if berkas.name.lower().endswith(".xlsx"):
                try:
                    text = impor.xlsx_ke_csv(data)
                except Exception:  # noqa: BLE001 - any unreadable workbook
                    text = None
            else:
                try:
                    text = data.decode("utf-8-sig")
                except UnicodeDecodeError:
                    text = data.decode("cp1252", errors="replace")
            if text is None:
                errors = [(1, _("Berkas XLSX tidak dapat dibaca."))]
            else:
                rows, errors = impor.baca_csv(text, frozenset(kode_tambahan()))
            if not errors:
                impor_ke_halaman(page, rows, request.user)
                messages.success(
                    request,
                    _("%(n)d baris diimpor sebagai draf. Periksa lalu terbitkan.")
                    % {"n": len(rows)},
                )
                return redirect("wagtailadmin_pages:edit", page.id)
    else:
        form = ImporForm()
    return TemplateResponse(
        request,
        "transparansi/admin/impor_apbdes.html",
        {
            "page": page,
            "form": form,
            "errors": errors,
            "templat_csv": reverse("transparansi_templat", args=["csv"]),
            "templat_xlsx": reverse("transparansi_templat", args=["xlsx"]),
        },
    )


def templat(request, fmt):
    if fmt == "xlsx":
        response = HttpResponse(
            impor.templat_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "csv":
        response = HttpResponse(impor.templat_csv(), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="templat-apbdes.{fmt}"'
    return response
