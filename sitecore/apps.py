from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SitecoreConfig(AppConfig):
    name = "sitecore"
    verbose_name = _("Inti situs desa")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitecore.galeri.models import SinergiProgram, SinergiSetting
        from sitecore.gambar import admin as gambar_admin
        from sitecore.kalender import signals as kalender_signals
        from sitecore.komentar.models import Komentar
        from sitecore.pagecache import signals as pagecache_signals
        from sitecore.pagecache.signals import invalidate_on_change

        pagecache_signals.connect_signals()
        from sitecore import pohon, situs, situs_sinyal

        pohon.install()
        situs.install()
        situs_sinyal.connect_signals()
        # A comment waiting for moderation shows nowhere: it drops nothing.
        invalidate_on_change(
            Komentar,
            lambda komentar: komentar.site,
            kinds=("komentar",),
            public=lambda komentar: komentar.status == Komentar.Status.DISETUJUI,
        )
        invalidate_on_change(SinergiSetting, lambda setting: setting.site, kinds=("sinergi",))
        invalidate_on_change(
            SinergiProgram,
            lambda p: p.setting.site if p.setting_id else None,
            kinds=("sinergi",),
        )
        gambar_admin.connect_signals()
        from django.contrib.auth.signals import user_login_failed

        from sitecore.auth import catat_gagal_masuk

        user_login_failed.connect(catat_gagal_masuk, dispatch_uid="desa-gagal-masuk")
        kalender_signals.connect_signals()
