"""List columns for the officers' complaint list: times in each item's village zone.

The list may mix villages of different zones (a district officer, a superuser), so the zone
comes with each row: `dengan_zona()` annotates it in the list's one query, no query per row.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateformat import format as format_tanggal
from django.utils.translation import gettext
from wagtail.admin.ui.tables import Column, TitleColumn

from sitecore.models.profil import TIME_ZONE_ABBR, DesaProfil

ZONA = "_zona_desa"


def dengan_zona(queryset):
    """The queryset with each item's village zone (DesaProfil.zona_waktu) annotated."""
    profil = DesaProfil.objects.filter(site_id=OuterRef("site_id")).values("zona_waktu")[:1]
    return queryset.annotate(**{ZONA: Subquery(profil)})


def waktu_desa(value, zona, fmt="j M Y H:i"):
    """`value` on the village's wall clock with the zone's abbreviation: "3 Des 2026 09:15 WITA"."""
    if value is None:
        return ""
    zona = zona or settings.TIME_ZONE
    lokal = timezone.localtime(value, ZoneInfo(zona))
    return f"{format_tanggal(lokal, fmt)} {TIME_ZONE_ABBR.get(zona, zona)}"


class WaktuDesaColumn(Column):
    """A date-time column shown in the row's village zone (see `dengan_zona`)."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)

    def get_value(self, instance):
        return waktu_desa(getattr(instance, self.accessor), getattr(instance, ZONA, None))


class YaTidakColumn(Column):
    """A yes/no field as words: a plain column prints Python's True/False."""

    def get_value(self, instance):
        return gettext("Ya") if getattr(instance, self.accessor) else gettext("Tidak")


class KodeKeInspectMixin:
    """The list's first column (the code) opens the inspect page, where the officer changes
    status and adds follow-up; the plain edit form stays one click away there."""

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        column_class = self._get_title_column_class(column_class)

        def get_url(instance):
            return self.get_inspect_url(instance) or self.get_edit_url(instance)

        return self._get_custom_column(field_name, column_class, get_url=get_url, **kwargs)
