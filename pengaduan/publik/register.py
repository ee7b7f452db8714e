"""The public register (Register Pengaduan) and its open-data outputs.

Every item an officer has taken out of Diterima appears (abuse/spam rejections aside),
only through PUBLIC_FIELDS: identity, contact, raw text and attachments never leave.
Confidential items appear as a redacted line (type, category, month, status, days) so
the counts stay honest; they have no item page, and text or dusun filters skip them.
"""

import csv
import hashlib
import json
from datetime import date
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from pengaduan.kode import normalisasi_kode
from pengaduan.laporan import rentang
from pengaduan.models.kategori import Kategori
from pengaduan.models.lampiran import Lampiran
from pengaduan.models.pengaduan import CACHE_KIND as KIND
from pengaduan.models.pengaduan import Jenis, Pengaduan, TindakLanjut
from pengaduan.publik.pelapor import item_links
from pengaduan.workflow import Status
from sitecore.ekspor import aman_baris
from sitecore.models import Dusun
from sitecore.models.profil import TIME_ZONE_ABBR
from sitecore.pagecache import cache as pagecache

# An item shows itself and links to plan pages (transparansi, through a hook).
ITEM_KINDS = (KIND, "transparansi")


def _id(value):
    """A database id from a query string, or None: ASCII digits that fit in 63 bits
    ("²".isdigit() is true and huge numbers overflow SQLite: both were 500s)."""
    if value and len(value) <= 18 and value.isascii() and value.isdigit():
        return int(value)
    return None


ITEM_TEMPLATE = "pengaduan/includes/item_publik.html"

# The query-string parameters `queryset` reads.
FILTER_PARAMS = ("status", "jenis", "kategori", "dusun", "tahun", "q")


def queryset(site, params, profil=None):
    qs = (
        Pengaduan.objects.filter(site=site)
        .publik()
        .select_related("kategori", "dusun", "jalur_usulan")
        .order_by("-diterima_pada", "-id")
    )
    if params.get("status") in Status.values:
        qs = qs.filter(status=params["status"])
    if params.get("jenis") in Jenis.values:
        qs = qs.filter(jenis=params["jenis"])
    if _id(params.get("kategori")):
        qs = qs.filter(kategori_id=_id(params["kategori"]))
    if _id(params.get("dusun")):
        qs = qs.filter(dusun_id=_id(params["dusun"]), laporan_rahasia=False)
    tahun = params.get("tahun", "")
    if _id(tahun) and 2000 <= int(tahun) <= 2100:
        # A range in the village's time zone, not __year: it uses the index.
        tahun = int(tahun)
        qs = qs.filter(
            diterima_pada__range=rentang(site, date(tahun, 1, 1), date(tahun, 12, 31), profil)
        )
    q = (params.get("q") or "").strip()[:100]
    if q:
        qs = qs.filter(
            Q(judul_publik__icontains=q) | Q(ringkasan_publik__icontains=q) | Q(kode__iexact=q),
            laporan_rahasia=False,
        )
    return qs


def _terbuka(site):
    """Items with their own public page: confidential ones have none."""
    return queryset(site, {}).filter(laporan_rahasia=False)


def _attach_events(items):
    """Public events of a page of items in one query."""
    by_item = {p.pk: [] for p in items}
    events = TindakLanjut.objects.filter(pengaduan__in=items).exclude(catatan_publik="")
    for e in events.order_by("waktu", "id"):
        by_item[e.pengaduan_id].append(e)
    for p in items:
        p.events_publik = by_item[p.pk]


# Redacted copies of photos an officer deliberately published; never an original.
FOTO_PUBLIK = Q(
    publik=True, dari_pelapor=False, salinan_dari__isnull=False, content_type__startswith="image/"
)


def _attach_fotos(items):
    """Published redacted photos of a page of items, in one query."""
    by_item = {p.pk: [] for p in items}
    for foto in Lampiran.objects.filter(FOTO_PUBLIK, pengaduan__in=items).order_by("id"):
        by_item[foto.pengaduan_id].append(foto)
    for p in items:
        p.foto_publik = by_item[p.pk]


