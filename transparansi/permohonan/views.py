"""Public routes of the information desk: request form, receipt and objection, register, report.

The section's index page routes here (transparansi.models.index).
"""

from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.models import Site

from sitecore.kalender.rules import KalenderKerja
from sitecore.kodeaman.formulir import ikat as ikat_captcha
from sitecore.kodeaman.formulir import layani as layani_captcha
from sitecore.pagecache import cache as pagecache
from transparansi.models.permohonan import CACHE_KIND, AlasanPenolakan, PermohonanInformasi
from transparansi.permohonan import aturan
from transparansi.permohonan.forms import KeberatanForm, PermohonanForm

RATE_LIMIT = 5  # requests per client per hour on the public form
RATE_WINDOW = 3600


def _client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def _never_cache(response):
    add_never_cache_headers(response)
    return response


def permohonan_form(request, page):
    if (captcha := layani_captcha(request, "permohonan")) is not None:
        return captcha
    site = Site.find_for_request(request)
    context = page.get_context(request)
    context["page_title"] = _("Permohonan informasi publik")
    if request.method == "POST":
        form = ikat_captcha(PermohonanForm(request.POST), request)
        key = f"ppid-rl:{site.pk}:{_client_ip(request)}"
        hits = cache.get(key, 0)
        if hits >= RATE_LIMIT:
            form.is_valid()
            form.add_error(
                None, _("Terlalu banyak permohonan dari perangkat ini. Coba lagi nanti.")
            )
        elif form.is_valid():
            if form.cleaned_data.get("situs_web"):
                # A bot: look successful, store nothing.
                return _never_cache(HttpResponseRedirect(page.get_url(request) + "permohonan/"))
            cache.set(key, hits + 1, RATE_WINDOW)
            permohonan = form.save(commit=False)
            permohonan.site = site
            aturan.daftarkan(permohonan)
            return _never_cache(
                HttpResponseRedirect(f"{page.get_url(request)}permohonan/{permohonan.kode_lacak}/")
            )
    else:
        form = ikat_captcha(PermohonanForm(), request)
    context["form"] = form
    response = TemplateResponse(request, "transparansi/permohonan_form.html", context)
    return _never_cache(response)


def tanda_terima(request, page, kode):
    site = Site.find_for_request(request)
    permohonan = PermohonanInformasi.objects.filter(site=site, kode_lacak=kode.upper()).first()
    if permohonan is None:
        raise Http404
    kalender = KalenderKerja.for_site(site)
    form = None
    batas = aturan.batas_keberatan(permohonan, kalender=kalender)
    boleh_keberatan = (
        not permohonan.keberatan_pada and batas is not None and timezone.now() <= batas
    )
    if boleh_keberatan:
        form = KeberatanForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                aturan.ajukan_keberatan(
                    permohonan,
                    form.cleaned_data["alasan"],
                    form.cleaned_data["uraian"],
                    kalender=kalender,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                permohonan.save()
                return _never_cache(HttpResponseRedirect(request.path))
    context = page.get_context(request)
    context.update(
        {
            "permohonan": permohonan,
            "page_title": _("Tanda terima permohonan %s") % permohonan.nomor,
            "keberatan_form": form,
            "batas_keberatan": batas,
            "atasan": _kepala_desa(request),
        }
    )
    return _never_cache(TemplateResponse(request, "transparansi/tanda_terima.html", context))


def _kepala_desa(request):
    profil = getattr(request, "desa_profil", None)
    if profil is None:
        return None
    for orang in profil.aparatur.all():
        if orang.jabatan.lower().startswith("kepala desa"):
            return orang
    return None


def register_permohonan(request, page):
    pagecache.shows(request, CACHE_KIND)
    site = Site.find_for_request(request)
    qs = PermohonanInformasi.objects.filter(site=site).only(
        "nomor",
        "diterima_pada",
        "tenggat",
        "ringkasan_publik",
        "status",
        "keputusan",
        "alasan_penolakan",
        "diputus_pada",
        "keberatan_pada",
    )
    paginator = Paginator(qs, 50)
    context = page.get_context(request)
    context.update(
        {
            "daftar": paginator.get_page(request.GET.get("halaman")),
            "page_title": _("Register permohonan informasi"),
        }
    )
    return TemplateResponse(request, "transparansi/register_permohonan.html", context)


def laporan_ppid(request, page):
    pagecache.shows(request, CACHE_KIND)
    site = Site.find_for_request(request)
    kalender = KalenderKerja.for_site(site)
    sekarang = timezone.localdate()
    tahun = request.GET.get("tahun", "")
    valid = tahun.isascii() and tahun.isdigit() and 2000 <= int(tahun) <= 2100  # "²" is a digit
    tahun = int(tahun) if valid else sekarang.year
    qs = PermohonanInformasi.objects.filter(
        site=site,
        diterima_pada__date__gte=date(tahun - 1, 12, 31),
        diterima_pada__date__lte=date(tahun + 1, 1, 1),
    )
    laporan = aturan.laporan_tahunan(qs, tahun, kalender)
    label = dict(AlasanPenolakan.choices)
    tahun_ada = sorted(
        {
            d.year
            for d in PermohonanInformasi.objects.filter(site=site).dates("diterima_pada", "year")
        }
        | {sekarang.year},
        reverse=True,
    )
    context = page.get_context(request)
    context.update(
        {
            "laporan": laporan,
            "alasan": [(label.get(k, k), n) for k, n in laporan.alasan_penolakan.most_common()],
            "tahun_pilihan": tahun_ada,
            "page_title": _("Laporan layanan informasi publik %s") % tahun,
        }
    )
    return TemplateResponse(request, "transparansi/laporan_ppid.html", context)
