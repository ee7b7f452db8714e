from django.utils.translation import gettext_lazy as _

from sitecore.models.mixins import DesaSectionPage


class AgendaIndexPage(DesaSectionPage):
    """The village's agenda section: events posted by editors and Relawan JID."""

    template = "agenda/agenda_index_page.html"

    class Meta:
        verbose_name = _("indeks agenda")
        verbose_name_plural = _("indeks agenda")
