from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengaduanConfig(AppConfig):
    name = "pengaduan"
    verbose_name = _("Pengaduan dan aspirasi")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Register, report, feeds and widgets are cached whole-page: a change to a public
        # item or its follow-ups refreshes what shows complaints (and that item's page);
        # an item no officer has taken out of Diterima yet shows nowhere.
        from pengaduan.models import (
            JalurUsulan,
            Kategori,
            Pengaduan,
            RekomendasiUmpanBalik,
            TindakLanjut,
        )
        from pengaduan.models.pengaduan import CACHE_KIND as KIND
        from pengaduan.models.pengaduan import terlihat_publik
        from pengaduan.umpan_balik.ringkasan import kinds_untuk
        from sitecore.pagecache.signals import invalidate_on_change

        # The yearly report keeps its counts per month (`kinds_untuk`): a change recounts
        # its item's month, both months when the received date moved.
        invalidate_on_change(
            Pengaduan,
            lambda item: item.site,
            kinds=(KIND,),
            public=terlihat_publik,
            objects=lambda item: (f"{KIND}:{item.pk}", *kinds_untuk(item)),
        )
        for model in (TindakLanjut, JalurUsulan):
            invalidate_on_change(
                model,
                lambda row: row.pengaduan.site,
                kinds=(KIND,),
                public=lambda row: terlihat_publik(row.pengaduan),
                objects=lambda row: (f"{KIND}:{row.pengaduan_id}", *kinds_untuk(row.pengaduan)),
            )
        invalidate_on_change(
            RekomendasiUmpanBalik, lambda r: r.site, kinds=(KIND,), public=lambda r: r.diterbitkan
        )
        # The blank form's fields are a fragment (pengaduan/formulir.html).
        invalidate_on_change(Kategori, lambda k: k.site, kinds=("kategori",))

        # Stored deadlines follow the holiday calendar.
        from pengaduan.tenggat_ulang import on_hari_libur_berubah
        from sitecore.kalender.signals import hari_libur_berubah

        hari_libur_berubah.connect(on_hari_libur_berubah, dispatch_uid="pengaduan-tenggat")
