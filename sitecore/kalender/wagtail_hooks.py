"""The holiday calendar in the admin, with its history kept per village."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from sitecore.kalender.admin import HariLiburViewSet
from sitecore.kalender.models import HariLibur
from sitecore.models.audit import DesaLogEntry

register_snippet(HariLiburViewSet)


@hooks.register("register_log_actions")
def hari_libur_log(actions):
    actions.register_model(HariLibur, DesaLogEntry)
    # Written by the apps that store deadlines, when a correction moves them.
    actions.register_action(
        "desa.tenggat_dihitung_ulang",
        _("Tenggat dihitung ulang"),
        _("Tenggat dihitung ulang karena kalender hari libur berubah"),
    )
