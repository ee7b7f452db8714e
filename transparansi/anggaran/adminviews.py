"""Admin screens for APBDes CSV/XLSX import and the spreadsheet templates."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from transparansi import apbdes as hitung
from transparansi.anggaran import cetak, impor
from transparansi.anggaran.forms import BERUBAH, ImporForm, apbdes_kembar, pesan_kembar
from transparansi.anggaran.peringatan import peringatan_defisit
from transparansi.models.apbdes import APBDesPage, BarisAPBDes, Versi
from transparansi.models.kode import kode_tambahan

_XLS_LAMA = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _editable_page(request, page_id):
    page = get_object_or_404(APBDesPage, id=page_id)
    # Scoped by Wagtail page permissions: another village's PPID gets a 404.
    if not page.permissions_for_user(request.user).can_edit():
        raise Http404
    return page


@transaction.atomic
def impor_ke_halaman(page, draft, semua_baris, user):
    """Set the draft's lines (parsed dicts or kept rows) in a new revision (not published)."""
    baris = []
    for i, item in enumerate(semua_baris):
        if isinstance(item, dict):
            item = BarisAPBDes(**{k: v for k, v in item.items() if k != "nomor"})
        item.sort_order = i
        item.kelompok = hitung.kelompok_kode(item.kode)
        baris.append(item)
    draft.baris = baris
    return draft.save_revision(user=user, log_action=True)


def baca_berkas(berkas):
    """(text, None) or (None, message): every unreadable upload becomes a message."""
    data = berkas.read()
    if berkas.name.lower().endswith(".xlsx") or data[:2] == b"PK":
        try:
            return impor.xlsx_ke_csv(data), None
        except Exception:  # noqa: BLE001 - any unreadable workbook
            return None, _("Berkas XLSX tidak dapat dibaca. Simpan ulang sebagai XLSX atau CSV.")
    if data.startswith(_XLS_LAMA):
        return None, _("Format XLS lama tidak didukung. Simpan sebagai XLSX atau CSV.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")  # Excel's "Unicode text"
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if "\x00" in text:
        return None, _("Berkas ini bukan CSV atau XLSX. Simpan tabel sebagai CSV atau XLSX.")
    return text, None


def _impor(page, draft, form, user):
    """([(row, message)], warnings, lines imported) of one upload; stores only when there
    is no error."""
    kembar = apbdes_kembar(page.get_parent(), draft.tahun, draft.versi, kecuali=page.pk)
    if kembar is not None:
        return [(None, pesan_kembar(kembar))], [], 0
    text, error = baca_berkas(form.cleaned_data["berkas"])
    if error:
        return [(None, error)], [], 0
    try:
        rows, subtotal, errors = impor.baca_tabel(text, frozenset(kode_tambahan()))
    except csv.Error:
        return [(None, _("Isi berkas tidak dapat dibaca sebagai tabel CSV."))], [], 0
    if errors:
        return errors, [], 0
    lines = rows
    if form.cara_impor == BERUBAH:
        lines = cetak.gabung_perubahan(list(draft.baris.all()), rows)
    errors = impor.periksa(lines, subtotal)
    if errors:
        return sorted(errors, key=lambda e: e[0]), [], 0
    try:
        impor_ke_halaman(page, draft, lines, user)
    except ValidationError as e:
        return [(None, m) for m in e.messages], [], 0
    return [], peringatan_defisit(hitung.ringkasan(draft.baris.all())), len(rows)


def impor_apbdes(request, page_id):
    page = _editable_page(request, page_id)
    draft = page.get_latest_revision_as_object()
    pilih_cara = draft.versi == Versi.PERUBAHAN and draft.baris.exists()
    errors = []
    if request.method == "POST":
        form = ImporForm(request.POST, request.FILES, pilih_cara=pilih_cara)
        if form.is_valid():
            errors, peringatan, n = _impor(page, draft, form, request.user)
            if not errors:
                messages.success(
                    request,
                    _("%(n)d baris diimpor sebagai draf. Periksa lalu terbitkan.") % {"n": n},
                )
                for pesan in peringatan:
                    messages.warning(request, pesan)
                return redirect("wagtailadmin_pages:edit", page.id)
    else:
        form = ImporForm(pilih_cara=pilih_cara)
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
