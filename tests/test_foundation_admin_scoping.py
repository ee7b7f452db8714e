"""Per-village groups reach only their own village in the Wagtail admin."""

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from sitecore.models import DesaProfil, PeranDesa
from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = pytest.mark.django_db


def test_every_village_gets_one_group_per_role(desa_a, desa_b):
    roles_a = set(PeranDesa.objects.filter(site=desa_a).values_list("peran", flat=True))
    assert roles_a == set(Peran.values)
    groups_a = set(PeranDesa.objects.filter(site=desa_a).values_list("group_id", flat=True))
    groups_b = set(PeranDesa.objects.filter(site=desa_b).values_list("group_id", flat=True))
    assert not groups_a & groups_b


def test_editor_can_edit_and_publish_own_village(desa_a, make_staff, client):
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    home = desa_a.root_page.specific
    response = client.get(f"/admin/pages/{home.id}/edit/")
    assert response.status_code == 200
    data = nested_form_data(
        {
            "title": "Desa Alpha Baru",
            "slug": home.slug,
            "intro": "Kalimat baru",
            "sambutan_judul": "Sambutan",
            "sambutan": rich_text("<p>Selamat datang</p>"),
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{home.id}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    home.refresh_from_db()
    assert home.title == "Desa Alpha Baru" and home.live


def test_editor_cannot_edit_or_publish_other_village(desa_a, desa_b, make_staff, client):
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    home_b = desa_b.root_page.specific
    response = client.get(f"/admin/pages/{home_b.id}/edit/")
    assert response.status_code in (302, 403)
    response = client.post(
        f"/admin/pages/{home_b.id}/edit/",
        {"title": "Dibajak", "slug": home_b.slug, "action-publish": "publish"},
    )
    assert response.status_code in (302, 403)
    home_b.refresh_from_db()
    assert home_b.title == "Desa Beta"
    response = client.get(f"/admin/pages/add/sitecore/standardpage/{home_b.id}/")
    assert response.status_code in (302, 403)
    assert not Page.objects.child_of(home_b).filter(title="Dibajak").exists()


def test_editor_does_not_see_other_village_in_explorer(desa_a, desa_b, make_staff, client):
    editor = make_staff(desa_a, Peran.EDITOR)
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert f"/admin/pages/{desa_a.root_page_id}/" in response.text
    # The other village's pages are not listed (its name may appear as a site filter).
    assert f"/admin/pages/{desa_b.root_page_id}/" not in response.text
    response = client.get(f"/admin/pages/{desa_b.root_page_id}/")
    if response.status_code == 200:
        beta_children = section(desa_b, "agenda")
        assert f"/admin/pages/{beta_children.id}/edit/" not in response.text
    else:
        assert response.status_code in (302, 403, 404)


def test_relawan_and_ppid_cannot_edit_home(desa_a, make_staff, client):
    home = desa_a.root_page
    for peran in (Peran.RELAWAN_JID, Peran.PPID, Peran.PETUGAS_PENGADUAN):
        client.force_login(make_staff(desa_a, peran))
        assert client.get(f"/admin/pages/{home.id}/edit/").status_code in (302, 403)


def test_ppid_can_edit_transparansi_only(desa_a, make_staff, client):
    client.force_login(make_staff(desa_a, Peran.PPID))
    transparansi = section(desa_a, "transparansi")
    artikel = section(desa_a, "artikel")
    assert client.get(f"/admin/pages/{transparansi.id}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{artikel.id}/edit/").status_code in (302, 403)


def test_site_settings_only_for_own_village(desa_a, desa_b, make_staff, client):
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    url = "/admin/settings/sitecore/desaprofil/{}/"
    assert client.get(url.format(desa_a.id)).status_code == 200
    assert client.get(url.format(desa_b.id)).status_code in (302, 403)
    response = client.post(url.format(desa_b.id), {"nama_desa": "Dibajak"})
    assert response.status_code in (302, 403)
    assert DesaProfil.for_site(desa_b).nama_desa == "Beta"


def test_editor_sees_only_own_collection_images(desa_a, desa_b, make_staff, client):
    profil_a, profil_b = DesaProfil.for_site(desa_a), DesaProfil.for_site(desa_b)
    Image.objects.create(
        title="Foto Alpha", file=get_test_image_file(), collection=profil_a.koleksi
    )
    img_b = Image.objects.create(
        title="Foto Beta", file=get_test_image_file(), collection=profil_b.koleksi
    )
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    listing = client.get("/admin/images/")
    assert "Foto Alpha" in listing.text and "Foto Beta" not in listing.text
    assert client.get(f"/admin/images/{img_b.id}/").status_code in (302, 403, 404)


def test_village_pages_are_not_routed_to_the_global_moderators(desa_a):
    # Only the agenda section has a (per-village) moderation workflow.
    assert desa_a.root_page.get_workflow() is None
    assert section(desa_a, "artikel").get_workflow() is None
    workflow = section(desa_a, "agenda").get_workflow()
    assert workflow is not None and "Alpha" in workflow.name
