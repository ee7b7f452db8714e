"""English translations of the demo's pages, made with wagtail-localize's own machinery.

The demo writes Indonesian; synchronize_tree gives every page an English alias that
still shows Indonesian. Here each page's source is extracted the way the admin's
"Translate" button does it, every segment found in the demo's dictionary
(Indonesian text -> English text) gets a StringTranslation, and the translation is
saved and published. Segments the dictionary lacks keep the Indonesian text, so a
village can see what is left to translate in the admin's translation editor.
"""

from wagtail import hooks
from wagtail.models import Locale, Page

from sitecore.demo.artikel import kamus_artikel
from sitecore.demo.statistik import KATEGORI as STATISTIK

# Section and profile page titles, and texts every village shares. Per-village texts
# (home page, articles) come from the villages' data; the other apps add theirs
# through the `register_demo_kamus` hook.
UMUM = {
    "Profil Desa": "Village Profile",
    "Artikel": "News",
    "Agenda": "Events",
    "Statistik": "Statistics",
    "Pengaduan": "Complaints",
    "Transparansi": "Transparency",
    "Galeri Kegiatan Desa": "Village Gallery",
    "Sejarah Desa": "Village History",
    "Visi dan Misi": "Vision and Mission",
    "Visi": "Vision",
    "Misi": "Mission",
    "Lembaga Desa": "Village Institutions",
    "Struktur Organisasi": "Organisation Chart",
    "Sambutan Kepala Desa": "A Word from the Village Head",
    "Direktori Desa": "Village Directory",
    "Situs-situs desa yang dilayani instalasi Desa Terbuka ini. "
    "Pilih desa untuk membaca berita, melihat agenda, statistik dan anggaran, "
    "atau menyampaikan pengaduan.": (
        "The village sites served by this Desa Terbuka installation. Choose a village "
        "to read its news, see its events, statistics and budget, or file a complaint."
    ),
}

STATISTIK_EN = {
    "jenis_kelamin": "Sex",
    "kelompok_umur": "Age Groups",
    "pendidikan": "Education of Household Members",
    "pekerjaan": "Occupation",
    "agama": "Religion",
    "status_perkawinan": "Marital Status",
    "wilayah": "Hamlets",
    "warga_negara": "Citizenship",
    "golongan_darah": "Blood Type",
    "disabilitas": "Persons with Disabilities",
}


# Each statistics page's description, in English; {desa} is the village, {judul} the
# category's English title.
KETERANGAN_EN = {
    "pendidikan": "Highest education of all residents of {desa} as recorded on the family "
    "card (KK), including children not yet at school.",
    "pekerjaan": "Occupation of all residents of {desa} as recorded on the family card "
    "(KK); children and residents not working are counted as “not (yet) working”.",
    "disabilitas": "Residents of {desa} with disabilities by type, from the village's own "
    "survey (not the whole population).",
}
KETERANGAN_UMUM_EN = "All residents of {desa} by {judul}, from the population register."


