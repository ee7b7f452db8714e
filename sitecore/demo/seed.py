"""Idempotent demo seeding: running it again updates, never duplicates."""

import contextlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail import hooks
from wagtail.models import Page, Site

from sitecore.demo import images
from sitecore.demo.villages import DEMO_VILLAGES
from sitecore.models import Aparatur, DesaHomePage, DesaProfil, DirektoriPage, Dusun, StandardPage
from sitecore.models.roles import Peran
from sitecore.provisioning import buat_desa, ensure_locales, groups_for_site

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "desa-terbuka-admin"  # noqa: S105 - demo only, printed on purpose
STAFF_PASSWORD = "desa-terbuka-demo"  # noqa: S105 - demo only, printed on purpose

# Demo staff accounts per village: username suffix -> role.
DEMO_STAFF = {
    "editor": Peran.EDITOR,
    "ppid": Peran.PPID,
    "petugas": Peran.PETUGAS_PENGADUAN,
    "koordinator": Peran.KOORDINATOR_PENGADUAN,
    "relawan": Peran.RELAWAN_JID,
}


def _richtext_paragraphs(text):
    return [{"type": "paragraf", "value": f"<p>{text}</p>"}]


def ensure_directory(port):
    """The installation's default site: a directory of villages at 127.0.0.1/localhost."""
    root = Page.get_first_root_node()
    id_locale, _en = ensure_locales()
    direktori = DirektoriPage.objects.filter(locale=id_locale).first()
    if direktori is None:
        direktori = DirektoriPage(
            title="Direktori Desa",
            slug="direktori",
            locale=id_locale,
            intro=(
                "<p>Situs-situs desa yang dilayani instalasi Desa Terbuka ini. "
                "Pilih desa untuk membaca berita, melihat agenda, statistik dan anggaran, "
                "atau menyampaikan pengaduan.</p>"
            ),
        )
        root.add_child(instance=direktori)
        direktori.save_revision(log_action=False).publish(log_action=False)
    # Wagtail's starter "Welcome" page and its site are replaced by the directory.
    for site in Site.objects.exclude(root_page__in=DesaHomePage.objects.all()):
        if site.root_page_id != direktori.id:
            site.delete()
    for page in root.get_children().filter(depth=2).exclude(id=direktori.id):
        if page.specific_class is Page:
            page.delete()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": port,
            "site_name": "Desa Terbuka",
            "root_page": direktori,
        },
    )
    return direktori


def seed_village(data, port):
    site = Site.objects.filter(hostname=data["hostname"]).first()
    if site is None:
        site = buat_desa(
            data["nama"],
            data["hostname"],
            port=port,
            slug=data["slug"],
            zona_waktu=data["zona_waktu"],
            kecamatan=data["kecamatan"],
            kabupaten=data["kabupaten"],
            provinsi=data["provinsi"],
        )
    elif site.port != port:
        site.port = port
        site.save()

    profil = DesaProfil.for_site(site)
    collection = profil.koleksi
    for field, value in data["profil"].items():
        setattr(profil, field, value)
    profil.logo = images.save_image(
        images.emblem(data["nama"][:2].upper(), data["warna"]),
        f"Logo Desa {data['nama']}",
        collection,
        f"logo-{data['slug']}.png",
        fmt="PNG",
    )
    profil.save()

    if not profil.dusun.exists():
        for order, (nama, kadus) in enumerate(data["dusun"]):
            Dusun.objects.create(profil=profil, nama=nama, kepala_dusun=kadus, sort_order=order)
    if not profil.aparatur.exists():
        for order, (nama, jabatan) in enumerate(data["aparatur"]):
            foto = images.save_image(
                images.portrait(f"{data['slug']}-{order}"),
                f"Foto {nama}",
                collection,
                f"aparatur-{data['slug']}-{order}.jpg",
            )
            Aparatur.objects.create(
                profil=profil, nama=nama, jabatan=jabatan, foto=foto, sort_order=order
            )

    home = site.root_page.specific
    home.intro = data["intro"]
    home.sambutan = data["sambutan"]
    home.gambar_utama = images.save_image(
        images.landscape(data["slug"]),
        f"Pemandangan Desa {data['nama']}",
        collection,
        f"pemandangan-{data['slug']}.jpg",
    )
    home.search_description = f"Situs resmi Desa {data['nama']}, {profil.wilayah}."
    home.save_revision(log_action=False).publish(log_action=False)

    seed_profile_pages(home, data, collection)
    return site


def _child(parent, slug, factory):
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = factory()
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    from wagtail_localize.synctree import create_aliases_for_new_page

    create_aliases_for_new_page(page)
    return page, True


