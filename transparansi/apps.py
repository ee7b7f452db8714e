from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparansiConfig(AppConfig):
    name = "transparansi"
    verbose_name = _("Transparansi dan informasi publik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The public request register and PPID report are cached whole-page.
        from sitecore.pagecache.signals import invalidate_on_change
        from transparansi.models import PermohonanInformasi, TransparansiIndexPage
        from transparansi.models.permohonan import CACHE_KIND as PERMOHONAN

        # Requests are public from the moment they are filed (the register lists them).
        invalidate_on_change(PermohonanInformasi, lambda request: request.site, kinds=(PERMOHONAN,))
        # Progress entries are shown on plan pages without a republish.
        from transparansi.models.program import ProgresKegiatan

        invalidate_on_change(
            ProgresKegiatan,
            lambda entri: entri.kegiatan.page.get_site(),
            kinds=(TransparansiIndexPage.cache_kind,),
        )

        # Stored deadlines follow the holiday calendar.
        from sitecore.kalender.signals import hari_libur_berubah
        from transparansi.permohonan.tenggat_ulang import on_hari_libur_berubah

        hari_libur_berubah.connect(on_hari_libur_berubah, dispatch_uid="permohonan-tenggat")

        # A plan page going live (or not) decides which proposals it accommodates.
        from wagtail.signals import page_published, page_unpublished

        from transparansi.models.rencana import RKPDesPage, RPJMDesPage
        from transparansi.rencana.usulan import on_rencana_berubah

        for model in (RPJMDesPage, RKPDesPage):
            for i, signal in enumerate((page_published, page_unpublished)):
                uid = f"usulan-{model.__name__}-{i}"
                signal.connect(on_rencana_berubah, sender=model, dispatch_uid=uid)
