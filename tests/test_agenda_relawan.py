"""Relawan JID post events for their own village only, through the village's moderation.

Driven through the real Wagtail admin views with the test client.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Page, TaskState, Workflow, WorkflowState
from wagtail.test.utils.form_data import rich_text

from agenda.models import AgendaPage
from sitecore.models import DesaProfil
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_agenda_helpers import acara

WITA = ZoneInfo("Asia/Makassar")
UTC = ZoneInfo("UTC")

pytestmark = pytest.mark.django_db


def asli(**filters):
    """Events in the source language (the English aliases mirror them)."""
    return AgendaPage.objects.filter(alias_of__isnull=True, **filters)


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def add_url(parent, model="agendapage", app="agenda"):
    return reverse("wagtailadmin_pages:add", args=(app, model, parent.id))


def data_acara(title="Posyandu Melati", **extra):
    data = {
        "title": title,
        "slug": extra.pop("slug", "posyandu-melati"),
        "mulai": "2026-11-25 19:00",
        "selesai": "2026-11-25 21:00",
        "frekuensi": "",
        "interval": "1",
        "ulang_sampai": "",
        "ulang_kali": "",
        "tempat": "Posyandu Dusun Mekar",
        "dusun": "",
        "latitude": "",
        "longitude": "",
        "penyelenggara": "Kader posyandu",
        "kontak_nama": "Bu Bidan",
        "kontak_whatsapp": "0812 3456 7890",
        "kategori": "",
        "poster": "",
        "ringkasan": "Penimbangan balita.",
        "deskripsi": rich_text("<p>Bawa buku KIA.</p>"),
    }
    data.update(extra)
    return data


@pytest.fixture
def relawan_a(desa_a, make_staff):
    return make_staff(desa_a, Peran.RELAWAN_JID)


@pytest.fixture
def editor_a(desa_a, make_staff):
    return make_staff(desa_a, Peran.EDITOR)


def _submit(client, desa, title="Posyandu Melati", **extra):
    index = section(desa, "agenda")
    response = client.post(add_url(index), data_acara(title, **{"action-submit": "1", **extra}))
    return response, asli(title=title).first()


def test_provisioning_creates_village_workflow_for_editors(desa_a, desa_b):
    index_a = section(desa_a, "agenda")
    workflow = index_a.get_workflow()
    assert workflow.name == "Moderasi Agenda Desa Alpha"
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("peran_desa__site", flat=True)) == [desa_a.id]
    assert task.groups.get().peran_desa.peran == Peran.EDITOR
    assert section(desa_b, "agenda").get_workflow().name == "Moderasi Agenda Desa Beta"
    # Other sections are not moderated by the agenda workflow.
    assert section(desa_a, "artikel").get_workflow() != workflow
    assert Workflow.objects.filter(name__startswith="Moderasi Agenda").count() == 2


def test_volunteer_sees_help_on_the_add_form_and_dashboard(desa_a, relawan_a):
    client = admin_client(relawan_a)
    response = client.get(add_url(section(desa_a, "agenda")))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cara memasang agenda" in html
    assert 'name="action-publish"' not in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Panduan Relawan JID" in dashboard
    assert add_url(section(desa_a, "agenda")) in dashboard


def test_volunteer_submits_and_editors_are_notified(
    desa_a, desa_b, relawan_a, editor_a, make_staff
):
    editor_b = make_staff(desa_b, Peran.EDITOR)
    mail.outbox.clear()
    response, page = _submit(admin_client(relawan_a), desa_a)
    assert response.status_code == 302
    assert page is not None and not page.live
    assert page.owner == relawan_a
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    recipients = {r for m in mail.outbox for r in m.to}
    assert editor_a.email in recipients
    assert relawan_a.email not in recipients
    assert editor_b.email not in recipients


def test_times_are_read_in_the_village_zone(desa_a, relawan_a):
    # The volunteer's own admin zone (Jakarta) must not shift the village's WITA time.
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(relawan_a)
    profile.current_time_zone = "Asia/Jakarta"
    profile.save()
    _response, page = _submit(admin_client(relawan_a), desa_a)
    draft = page.get_latest_revision_as_object()
    assert draft.mulai == datetime(2026, 11, 25, 11, 0, tzinfo=UTC)
    assert draft.mulai.astimezone(WITA).hour == 19
    assert draft.zona_waktu == "Asia/Makassar"
    # And the edit form shows 19:00 again, not 18:00.
    html = admin_client(relawan_a).get(reverse("wagtailadmin_pages:edit", args=(page.id,)))
    assert "2026-11-25 19:00" in html.content.decode()


def test_end_before_start_is_rejected_with_a_clear_message(desa_a, relawan_a):
    index = section(desa_a, "agenda")
    response = admin_client(relawan_a).post(
        add_url(index), data_acara(selesai="2026-11-25 17:00", **{"action-submit": "1"})
    )
    assert response.status_code == 200
    assert "Waktu selesai tidak boleh sebelum waktu mulai" in response.content.decode()
    assert not asli().exists()


def test_recurrence_needs_an_end(desa_a, relawan_a):
    index = section(desa_a, "agenda")
    response = admin_client(relawan_a).post(
        add_url(index), data_acara(frekuensi="mingguan", **{"action-submit": "1"})
    )
    assert "perlu tanggal akhir atau jumlah pengulangan" in response.content.decode()
    assert not asli().exists()


def test_dusun_and_category_choices_are_the_villages_own(desa_a, desa_b, relawan_a):
    from sitecore.models import Dusun

    Dusun.objects.create(profil=DesaProfil.for_site(desa_a), nama="Karang Bedil")
    Dusun.objects.create(profil=DesaProfil.for_site(desa_b), nama="Serang")
    html = admin_client(relawan_a).get(add_url(section(desa_a, "agenda"))).content.decode()
    assert "Karang Bedil" in html and "Serang" not in html
    assert "Posyandu" in html  # default categories of the village


def test_volunteer_cannot_publish(desa_a, relawan_a):
    index = section(desa_a, "agenda")
    response = admin_client(relawan_a).post(add_url(index), data_acara(**{"action-publish": "1"}))
    assert response.status_code == 302
    page = asli().get()
    assert not page.live
    assert not page.permissions_for_user(relawan_a).can_publish()
    # Publishing an existing draft through the edit view does not work either.
    client = admin_client(relawan_a)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(page.id,)),
        data_acara(**{"action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live


def test_volunteer_cannot_add_in_other_village(desa_a, desa_b, relawan_a):
    index_b = section(desa_b, "agenda")
    client = admin_client(relawan_a)
    assert client.get(add_url(index_b)).status_code in (302, 403)
    client.post(add_url(index_b), data_acara(**{"action-submit": "1"}))
    assert not asli().exists()


def test_volunteer_cannot_edit_other_villages_event(desa_b, relawan_a, client_for):
    page_b = acara(desa_b, "Rapat Beta")
    client = admin_client(relawan_a)
    url = reverse("wagtailadmin_pages:edit", args=(page_b.id,))
    assert client.get(url).status_code in (302, 403)
    client.post(url, data_acara("Diubah", slug="rapat-beta", **{"action-submit": "1"}))
    page_b.refresh_from_db()
    assert page_b.get_latest_revision_as_object().title == "Rapat Beta"


def test_volunteer_cannot_add_under_other_sections(desa_a, relawan_a):
    client = admin_client(relawan_a)
    artikel = section(desa_a, "artikel")
    home = desa_a.root_page
    before = Page.objects.count()
    for parent in (artikel, home):
        url = add_url(parent, model="standardpage", app="sitecore")
        assert client.get(url).status_code in (302, 403)
        client.post(url, {"title": "Coba", "slug": "coba", "action-submit": "1"})
    assert Page.objects.count() == before
    # Nor edit the section pages of other apps.
    url = reverse("wagtailadmin_pages:edit", args=(artikel.id,))
    assert client.get(url).status_code in (302, 403)


def test_approve_makes_the_event_live(desa_a, relawan_a, editor_a, client_for):
    _response, page = _submit(admin_client(relawan_a), desa_a)
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    editor = admin_client(editor_a)
    response = editor.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.id, "approve", task_state.id)),
        {"comment": ""},
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client_for(desa_a).get("/agenda/posyandu-melati/").status_code == 200


def test_request_changes_returns_the_draft_with_the_comment(desa_a, relawan_a, editor_a):
    _response, page = _submit(admin_client(relawan_a), desa_a)
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    mail.outbox.clear()
    admin_client(editor_a).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.id, "reject", task_state.id)),
        {"comment": "Mohon lengkapi nomor WhatsApp bidan."},
    )
    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    # The volunteer is told, and sees the comment in the admin.
    assert relawan_a.email in {r for m in mail.outbox for r in m.to}
    volunteer = admin_client(relawan_a)
    history = volunteer.get(reverse("wagtailadmin_pages:workflow_history", args=(page.id,)))
    detail = volunteer.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=(page.id, state.id))
    )
    assert "Mohon lengkapi nomor WhatsApp bidan." in detail.content.decode()
    assert history.status_code == 200
    # The volunteer can fix and resubmit.
    response = volunteer.post(
        reverse("wagtailadmin_pages:edit", args=(page.id,)),
        data_acara(kontak_whatsapp="0813 1111 2222", **{"action-submit": "1"}),
    )
    assert response.status_code == 302
    assert WorkflowState.objects.filter(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).exists()


def test_editor_of_other_village_cannot_approve(desa_a, desa_b, relawan_a, make_staff):
    editor_b = make_staff(desa_b, Peran.EDITOR)
    _response, page = _submit(admin_client(relawan_a), desa_a)
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk))
    admin_client(editor_b).post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.id, "approve", task_state.id)),
        {"comment": ""},
    )
    page.refresh_from_db()
    assert not page.live


def _png():
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PILImage

    buf = io.BytesIO()
    PILImage.new("RGB", (20, 20), (0, 128, 0)).save(buf, "PNG")
    return SimpleUploadedFile("poster.png", buf.getvalue(), content_type="image/png")


def test_volunteer_uploads_images_only_into_own_collection(desa_a, desa_b, relawan_a):
    from wagtail.images import get_image_model

    Image = get_image_model()
    koleksi_a = DesaProfil.for_site(desa_a).koleksi
    koleksi_b = DesaProfil.for_site(desa_b).koleksi
    client = admin_client(relawan_a)
    url = reverse("wagtailimages:add")
    form = client.get(url).content.decode()
    assert "Desa Beta" not in form
    # With one permitted collection Wagtail drops the field: a forged choice is ignored.
    client.post(url, {"title": "Poster B", "file": _png(), "collection": koleksi_b.id})
    assert not Image.objects.filter(collection=koleksi_b).exists()
    client.post(url, {"title": "Poster A", "file": _png(), "collection": koleksi_a.id})
    assert Image.objects.get(title="Poster A").collection_id == koleksi_a.id