def _context(page, request):
    desa = getattr(request, "desa_profil", None)
    return {
        "page": page,
        "self": page,
        "zona": TIME_ZONE_ABBR.get(desa.zona_waktu if desa else "", "WIB"),
        "url_register": page.get_url(request) + "register/",
        "url_formulir": page.get_url(request),
        "url_laporan": page.get_url(request) + "laporan/",
    }


def daftar(page, request):
    site = page.get_site()
    qs = queryset(site, request.GET, getattr(request, "desa_profil", None))
    paginator = Paginator(qs, 20)
    # An exact COUNT over a busy village's 100,000 complaints costs more than the rest
    # of the page; the register shows only public data, so the count is kept until a
    # public item changes, per filter combination.
    filters = urlencode(sorted((k, v) for k, v in request.GET.items() if k in FILTER_PARAMS))
    digest = hashlib.blake2b(filters.encode(), digest_size=12).hexdigest()
    paginator.count = pagecache.memoize(
        request, ("register-count", site.pk, digest), qs.count, kinds=(KIND,)
    )
    page_obj = paginator.get_page(request.GET.get("halaman"))
    items = list(page_obj.object_list)
    params = request.GET.copy()
    params.pop("halaman", None)
    base = _context(page, request)
    context = {
        **base,
        "items": items,
        "items_html": _items_html(request, items, base),
        "page_obj": page_obj,
        "querystring": params.urlencode(),
        "filters": request.GET,
        "status_choices": Status.choices,
        "jenis_choices": Jenis.choices,
        "kategori_list": Kategori.objects.filter(site=site),
        "dusun_list": Dusun.objects.filter(profil__site=site),
        "tahun_list": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        "sekarang": timezone.now(),
    }
    return TemplateResponse(request, "pengaduan/register.html", context)


def _items_html(request, items, context):
    """Each item's HTML, kept until a public item changes: one complaint shows on many
    register pages and filter combinations, with its timeline, photos and links (to plan
    activities: other apps' pages), which are looked up only for the items not kept yet."""
    keys = {}
    if pagecache.fragments_enabled():
        prefix = pagecache.fragment_key(
            request, "register-item", translation.get_language(), kinds=ITEM_KINDS
        )
        keys = {p.pk: f"{prefix}:{p.pk}" for p in items}
    cache = pagecache.fragment_cache()
    html = cache.get_many(list(keys.values())) if keys else {}
    missing = [p for p in items if keys.get(p.pk) not in html]
    if missing:
        _attach_events(missing)
        _attach_fotos(missing)
        links = item_links(missing)
        fresh = {}
        for p in missing:
            p.tautan = links.get(p.pk, [])
            rendered = render_to_string(ITEM_TEMPLATE, {**context, "p": p}, request)
            fresh[keys.get(p.pk, p.pk)] = rendered
        if keys:
            cache.set_many(fresh, 3600)
        html.update(fresh)
    return [mark_safe(html[keys.get(p.pk, p.pk)]) for p in items]  # noqa: S308 - rendered


def detail(page, request, kode):
    terbuka = _terbuka(page.get_site()).filter(kode=normalisasi_kode(kode))
    pk = terbuka.values_list("pk", flat=True).first()
    if pk is None:
        raise Http404
    # This page shows one item: it refreshes when that item changes, not with every other
    # (its generation is read before the item is).
    pagecache.shows(request, f"{KIND}:{pk}", *ITEM_KINDS[1:])
    item = terbuka.first()
    _attach_events([item])
    _attach_fotos([item])
    item.tautan = item_links([item]).get(item.pk, [])
    return TemplateResponse(
        request,
        "pengaduan/register_item.html",
        {**_context(page, request), "p": item, "sekarang": timezone.now()},
    )