def seed_profile_pages(home, data, collection):
    profil_page, _ = _child(
        home,
        "profil",
        lambda: StandardPage(
            title="Profil Desa",
            slug="profil",
            show_in_menus=True,
            ringkasan=f"Sejarah, visi dan misi, serta lembaga Desa {data['nama']}.",
            body=_richtext_paragraphs(data["intro"]),
        ),
    )
    _child(
        profil_page,
        "sejarah",
        lambda: StandardPage(
            title="Sejarah Desa",
            slug="sejarah",
            show_in_menus=True,
            ringkasan=f"Asal-usul dan perjalanan Desa {data['nama']}.",
            body=_richtext_paragraphs(data["sejarah"])
            + [
                {
                    "type": "gambar",
                    "value": {
                        "gambar": images.save_image(
                            images.landscape(data["slug"] + "-sejarah", 900, 500),
                            f"Sawah Desa {data['nama']}",
                            collection,
                            f"sawah-{data['slug']}.jpg",
                        ).id,
                        "keterangan": f"Hamparan sawah di Desa {data['nama']}.",
                        "teks_alternatif": f"Sawah berundak di Desa {data['nama']}",
                    },
                }
            ],
        ),
    )
    misi = "".join(f"<li>{m}</li>" for m in data["misi"])
    _child(
        profil_page,
        "visi-misi",
        lambda: StandardPage(
            title="Visi dan Misi",
            slug="visi-misi",
            show_in_menus=True,
            body=[
                {"type": "judul", "value": {"teks": "Visi", "level": "h2"}},
                {"type": "kutipan", "value": {"kutipan": data["visi"], "sumber": ""}},
                {"type": "judul", "value": {"teks": "Misi", "level": "h2"}},
                {"type": "paragraf", "value": f"<ol>{misi}</ol>"},
            ],
        ),
    )
    lembaga = "".join(f"<li><b>{nama}</b>: {tugas}</li>" for nama, tugas in data["lembaga"])
    _child(
        profil_page,
        "lembaga-desa",
        lambda: StandardPage(
            title="Lembaga Desa",
            slug="lembaga-desa",
            show_in_menus=True,
            body=[{"type": "paragraf", "value": f"<ul>{lembaga}</ul>"}],
        ),
    )
    # Keep the profile first in the menu, right after Beranda, in every language:
    # wagtail-localize does not move a page's translations with it.
    for page in [profil_page, *profil_page.get_translations()]:
        first = page.get_parent().get_children().first()
        if first and first.id != page.id:
            page.move(first, pos="left")


def seed_users(sites):
    User = get_user_model()
    admin, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "email": "admin@desa-terbuka.example",
            "first_name": "Admin",
            "last_name": "Kabupaten",
        },
    )
    admin.is_staff = admin.is_superuser = True
    admin.set_password(ADMIN_PASSWORD)
    admin.save()
    accounts = []
    for data, site in sites:
        groups = groups_for_site(site)
        for suffix, peran in DEMO_STAFF.items():
            username = f"{suffix}.{data['slug'].replace('-', '')}"
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@desa-terbuka.example",
                    "first_name": suffix.capitalize(),
                    "last_name": data["nama"],
                },
            )
            user.set_password(STAFF_PASSWORD)
            user.save()
            user.groups.add(groups[peran])
            accounts.append((site, username, peran))
    return accounts


@contextlib.contextmanager
def indeks_sekali():
    """Search and reference index updates: once per object, when seeding is done.

    Wagtail updates both indexes on every save, and seeding saves each page some ten
    times (the page, its revisions, its publication, its alias, its translation): those
    updates were a third of the seeding time. Here they are collected and queued once
    per object after the last save, through the same tasks, so the indexes end up as
    the saves would have left them. Not thread-safe: for a command, not a web request.
    """
    from modelsearch import signal_handlers as search
    from wagtail import signal_handlers as references

    pending = {}  # (task, args) in the order last asked for, as the saves ran them

    class Tunda:
        def __init__(self, task):
            self.task = task

        def enqueue(self, *args):
            pending.pop((self.task, args), None)
            pending[self.task, args] = None

    tasks = search.insert_or_update_object_task, references.update_reference_index_task
    search.insert_or_update_object_task = Tunda(tasks[0])
    references.update_reference_index_task = Tunda(tasks[1])
    try:
        yield
    finally:
        search.insert_or_update_object_task = tasks[0]
        references.update_reference_index_task = tasks[1]
    with transaction.atomic():
        for task, (app_label, model_name, pk) in pending:
            # Rows a later save replaced (a page's inline children) are gone: their
            # parent's own update covers them.
            if apps.get_model(app_label, model_name)._base_manager.filter(pk=pk).exists():
                task.enqueue(app_label, model_name, pk)


def seed(port=8000, stdout=None):
    # The index context ends after _seed's commit: the translations publish on commit.
    with indeks_sekali():
        sites, accounts = _seed(port)
    # After the commit: the translations' deferred work publishes the English pages
    # once more, which resets their read counts.
    from sitecore.demo.terjemahan import bacaan_inggris

    bacaan_inggris()
    return sites, accounts


@transaction.atomic
def _seed(port):
    ensure_directory(port)
    sites = [(data, seed_village(data, port)) for data in DEMO_VILLAGES]
    accounts = seed_users(sites)
    # Each app adds its own demo content (articles, agenda, complaints, budgets).
    for fn in hooks.get_hooks("register_demo_seeder"):
        for data, site in sites:
            fn(site=site, data=data)
    # Pages the seeders made without the admin get their English mirrors here, in one go.
    from wagtail_localize.synctree import synchronize_tree

    id_locale, en_locale = ensure_locales()
    synchronize_tree(id_locale, en_locale)
    # ...and then real English content, as a translator would make it in the admin.
    from sitecore.demo.terjemahan import terjemahkan_desa, terjemahkan_direktori

    terjemahkan_direktori()
    for data, site in sites:
        terjemahkan_desa(site, data)
    return sites, accounts
