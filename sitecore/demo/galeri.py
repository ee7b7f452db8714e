"""Demo gallery album, partner links and a profile page with the organisation chart."""

from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.demo import images
from sitecore.models import AlbumFoto, AlbumPage, SinergiProgram, SinergiSetting, StandardPage

SINERGI = [
    ("Kementerian Desa PDT", "https://kemendesa.go.id/", (180, 40, 40)),
    ("Jaringan Informasi Desa", "https://example.org/jid", (30, 90, 150)),
    ("Puskesmas Kecamatan", "https://example.org/puskesmas", (20, 120, 80)),
]
FOTO = [
    "Gotong royong di saluran irigasi",
    "Posyandu balita",
    "Musyawarah desa",
    "Panen raya",
    "Turnamen voli pemuda",
    "Pembangunan jalan usaha tani",
]


def seed_galeri(site, data):
    home = site.root_page.specific
    profil = home.profil
    collection = profil.koleksi if profil else None
    if not home.get_children().filter(slug="galeri").exists():
        album = AlbumPage(
            title="Galeri Kegiatan Desa",
            slug="galeri",
            show_in_menus=False,
            live=False,
            keterangan=f"Foto kegiatan warga dan pemerintah Desa {data['nama']}.",
        )
        album.foto = [
            AlbumFoto(
                gambar=images.save_image(
                    images.landscape(f"{data['slug']}-galeri-{i}", 800, 600),
                    f"{judul} ({data['nama']})",
                    collection,
                    f"galeri-{data['slug']}-{i}.jpg",
                ),
                keterangan=judul,
                sort_order=i,
            )
            for i, judul in enumerate(FOTO)
        ]
        home.add_child(instance=album)
        album.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(album.__class__.objects.get(pk=album.pk))

    profil_page = home.get_children().filter(slug="profil").first()
    if profil_page and not profil_page.get_children().filter(slug="struktur-organisasi").exists():
        page = StandardPage(
            title="Struktur Organisasi",
            slug="struktur-organisasi",
            show_in_menus=True,
            live=False,
            ringkasan=f"Aparatur Pemerintah Desa {data['nama']}.",
            body=[{"type": "struktur_organisasi", "value": {"judul": ""}}],
        )
        profil_page.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(page.__class__.objects.get(pk=page.pk))

    setting = SinergiSetting.for_site(site)
    if not setting.program.exists():
        for i, (nama, url, warna) in enumerate(SINERGI):
            logo = images.save_image(
                images.emblem(nama[:2].upper(), warna, size=128),
                f"Logo {nama}",
                collection,
                f"sinergi-{data['slug']}-{i}.png",
                fmt="PNG",
            )
            SinergiProgram.objects.create(
                setting=setting, nama=nama, tautan=url, logo=logo, sort_order=i
            )