def foto(page, request, kode, pk):
    """A published redacted photo of a public item; anything else does not exist."""
    item = _terbuka(page.get_site()).filter(kode=normalisasi_kode(kode)).first()
    berkas = None
    if item is not None:
        berkas = Lampiran.objects.filter(FOTO_PUBLIK, pengaduan=item, pk=pk).first()
    if berkas is None:
        raise Http404
    response = FileResponse(berkas.berkas.open("rb"), content_type=berkas.content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    # Short: an officer who hides the photo again should not wait long for caches.
    response["Cache-Control"] = "public, max-age=300"
    return response


PUBLIC_FIELDS = [
    "kode",
    "diterima_pada",
    "jenis",
    "kategori",
    "dusun",
    "judul",
    "ringkasan",
    "status",
    "hasil",
    "hari_tanggapan",
    "tepat_tanggapan",
    "hari_selesai",
    "tepat_selesai",
    "penilaian",
    "tautan",
    "dirujuk_ke",
    "tingkat_usulan",
    "hasil_usulan",
    "rahasia",
]


def jalur_publik(p):
    jalur = getattr(p, "jalur_usulan", None)
    return {
        "tingkat_usulan": jalur.tingkat if jalur else "",
        "hasil_usulan": jalur.hasil if jalur else "",
    }


def baris_publik(p, base_url):
    if p.tersamar:
        return {
            **dict.fromkeys(PUBLIC_FIELDS, ""),
            "diterima_pada": f"{timezone.localtime(p.diterima_pada):%Y-%m}",
            "jenis": p.jenis,
            "kategori": p.kategori.nama if p.kategori_id else "",
            "status": p.status,
            "hari_tanggapan": p.hari_tanggapan,
            "hari_selesai": p.hari_selesai,
            "rahasia": True,
        }
    return {
        "kode": p.kode,
        "diterima_pada": timezone.localtime(p.diterima_pada).isoformat(),
        "jenis": p.jenis,
        "kategori": p.kategori.nama if p.kategori_id else "",
        "dusun": p.lokasi_publik,
        "judul": p.judul_register,
        "ringkasan": p.ringkasan_publik,
        "status": p.status,
        "hasil": p.hasil,
        "hari_tanggapan": p.hari_tanggapan,
        "tepat_tanggapan": p.tepat_tanggapan,
        "hari_selesai": p.hari_selesai,
        "tepat_selesai": p.tepat_selesai,
        "penilaian": p.penilaian,
        "tautan": f"{base_url}{p.kode}/",
        "dirujuk_ke": p.dirujuk_ke,
        **jalur_publik(p),
        "rahasia": False,
    }


def ekspor(page, request, fmt):
    base_url = request.build_absolute_uri(page.get_url(request) + "register/")
    rows = (
        baris_publik(p, base_url)
        for p in queryset(
            page.get_site(), request.GET, getattr(request, "desa_profil", None)
        ).iterator()
    )
    if fmt == "json":
        response = HttpResponse(
            json.dumps({"data": list(rows)}, ensure_ascii=False), content_type="application/json"
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="register-pengaduan.csv"'
        writer = csv.DictWriter(response, fieldnames=PUBLIC_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(aman_baris(row))
    return response


def rss(page, request):
    site = page.get_site()
    base_url = request.build_absolute_uri(page.get_url(request) + "register/")
    feed = Rss201rev2Feed(
        title=_("Register pengaduan %(desa)s") % {"desa": site.site_name},
        link=base_url,
        description=_("Pengaduan, saran dan aspirasi warga yang sudah diverifikasi."),
        language="id",
    )
    for p in queryset(site, {})[:30]:
        if p.tersamar:
            feed.add_item(**_rss_tersamar(p, base_url))
            continue
        feed.add_item(
            title=f"{p.kode}: {p.judul_register}",
            link=f"{base_url}{p.kode}/",
            description=f"{p.get_status_display()}. {p.ringkasan_publik}",
            pubdate=p.diterima_pada,
            unique_id=f"{base_url}{p.kode}/",
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def _rss_tersamar(p, base_url):
    """A confidential item in the feed: no code, title, summary or dusun."""
    bulan = timezone.localtime(p.diterima_pada)
    label = _("Laporan rahasia")
    kategori = f" · {p.kategori.nama}" if p.kategori_id else ""
    return {
        "title": f"{label}: {p.get_jenis_display()}{kategori}",
        "link": base_url,
        "description": f"{p.get_status_display()}. {bulan:%m/%Y}",
        "pubdate": bulan.replace(day=1, hour=0, minute=0, second=0, microsecond=0),
        "unique_id": f"{base_url}#rahasia-{p.pk}",
    }
