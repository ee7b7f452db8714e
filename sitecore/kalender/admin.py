"""Admin for holiday corrections: kabupaten admins keep national and village entries."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from sitecore.kalender.models import HariLibur


class HariLiburViewSet(SnippetViewSet):
    model = HariLibur
    icon = "calendar"
    menu_label = _("Hari libur")
    add_to_admin_menu = False
    list_display = ["tanggal", "nama", "jenis", "site", "cuti_bersama"]
    list_filter = ["jenis", "site", "cuti_bersama"]
    search_fields = ["nama"]
    ordering = ["-tanggal"]
    panels = [
        FieldPanel("tanggal"),
        FieldPanel("nama"),
        FieldPanel("jenis"),
        FieldPanel("site"),
        FieldPanel("cuti_bersama"),
    ]
