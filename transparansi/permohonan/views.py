"""Public views and page contexts of the transparency section.

Pages delegate here so the models stay about data; every figure comes from
transparansi.apbdes / transparansi.permohonan.
"""

from datetime import date

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from wagtail.models import Site

from sitecore import pagecache
from sitecore.kalender import KalenderKerja
from transparansi import apbdes as hitung
from transparansi import grafik
from transparansi import permohonan as aturan
from transparansi.data.informasi_berkala import KEWAJIBAN_BERKALA
from transparansi.forms import KeberatanForm, PermohonanForm
from transparansi.models import (
    APBDesPage,
    DaftarInformasiPage,
    PermohonanInformasi,
    RKPDesPage,
    RPJMDesPage,
    SertaMertaPage,
)
from transparansi.models.apbdes import Versi, ringkasan_halaman, terkini_per_tahun
from transparansi.models.informasi import Kategori
from transparansi.models.kode import kode_tambahan
from transparansi.models.permohonan import AlasanPenolakan

RATE_LIMIT = 5  # requests per client per hour on the public form
RATE_WINDOW = 3600


def alamat_pengaduan(request, page=None):
    """The village's complaint channel: its pengaduan section page and office contacts."""
    from pengaduan.models import PengaduanIndexPage

    site = Site.find_for_request(request)

    def url():
        # A child_of() lookup scans the page tree: kept until the village's next change.
        pengaduan = PengaduanIndexPage.objects.live().child_of(site.root_page).first()
        return pengaduan.localized.get_url(request) if pengaduan is not None else ""

    if site is None:
        return {"pengaduan_url": "", "profil": None}
    return {
        "pengaduan_url": pagecache.memoize(
            request, ("pengaduan-url", site.pk, translation.get_language()), url
        ),
        "profil": getattr(request, "desa_profil", None),
    }


def apbdes_pohon(page):
    """The expandable detail tree: one (heading, root node) per budget group."""
    baris = page.semua_baris
    tambahan = kode_tambahan()
    return [
        (_("Pendapatan"), hitung.pohon(baris, hitung.PENDAPATAN, tambahan)),
        (_("Belanja"), hitung.pohon(baris, hitung.BELANJA, tambahan)),
        (_("Penerimaan pembiayaan"), hitung.pohon(baris, hitung.PENERIMAAN, tambahan)),
        (_("Pengeluaran pembiayaan"), hitung.pohon(baris, hitung.PENGELUARAN, tambahan)),
    ]


def apbdes_context(page, request):
    baris = page.semua_baris
    r = page.ringkasan
    pendapatan = hitung.pendapatan_per_sumber(baris)
    bidang = hitung.per_bidang(baris)
    siblings = (
        APBDesPage.objects.live()
        .sibling_of(page, inclusive=True)
        .only("id", "tahun", "versi", "title", "url_path")
    )
    tahunan = [p for p in terkini_per_tahun(siblings) if p.tahun <= page.tahun][-5:]
    totals = ringkasan_halaman([p.id for p in tahunan if p.id != page.id])
    totals[page.id] = r
    perbandingan = [{"page": p, "r": totals[p.id]} for p in tahunan]
    perubahan = []
    versi_lain = page.versi_lain()
    if page.versi == Versi.PERUBAHAN and versi_lain is not None:
        perubahan = hitung.bandingkan_versi(list(versi_lain.baris.all()), baris)
    return {
        "r": r,
        "grafik_pendapatan": grafik.batang([(nama, j) for _k, nama, j in pendapatan]),
        "grafik_bidang": grafik.batang([(f"{k}. {nama}", j) for k, nama, j in bidang]),
        "grafik_progres": grafik.progres(
            [
                (_("Pendapatan"), r.pendapatan),
                (_("Belanja"), r.belanja),
                (_("Penerimaan pembiayaan"), r.penerimaan),
                (_("Pengeluaran pembiayaan"), r.pengeluaran),
            ]
        ),
        "sumber_dana": hitung.belanja_per_sumber_dana(baris),
        "jenis_belanja": hitung.belanja_per_jenis(baris),
        "perbandingan": perbandingan if len(perbandingan) > 1 else [],
        "versi_lain": versi_lain,
        "perubahan": perubahan,
        "tanggal_realisasi": page.tanggal_realisasi(),
        **(alamat_pengaduan(request) if request is not None else {}),
    }


def apbdes_terkini(site, tahun=None):
    """The current year's live budget (amended if amended), else the latest year's."""
    pages = APBDesPage.objects.live().descendant_of(site.root_page)
    pages = terkini_per_tahun(pages)
    if not pages:
        return None
    if tahun is not None:
        for page in pages:
            if page.tahun == tahun:
                return page
    return pages[-1]


