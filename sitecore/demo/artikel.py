"""Demo news: each village its own articles over several months, with their comments."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.demo import images
from sitecore.demo.artikel_karangsari import ARTIKEL as KARANGSARI
from sitecore.demo.artikel_mekarsari import ARTIKEL as MEKAR_SARI
from sitecore.models import ArtikelIndexPage, ArtikelPage, KategoriArtikel, Komentar

# Each village writes its own news, so no title repeats across the installation.
ARTIKEL = {"mekar-sari": MEKAR_SARI, "karangsari": KARANGSARI}


def kamus_artikel(data):
    """Indonesian -> English for the village's articles (title, summary, paragraphs)."""
    kamus = {}
    for _days, _kat, _tags, _utama, indonesia, english, _komentar in ARTIKEL[data["slug"]]:
        kamus[indonesia[0]] = english[0]
        kamus[indonesia[1]] = english[1]
        kamus.update(zip(indonesia[2], english[2], strict=True))
    return kamus


def _index(site):
    return (
        ArtikelIndexPage.objects.descendant_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )


def seed_artikel(site, data):
    index = _index(site)
    if index is None:
        return
    desa = data["nama"]
    collection = site.root_page.specific.profil.koleksi if site.root_page.specific.profil else None
    artikel = ARTIKEL[data["slug"]]
    kategori = {}
    for order, nama in enumerate(dict.fromkeys(a[1] for a in artikel)):
        obj, _ = KategoriArtikel.objects.get_or_create(
            index_page=index, nama=nama, defaults={"sort_order": order}
        )
        kategori[nama] = obj
    now = timezone.now()
    for n, (days, kat, tags, unggulan, teks, _en, komentar) in enumerate(artikel):
        judul, ringkasan, paragraf = teks
        slug = slugify(judul)
        if index.get_children().filter(slug=slug).exists():
            continue
        gambar = images.save_image(
            images.landscape(f"{data['slug']}-artikel-{n}", 960, 540),
            judul,
            collection,
            f"artikel-{data['slug']}-{n}.jpg",
        )
        page = ArtikelPage(
            title=judul,
            slug=slug,
            live=False,
            tanggal_terbit=now - timedelta(days=days, hours=n),
            penulis="Tim Media Desa " + desa,
            kategori=kategori[kat],
            unggulan=unggulan,
            gambar=gambar,
            ringkasan=ringkasan,
            body=[{"type": "paragraf", "value": f"<p>{p}</p>"} for p in paragraf],
        )
        page.tags.add(*tags)
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(page.__class__.objects.get(pk=page.pk))
        if days > 0:
            for nama, pesan, ok in komentar:
                Komentar.objects.create(
                    site=site,
                    page=page,
                    nama=nama,
                    pesan=pesan,
                    status=Komentar.Status.DISETUJUI if ok else Komentar.Status.MENUNGGU,
                )
    # Some reads so "most read" has an order before anyone visits.
    for n, page in enumerate(ArtikelPage.objects.child_of(index).filter(jumlah_dibaca=0)):
        ArtikelPage.objects.filter(pk=page.pk).update(jumlah_dibaca=(n * 37) % 180 + 12)
