from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    name = "pengaduan"
    verbose_name = _("Pengaduan dan aspirasi")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Register, report, feeds and widgets are cached whole-page: any change to an
        # item or its follow-ups refreshes that village's pages.
        from pengaduan.models import JalurUsulan, Pengaduan, RekomendasiUmpanBalik, TindakLanjut
        from sitecore.pagecache.cache import invalidate_on_change

        invalidate_on_change(Pengaduan, lambda item: item.site)
        invalidate_on_change(TindakLanjut, lambda event: event.pengaduan.site)
        invalidate_on_change(JalurUsulan, lambda jalur: jalur.pengaduan.site)
        invalidate_on_change(RekomendasiUmpanBalik, lambda r: r.site)

        # Stored deadlines follow the holiday calendar.
        from pengaduan.tenggat_ulang import on_hari_libur_berubah
        from sitecore.kalender.signals import hari_libur_berubah

        hari_libur_berubah.connect(on_hari_libur_berubah, dispatch_uid="pengaduan-tenggat")