def baris_apbdes_url(section_child, tahun, kode, request):
    """URL of the APBDes line `kode` of year `tahun` next to a plan page, or ""."""
    if not kode:
        return ""
    pages = APBDesPage.objects.live().sibling_of(section_child).filter(tahun=tahun)
    page = next(iter(reversed(terkini_per_tahun(pages))), None)
    if page is None or not page.baris.filter(kode=kode).exists():
        return ""
    return f"{page.get_url(request)}#baris-{kode}"


def rencana_context(page, request):
    kegiatan = list(page.kegiatan.all())
    total = sum((k.biaya for k in kegiatan), hitung.NOL)
    rata = round(sum(k.progres for k in kegiatan) / len(kegiatan)) if kegiatan else 0
    status = {}
    for k in kegiatan:
        status[k.get_status_display()] = status.get(k.get_status_display(), 0) + 1
    return {
        "daftar_kegiatan": kegiatan,
        "total_biaya": total,
        "rata_progres": rata,
        "per_status": sorted(status.items()),
        **alamat_pengaduan(request),
    }


def kegiatan_view(request, page, kegiatan):
    from transparansi.usulan import usulan_untuk_kegiatan

    context = page.get_context(request)
    context.update(
        {
            "kegiatan": kegiatan,
            "apbdes_url": baris_apbdes_url(
                page, kegiatan.tahun_rencana, kegiatan.kode_apbdes, request
            ),
            "usulan": usulan_untuk_kegiatan(kegiatan),
        }
    )
    return TemplateResponse(request, "transparansi/kegiatan_rencana.html", context)


def dip_context(page, request):
    semua = list(page.informasi.select_related("dokumen", "halaman"))
    kategori = request.GET.get("kategori", "")
    tahun = request.GET.get("tahun", "")
    q = request.GET.get("q", "").strip()[:100]
    entries = semua
    if kategori in Kategori.values:
        entries = [e for e in entries if e.kategori == kategori]
    if tahun.isascii() and tahun.isdigit():
        entries = [e for e in entries if e.tahun == int(tahun)]
    if q:
        needle = q.lower()
        entries = [
            e
            for e in entries
            if needle in e.judul.lower()
            or needle in e.ringkasan.lower()
            or needle in e.penanggung_jawab.lower()
        ]
    # Published pages count towards the periodic checklist too.
    pages = {
        "apbdes": list(APBDesPage.objects.live().sibling_of(page).order_by("-tahun")[:3]),
        "rpjmdes": list(RPJMDesPage.objects.live().sibling_of(page).order_by("-tahun_mulai")[:2]),
        "rkpdes": list(RKPDesPage.objects.live().sibling_of(page).order_by("-tahun_mulai")[:3]),
    }
    kewajiban = []
    for key, label in KEWAJIBAN_BERKALA:
        items = [e for e in semua if e.kewajiban == key]
        kewajiban.append(
            {"key": key, "label": label, "entri": items, "halaman": pages.get(key, [])}
        )
    serta_merta = list(
        SertaMertaPage.objects.live().sibling_of(page).order_by("-first_published_at")[:20]
    )
    return {
        "entries": entries,
        "kategori_pilihan": Kategori.choices,
        "tahun_pilihan": sorted({e.tahun for e in semua}, reverse=True),
        "filter": {"kategori": kategori, "tahun": tahun, "q": q},
        "kewajiban": kewajiban,
        "kekurangan": sum(1 for k in kewajiban if not k["entri"] and not k["halaman"]),
        "serta_merta": serta_merta,
        **alamat_pengaduan(request),
    }


def index_context(page, request):
    children = page.get_children().live().public().specific()
    apbdes = [c for c in children if isinstance(c, APBDesPage)]
    return {
        "apbdes_list": list(reversed(terkini_per_tahun(apbdes))),
        "rencana_list": [c for c in children if isinstance(c, RPJMDesPage | RKPDesPage)],
        "dip": next((c for c in children if isinstance(c, DaftarInformasiPage)), None),
        "serta_merta_list": [c for c in children if isinstance(c, SertaMertaPage)],
        **alamat_pengaduan(request),
    }


def _client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def _never_cache(response):
    add_never_cache_headers(response)
    return response


def permohonan_form(request, page):
    site = Site.find_for_request(request)
    context = page.get_context(request)
    context["page_title"] = _("Permohonan informasi publik")
    if request.method == "POST":
        form = PermohonanForm(request.POST)
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
        form = PermohonanForm()
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


def serta_merta_aktif(site):
    return list(
        SertaMertaPage.objects.live()
        .descendant_of(site.root_page)
        .filter(dicabut=False)
        .filter(~Q(ringkasan=""))
        .order_by("-first_published_at")[:3]
    )