def kamus_desa(data):
    """Indonesian -> English for one village: shared texts, its own, and the apps'."""
    kamus = dict(UMUM)
    en = data.get("en", {})
    nama = data["nama"]
    pairs = [
        (f"Desa {nama}", f"Desa {nama}"),  # the village's name, as on its signboard
        (data["intro"], en.get("intro")),
        (data["sejarah"], en.get("sejarah")),
        (data["visi"], en.get("visi")),
        (f"Sejarah, visi dan misi, serta lembaga Desa {nama}.", en.get("ringkasan_profil")),
        (f"Asal-usul dan perjalanan Desa {nama}.", f"The origins and story of {nama}."),
        (f"Aparatur Pemerintah Desa {nama}.", f"The officials of {nama} village government."),
        (
            f"Foto kegiatan warga dan pemerintah Desa {nama}.",
            f"Photos of activities of the residents and government of {nama}.",
        ),
        (f"Hamparan sawah di Desa {nama}.", f"Rice fields in {nama}."),
        (f"Tim Media Desa {nama}", f"{nama} Village Media Team"),
    ]
    pairs += zip(data["misi"], en.get("misi", []), strict=False)
    pairs += zip(_paragraphs(data["sambutan"]), _paragraphs(en.get("sambutan", "")), strict=False)
    for (nama_id, tugas_id), (nama_en, tugas_en) in zip(
        data["lembaga"], en.get("lembaga", []), strict=False
    ):
        kamus[f"<b>{nama_id}</b>: {tugas_id}"] = f"<b>{nama_en}</b>: {tugas_en}"
    kamus.update(kamus_artikel(data))
    for kategori in STATISTIK:
        title, english = kategori.judul, STATISTIK_EN[kategori.jenis]
        kamus[title] = english
        keterangan = kategori.keterangan.format(judul=title.lower(), desa=nama)
        kamus[keterangan] = KETERANGAN_EN.get(kategori.jenis, KETERANGAN_UMUM_EN).format(
            judul=english.lower(), desa=nama
        )
        kamus[f"Data {title.lower()} penduduk Desa {nama} dari administrasi kependudukan desa."] = (
            f"{english} of the residents of {nama}, from the village population register."
        )
    for fn in hooks.get_hooks("register_demo_kamus"):
        kamus.update(fn(data))
    kamus.update({id_: en_ for id_, en_ in pairs if en_})
    return kamus


def _paragraphs(html):
    return [p.split("</p>")[0] for p in html.split("<p>")[1:]]


def terjemahkan(page, kamus, locale):
    """Translate `page` into `locale` from `kamus`; returns the texts it had no entry for."""
    from wagtail_localize.models import (
        StringSegment,
        StringTranslation,
        Translation,
        TranslationSource,
    )

    source, _created = TranslationSource.update_or_create_from_instance(page)
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        teks = segment.string.data
        if segment.context.path == "slug":
            continue  # URLs keep the Indonesian slug: links shared by villagers stay valid
        english = kamus.get(teks)
        if english is None:
            missing.append(teks)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": english, "translation_type": "manual"},
        )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=True)
    return missing


def terjemahkan_direktori():
    from sitecore.models import DirektoriPage

    en = Locale.objects.get(language_code="en")
    for page in DirektoriPage.objects.filter(locale__language_code="id").live():
        terjemahkan(page, UMUM, en)


def terjemahkan_desa(site, data):
    """Every live Indonesian page of the village, translated into English."""
    from django.utils import translation

    from sitecore.models import DesaProfil

    en = Locale.objects.get(language_code="en")
    kamus = kamus_desa(data)
    # The home's meta description names the region the way the header shows it.
    profil = DesaProfil.for_site(site)
    with translation.override("id"):
        wilayah_id = profil.wilayah
    with translation.override("en"):
        wilayah_en = profil.wilayah
    kamus[f"Situs resmi Desa {data['nama']}, {wilayah_id}."] = (
        f"Official site of Desa {data['nama']}, {wilayah_en}."
    )
    missing = []
    pages = Page.objects.descendant_of(site.root_page, inclusive=True).live().specific()
    for page in pages.filter(locale=site.root_page.locale).order_by("path"):
        english = page.get_translations().filter(locale=en).first()
        if english is not None and english.alias_of_id is None:
            continue  # translated by an earlier run (or by hand): left as it is
        missing += terjemahkan(page, kamus, en)
    return missing


def bacaan_inggris():
    """A translation starts unread; the demo's English readers are a third of the others.

    Run after the translations are committed (see seed)."""
    from sitecore.models import ArtikelPage

    en = Locale.objects.get(language_code="en")
    artikel = ArtikelPage.objects.filter(locale__language_code="id")
    for translation_key, dibaca in artikel.values_list("translation_key", "jumlah_dibaca"):
        ArtikelPage.objects.filter(
            translation_key=translation_key, locale=en, jumlah_dibaca=0
        ).update(jumlah_dibaca=dibaca // 3)
