"""Public handlers of the Pengaduan section: form, receipt, look-up and status page."""

import secrets
from urllib.parse import quote

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from wagtail import hooks

from pengaduan import layanan, pembatas
from pengaduan.kode import normalisasi_kode
from pengaduan.models.pengaduan import Pengaduan
from pengaduan.publik.forms import (
    BukaKembaliForm,
    KeteranganForm,
    LacakForm,
    PengaduanForm,
    PenilaianForm,
    PinForm,
)
from pengaduan.workflow import TransitionError
from sitecore.kodeaman.formulir import layani as layani_captcha
from sitecore.models.profil import TIME_ZONE_ABBR

SESSION_KODE = "pengaduan_milik"  # codes filed from this browser (receipt access)
SESSION_PIN = "pengaduan_pin"  # code -> PIN, popped when the receipt shows it
SESSION_AKSES = "pengaduan_akses"  # codes verified with their PIN
SESSION_TOKEN = "pengaduan_token"  # noqa: S105 - a session key name
SESSION_TERKIRIM = "pengaduan_terkirim"  # form tokens this browser filed -> their code


def _no_store(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _render(page, request, template, context, status=200):
    desa = getattr(request, "desa_profil", None)
    context = {
        "page": page,
        "self": page,
        "zona": TIME_ZONE_ABBR.get(desa.zona_waktu if desa else "", "WIB"),
        "url_formulir": page.get_url(request),
        "url_lacak": page.get_url(request) + "lacak/",
        "url_register": page.get_url(request) + "register/",
        "url_laporan": page.get_url(request) + "laporan/",
        **context,
    }
    return _no_store(TemplateResponse(request, template, context, status=status))


def _terlalu_sering(page, request, batas):
    """429 with Retry-After: the limit's window, the longest the client may have to wait."""
    response = _render(page, request, "pengaduan/terlalu_sering.html", {}, status=429)
    response["Retry-After"] = str(batas[1])
    return response


def _token_baru(request):
    # "web:" keeps form tokens apart from intake-API references ("api:<id>:<ref>").
    token = "web:" + secrets.token_urlsafe(24)
    request.session[SESSION_TOKEN] = token
    return token


def formulir(page, request):
    if (captcha := layani_captcha(request, "pengaduan")) is not None:
        return captcha
    site = page.get_site()
    profil = getattr(request, "desa_profil", None)
    if request.method == "POST":
        form = PengaduanForm(request.POST, request.FILES, site=site, profil=profil, request=request)
        token = request.POST.get("token", "")
        if request.POST.get("situs_web"):
            # Honeypot: answer like a success so the bot learns nothing.
            return _render(page, request, "pengaduan/ditolak.html", {}, status=400)
        if pembatas.lewat_batas("kirim", pembatas.kunci_klien(request), *pembatas.BATAS_KIRIM):
            return _terlalu_sering(page, request, pembatas.BATAS_KIRIM)
        # A resent POST of a form this browser already filed goes to its receipt. Only
        # this session's own tokens are looked up: a token from anywhere else (an
        # intake-API reference, another visitor's form) never reveals a tracking code.
        terkirim = request.session.get(SESSION_TERKIRIM, {})
        if token in terkirim:
            return redirect(page.get_url(request) + f"terima/{terkirim[token]}/")
        if form.is_valid() and token and token == request.session.get(SESSION_TOKEN):
            item, pin, created = layanan.buat_pengaduan(
                site=site,
                data=form.model_data(),
                berkas=form.cleaned_data["lampiran"],
                token_form=token,
                base_url=request.build_absolute_uri(page.get_url(request)),
            )
            if created:
                request.session[SESSION_KODE] = [
                    *request.session.get(SESSION_KODE, [])[-9:],
                    item.kode,
                ]
                request.session[SESSION_PIN] = {item.kode: pin}
                request.session.pop(SESSION_TOKEN, None)
            request.session[SESSION_TERKIRIM] = {
                **dict(list(terkirim.items())[-9:]),
                token: item.kode,
            }
            return redirect(page.get_url(request) + f"terima/{item.kode}/")
        if form.is_valid():
            # Token missing or from another session (cookies off, expired session).
            messages.error(request, _("Formulir kedaluwarsa. Periksa isian lalu kirim lagi."))
        lampiran_hilang = bool(request.FILES)
        data = request.POST.copy()
        data["token"] = _token_baru(request)
        form.data = data
        return _render(
            page,
            request,
            "pengaduan/formulir.html",
            {"form": form, "lampiran_hilang": lampiran_hilang},
            status=400,
        )
    form = PengaduanForm(
        site=site, profil=profil, request=request, initial={"token": _token_baru(request)}
    )
    return _render(page, request, "pengaduan/formulir.html", {"form": form})


def _get_item(page, kode):
    kode = normalisasi_kode(kode)
    if kode is None:
        raise Http404
    item = (
        Pengaduan.objects.filter(site=page.get_site(), kode=kode)
        .select_related("kategori", "dusun", "site", "jalur_usulan")
        .first()
    )
    if item is None:
        raise Http404
    return item


def tanda_terima(page, request, kode):
    item = _get_item(page, kode)
    if item.kode not in request.session.get(SESSION_KODE, []):
        return redirect(page.get_url(request) + f"lacak/{item.kode}/")
    pins = request.session.get(SESSION_PIN, {})
    pin = pins.pop(item.kode, None)
    request.session[SESSION_PIN] = pins
    if pin:
        request.session[SESSION_AKSES] = [*request.session.get(SESSION_AKSES, []), item.kode]
    status_url = request.build_absolute_uri(page.get_url(request) + f"lacak/{item.kode}/")
    wa_text = _(
        "Tanda terima %(desa)s. Kode lacak: %(kode)s. Diterima %(waktu)s. Pantau di %(url)s"
    ) % {
        "desa": item.site.site_name,
        "kode": item.kode,
        "waktu": timezone.localtime(item.diterima_pada).strftime("%d-%m-%Y %H:%M"),
        "url": status_url,
    }
    return _render(
        page,
        request,
        "pengaduan/tanda_terima.html",
        {
            "p": item,
            "pin": pin,
            "status_url": status_url,
            "wa_url": "https://wa.me/?text=" + quote(wa_text),
        },
    )


def lacak(page, request):
    form = LacakForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect(page.get_url(request) + f"lacak/{form.cleaned_data['kode']}/")
    return _render(page, request, "pengaduan/lacak.html", {"form": form})


def status(page, request, kode):
    klien = pembatas.kunci_klien(request)
    if pembatas.lewat_batas("lacak", klien, *pembatas.BATAS_LACAK):
        return _terlalu_sering(page, request, pembatas.BATAS_LACAK)
    item = _get_item(page, kode)
    if item.kode != kode:
        return redirect(page.get_url(request) + f"lacak/{item.kode}/")
    akses = item.kode in request.session.get(SESSION_AKSES, [])
    forms = {}
    if request.method == "POST":
        aksi = request.POST.get("aksi")
        if aksi == "pin":
            response = _cek_pin(page, request, item, klien, forms)
            if response:
                return response
        elif not akses:
            raise Http404
        else:
            response = _aksi_pelapor(page, request, item, aksi, forms)
            if response:
                return response
    context = _konteks_status(item, akses, forms)
    return _render(
        page, request, "pengaduan/status.html", context, status=context.pop("_status", 200)
    )


def _cek_pin(page, request, item, klien, forms):
    form = PinForm(request.POST)
    forms["pin"] = form
    # Wrong PINs count against the client that sent them (overall, and per code), never
    # against the code itself: a stranger who knows a code cannot lock its owner out.
    klien_kode = f"{klien}:{item.kode}"
    if pembatas.sudah_lewat("pin", klien, pembatas.BATAS_PIN_KLIEN[0]) or pembatas.sudah_lewat(
        "pinkode", klien_kode, pembatas.BATAS_PIN_KODE[0]
    ):
        return _terlalu_sering(page, request, pembatas.BATAS_PIN_KODE)
    if form.is_valid() and item.check_pin(form.cleaned_data["pin"]):
        request.session[SESSION_AKSES] = [*request.session.get(SESSION_AKSES, []), item.kode]
        return redirect(request.path)
    pembatas.lewat_batas("pin", klien, *pembatas.BATAS_PIN_KLIEN)
    pembatas.lewat_batas("pinkode", klien_kode, *pembatas.BATAS_PIN_KODE)
    if form.is_valid():
        form.add_error("pin", _("PIN tidak cocok dengan kode lacak ini."))
    return None


def _aksi_pelapor(page, request, item, aksi, forms):
    try:
        if aksi == "keterangan":
            form = forms["keterangan"] = KeteranganForm(request.POST, request.FILES)
            if form.is_valid():
                layanan.tambah_keterangan(
                    item, form.cleaned_data["teks"], form.cleaned_data["lampiran"]
                )
                messages.success(request, _("Keterangan Anda sudah kami terima."))
                return redirect(request.path)
        elif aksi == "nilai":
            form = forms["nilai"] = PenilaianForm(request.POST)
            if form.is_valid():
                layanan.beri_penilaian(
                    item, form.cleaned_data["nilai"], form.cleaned_data["komentar"]
                )
                messages.success(request, _("Terima kasih atas penilaian Anda."))
                return redirect(request.path)
        elif aksi == "buka":
            form = forms["buka"] = BukaKembaliForm(request.POST)
            if form.is_valid():
                layanan.buka_kembali(item, form.cleaned_data["alasan"])
                messages.success(request, _("Laporan dibuka kembali dan akan ditangani ulang."))
                return redirect(request.path)
    except TransitionError as exc:
        messages.error(request, str(exc))
        return redirect(request.path)
    return None


def item_links(items):
    """Links other apps attach to items (hook `pengaduan_item_links`), merged by id."""
    merged = {}
    for fn in hooks.get_hooks("pengaduan_item_links"):
        for pk, links in (fn(items) or {}).items():
            merged.setdefault(pk, []).extend(links)
    return merged


def _konteks_status(item, akses, forms):
    events = list(item.tindak_lanjut.select_related("berita_acara").order_by("waktu", "id"))
    context = {
        "p": item,
        "akses": akses,
        "events": events,
        "tautan": item_links([item]).get(item.pk, []),
        "form_pin": forms.get("pin") or PinForm(),
        "_status": 400 if any(f.errors for f in forms.values()) else 200,
    }
    if akses:
        context.update(
            form_keterangan=forms.get("keterangan") or KeteranganForm(),
            form_nilai=forms.get("nilai") or PenilaianForm(),
            form_buka=forms.get("buka") or BukaKembaliForm(),
            bisa_dinilai=layanan.bisa_dinilai(item),
            bisa_dibuka=layanan.bisa_dibuka_kembali(item),
        )
    return context
