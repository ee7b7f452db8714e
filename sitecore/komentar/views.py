"""The comment form of an article: its own URL so the article page stays cacheable."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from sitecore.klien import client_key
from sitecore.kodeaman.formulir import ikat as ikat_captcha
from sitecore.kodeaman.formulir import layani as layani_captcha
from sitecore.komentar.forms import KomentarForm
from sitecore.komentar.models import Komentar
from sitecore.komentar.rules import catat_kiriman, melebihi_batas


def _render(request, page, form, status=200):
    return TemplateResponse(
        request,
        "sitecore/komentar_form.html",
        {"page": page, "form": form, "page_title": _("Tulis komentar")},
        status=status,
    )


@never_cache
@csrf_protect
def komentar_form_view(request, page):
    if (captcha := layani_captcha(request, "komentar")) is not None:
        return captcha
    if request.method != "POST":
        return _render(request, page, ikat_captcha(KomentarForm(), request))
    form = ikat_captcha(KomentarForm(request.POST), request)
    key = client_key(request)
    if form.honeypot_terisi:
        # Bots learn nothing: the same answer as a held comment, nothing stored.
        messages.success(request, _("Terima kasih. Komentar Anda akan tampil setelah diperiksa."))
        return redirect(page.get_url(request) + "#komentar")
    if melebihi_batas(key):
        form.add_error(
            None,
            _("Anda sudah mengirim beberapa komentar. Silakan tunggu 15 menit lalu coba lagi."),
        )
        return _render(request, page, form, status=429)
    if not form.is_valid():
        return _render(request, page, form, status=400)
    index = page.get_parent().specific
    komentar = form.save(commit=False)
    komentar.page = page
    komentar.site_id = page.get_site().pk
    komentar.kunci_klien = key
    moderasi = getattr(index, "moderasi_komentar", True)
    komentar.status = Komentar.Status.MENUNGGU if moderasi else Komentar.Status.DISETUJUI
    komentar.save()
    catat_kiriman(key)
    if moderasi:
        messages.success(request, _("Terima kasih. Komentar Anda akan tampil setelah diperiksa."))
    else:
        messages.success(request, _("Terima kasih. Komentar Anda sudah tampil."))
    return redirect(page.get_url(request) + "#komentar")
