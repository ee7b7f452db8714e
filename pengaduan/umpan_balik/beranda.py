"""The home-page widget: the latest year's headline figures and a link to the report."""

from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Q
from django.utils import timezone
from wagtail.models import Site

from pengaduan.laporan import rentang
from pengaduan.models.halaman import PengaduanIndexPage
from pengaduan.models.pengaduan import Pengaduan
from pengaduan.umpan_balik import ringkasan
from pengaduan.umpan_balik.hitung import persen
from sitecore.models import DesaProfil
from sitecore.pagecache import cache as pagecache


def ringkasan_tahun(site, tahun, profil=None):
    """Reports received, share answered on time and average rating for one year: from
    the report's kept monthly summaries (a change recounts one month), else counted."""
    if pagecache.fragments_enabled():
        tz = profil.tzinfo if profil else ZoneInfo("Asia/Jakarta")
        n = ringkasan.setahun(Pengaduan.objects.filter(site=site), site, tahun, tz)["n"]
        d = {key: n[key] for key in ("total", "ditanggapi", "tepat_tanggapan")}
        d["rata_rata"] = n["jumlah_nilai"] / n["dinilai"] if n["dinilai"] else None
    else:
        lo, hi = rentang(site, date(tahun, 1, 1), date(tahun, 12, 31), profil)
        d = (
            Pengaduan.objects.filter(site=site, diterima_pada__range=(lo, hi))
            .exclude(penyalahgunaan=True)
            .aggregate(
                total=Count("pk"),
                ditanggapi=Count("pk", filter=Q(ditanggapi_pada__isnull=False)),
                tepat_tanggapan=Count("pk", filter=Q(tepat_tanggapan=True)),
                rata_rata=Avg("penilaian"),
            )
        )
    d["tahun"] = tahun
    d["persen_tepat"] = persen(d["tepat_tanggapan"], d["ditanggapi"])
    return d


def ringkasan_terbaru(site, profil=None, hari_ini=None):
    """This year's figures, or last year's early in a year with no report yet."""
    profil = profil or DesaProfil.objects.filter(site=site).first()
    hari_ini = hari_ini or timezone.localdate(timezone=profil.tzinfo if profil else None)
    for tahun in (hari_ini.year, hari_ini.year - 1):
        d = ringkasan_tahun(site, tahun, profil)
        if d["total"]:
            return d
    return None


def beranda_context(request, page):
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return None
    halaman = PengaduanIndexPage.objects.live().descendant_of(site.root_page).first()
    if halaman is None:
        return None
    d = ringkasan_terbaru(site, getattr(request, "desa_profil", None))
    if d is None:
        return None
    halaman = halaman.localized
    return {"r": d, "url_laporan": halaman.get_url(request) + f"laporan/{d['tahun']}/"}
