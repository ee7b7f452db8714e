"""Journey 4: a Relawan JID submits an agenda item in the admin; the editor approves it
through the village's Wagtail workflow; it appears in the month calendar and ICS feed."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from agenda.models import AgendaPage
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.e2e.conftest import MOBILE
from tests.e2e.test_e2e_journey_apbdes import open_footer_menu
from tests.e2e.test_e2e_journey_berita import admin_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

JUDUL = "Posyandu Melati bulan ini"


def test_relawan_submits_editor_approves(
    desa_a, make_staff, page_factory, village_url, live_sites, shot
):
    live_sites(desa_a)
    index = section(desa_a, "agenda")
    hari = timezone.localdate() + timedelta(days=2)

    relawan = make_staff(desa_a, Peran.RELAWAN_JID)
    admin = page_factory(MOBILE)
    admin_login(admin, village_url(desa_a, "/admin/login/"), relawan)
    admin.goto(village_url(desa_a, f"/admin/pages/add/agenda/agendapage/{index.pk}/"))
    admin.locator("#id_title").fill(JUDUL)
    admin.locator("#id_mulai").fill(f"{hari:%Y-%m-%d} 09:00")
    admin.locator("#id_selesai").fill(f"{hari:%Y-%m-%d} 11:00")
    # A click elsewhere closes the date picker, as it does for a person.
    admin.locator("#id_tempat").click()
    admin.locator("#id_tempat").fill("Posyandu Dusun Mekar")
    admin.locator("#id_ringkasan").fill("Penimbangan balita dan imunisasi.")
    # A volunteer cannot publish: the only way out is the moderation workflow.
    assert admin.locator("button[name=action-publish]").count() == 0
    shot(admin, "relawan-form")
    open_footer_menu(admin)
    admin.locator("button[name=action-submit]").click()
    admin.wait_for_url(lambda u: "/add/" not in u)
    acara = AgendaPage.objects.get(title=JUDUL, alias_of__isnull=True)
    assert not acara.live and acara.current_workflow_state is not None

    # The editor approves it from the page editor.
    editor = make_staff(desa_a, Peran.EDITOR)
    ed = page_factory(MOBILE)
    admin_login(ed, village_url(desa_a, "/admin/login/"), editor)
    ed.goto(village_url(desa_a, f"/admin/pages/{acara.pk}/edit/"))
    open_footer_menu(ed)
    ed.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    ed.wait_for_load_state()
    shot(ed, "editor-setuju")
    acara.refresh_from_db()
    deadline = time.monotonic() + 60  # a loaded machine may take a while to publish
    while not acara.live and time.monotonic() < deadline:
        ed.wait_for_timeout(250)
        acara.refresh_from_db()
    assert acara.live

    # Visitors see it in the month calendar and the ICS feed.
    warga = page_factory(MOBILE)
    agenda = index.get_url_parts()[2]
    warga.goto(village_url(desa_a, f"{agenda}kalender/{hari.year}/{hari.month}/"))
    # On a phone the day is marked in the grid and the month's events listed below it.
    hari_ini = warga.locator("table.kalender td.kal-ada", has_text=str(hari.day))
    assert hari_ini.count() == 1
    assert warga.locator("main").get_by_role("link", name=JUDUL).first.is_visible()
    shot(warga, "kalender")
    warga.goto(village_url(desa_a, acara.get_url_parts()[2]))
    assert warga.locator("h1").inner_text() == JUDUL
    # The feed, fetched by the page itself (the browser maps *.test to the live server).
    ics = warga.evaluate(
        """async url => {
            const r = await fetch(url);
            return {status: r.status, type: r.headers.get("content-type"), body: await r.text()};
        }""",
        village_url(desa_a, f"{agenda}ical/"),
    )
    assert ics["status"] == 200 and "text/calendar" in ics["type"]
    body = ics["body"]
    assert f"SUMMARY:{JUDUL}" in body.replace("\r\n ", "")
    # 09:00 typed in the admin is the village's wall-clock time (WITA).
    assert f"DTSTART;TZID=Asia/Makassar:{hari:%Y%m%d}T090000" in body
