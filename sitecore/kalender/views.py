"""The public calendar page: which days count as working days for a village's deadlines."""

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from sitecore.kalender.rules import KalenderKerja
from sitecore.middleware import desa_home


@require_GET
def hari_kerja(request):
    profil = getattr(request, "desa_profil", None)
    if profil is None:
        raise Http404
    kalender = KalenderKerja.for_site(profil.site)
    tahun = timezone.localdate(timezone.now(), kalender.tz).year
    libur = kalender.holidays.tahun(tahun, translation.get_language())
    return render(
        request,
        "sitecore/hari_kerja.html",
        {
            "page": desa_home(request),
            "page_title": _("Hari kerja dan hari libur %(tahun)s") % {"tahun": tahun},
            "tahun": tahun,
            "kalender": kalender,
            "libur": libur,
            "libur_hari_kerja": [d for d, *_ in libur if d.weekday() < kalender.working_week],
            "dibatalkan": kalender.holidays.dibatalkan(tahun),
        },
    )
