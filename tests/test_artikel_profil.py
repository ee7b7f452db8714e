"""Article admin form, profile pages (organisation chart, gallery) and partner links."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import GroupSitePermission
from wagtail.test.utils.form_data import nested_form_data, streamfield

from sitecore.models import (
    AlbumFoto,
    AlbumPage,
    Aparatur,
    ArtikelPage,
    DesaProfil,
    KategoriArtikel,
    SinergiProgram,
    SinergiSetting,
    StandardPage,
)
from sitecore.models.roles import Peran
from tests.conftest import section

pytestmark = pytest.mark.django_db


def test_editor_add_form_offers_only_own_categories(client, make_staff, desa_a, desa_b):
    index_a, index_b = section(desa_a, "artikel"), section(desa_b, "artikel")
    KategoriArtikel.objects.create(index_page=index_a, nama="Kabar Alpha")
    KategoriArtikel.objects.create(index_page=index_b, nama="Kabar Beta")
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    response = client.get(f"/admin/pages/add/sitecore/artikelpage/{index_a.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kabar Alpha" in body and "Kabar Beta" not in body
    # And the other village's index is not theirs to add to.
    other = client.get(f"/admin/pages/add/sitecore/artikelpage/{index_b.pk}/")
    assert other.status_code in (302, 403)


def test_future_date_in_admin_schedules_the_article(client, make_staff, desa_a):
    index = section(desa_a, "artikel")
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    later = timezone.localtime(timezone.now() + timedelta(days=5)).replace(microsecond=0)
    data = nested_form_data(
        {
            "title": "Jadwal posyandu bulan depan",
            "slug": "jadwal-posyandu",
            "tanggal_terbit": later.strftime("%Y-%m-%d %H:%M"),
            "penulis": "",
            "kategori": "",
            "tags": "posyandu",
            "ringkasan": "Jadwal baru.",
            "body": streamfield([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(f"/admin/pages/add/sitecore/artikelpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ArtikelPage.objects.get(slug="jadwal-posyandu", locale__language_code="id")
    assert not page.live
    assert page.get_latest_revision().approved_go_live_at is not None


def test_organisation_chart_block_lists_officials(desa_a, client_for):
    profil = DesaProfil.for_site(desa_a)
    Aparatur.objects.create(profil=profil, nama="Sugeng Riyadi", jabatan="Kepala Desa")
    Aparatur.objects.create(profil=profil, nama="Tri Wahyuni", jabatan="Sekretaris Desa")
    page = StandardPage(
        title="Struktur Organisasi",
        slug="struktur",
        body=[{"type": "struktur_organisasi", "value": {"judul": "Pemerintah Desa"}}],
    )
    desa_a.root_page.add_child(instance=page)
    body = client_for(desa_a).get("/struktur/").content.decode()
    assert "Pemerintah Desa" in body
    assert body.index("Sugeng Riyadi") < body.index("Tri Wahyuni")
    assert "Sekretaris Desa" in body


def test_gallery_album_and_home_widget(desa_a, client_for):
    from sitecore.demo import images

    collection = DesaProfil.for_site(desa_a).koleksi
    album = AlbumPage(title="Galeri Kegiatan", slug="galeri", keterangan="Kerja bakti")
    album.foto = [
        AlbumFoto(
            gambar=images.save_image(
                images.landscape("uji", 200, 150), "Foto uji", collection, "u.jpg"
            ),
            keterangan="Kerja bakti di saluran",
        )
    ]
    desa_a.root_page.add_child(instance=album)
    client = client_for(desa_a)
    body = client.get("/galeri/").content.decode()
    assert 'alt="Kerja bakti di saluran"' in body and 'loading="lazy"' in body
    assert "Galeri foto" in client.get("/").content.decode()


def test_sinergi_widget_and_editor_permission_per_village(client, desa_a, desa_b, make_staff):
    setting = SinergiSetting.for_site(desa_a)
    SinergiProgram.objects.create(setting=setting, nama="Puskesmas", tautan="https://example.org/")
    from django.test import Client

    body = Client(HTTP_HOST=desa_a.hostname).get("/").content.decode()
    assert "Sinergi Program" in body and 'href="https://example.org/"' in body
    assert "Sinergi Program" not in Client(HTTP_HOST=desa_b.hostname).get("/").content.decode()
    # Editors get the setting permission for their own village only.
    editor = make_staff(desa_a, Peran.EDITOR)
    perms = GroupSitePermission.objects.filter(group__in=editor.groups.all())
    assert set(perms.values_list("site_id", flat=True)) == {desa_a.pk}
    assert perms.filter(permission__codename="change_sinergisetting").exists()
    client.force_login(editor)
    assert client.get(f"/admin/settings/sitecore/sinergisetting/{desa_a.pk}/").status_code == 200
    assert client.get(f"/admin/settings/sitecore/sinergisetting/{desa_b.pk}/").status_code != 200


def test_editor_admin_screens_render(client, make_staff, desa_a):
    from datetime import date

    from tests.test_statistik_data import ROWS, buat_statistik

    stat = buat_statistik(
        section(desa_a, "statistik"), "Agama", "agama", [(date(2025, 1, 1), ROWS, None)]
    )
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    index = section(desa_a, "artikel")
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    edit = client.get(f"/admin/pages/{stat.pk}/edit/")
    assert edit.status_code == 200
    assert f"/admin/statistik/{stat.pk}/impor-csv/" in edit.content.decode()
    assert client.get("/admin/komentar/").status_code == 200
