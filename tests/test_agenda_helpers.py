"""Helpers shared by the agenda tests (this module holds no tests itself)."""

from datetime import datetime

from agenda.models import AgendaPage
from tests.conftest import section


def acara(site, title="Posyandu", mulai=None, live=True, **fields):
    """Create (and publish) an event in `site`'s agenda; `mulai` is aware."""
    index = section(site, "agenda")
    page = AgendaPage(
        title=title,
        mulai=mulai or datetime(2026, 11, 25, 19, 0),
        live=live,
        **{"tempat": "Balai desa", **fields},
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page
