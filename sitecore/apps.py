from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitecoreConfig(AppConfig):
    name = "sitecore"
    verbose_name = _("Inti situs desa")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitecore import gambar_admin, pagecache

        pagecache.connect_signals()
        gambar_admin.connect_signals()
