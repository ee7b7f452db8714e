from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TransparansiConfig(AppConfig):
    name = "transparansi"
    verbose_name = _("Transparansi dan informasi publik")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The public request register and PPID report are cached whole-page.
        from sitecore.pagecache.cache import invalidate_on_change
        from transparansi.models import PermohonanInformasi

        invalidate_on_change(PermohonanInformasi, lambda request: request.site)
