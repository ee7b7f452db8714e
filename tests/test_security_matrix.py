"""Cross-village access matrix: every role of village A against every object of village B.

Each object view (admin and public, by id or code) must answer 403/404 or a redirect
away, never 200 with B's data; POSTs must change nothing; B's objects must not show in
A's listings, exports, admin search, public search, feeds or sitemap.
"""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from pengaduan import layanan
from pengaduan.models import (
    Kategori,
    Lampiran,
    Pengaduan,
    RekomendasiUmpanBalik,
    TemplateTanggapan,
)
from pengaduan.testing import _private_root  # noqa: F401
from pengaduan.workflow import Status
from sitecore.models import DesaProfil, Komentar
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel
from tests.test_statistik_data import buat_statistik
from tests.test_transparansi_halaman import buat_apbdes
from tests.test_transparansi_ppid import permohonan

# Every object of village B carries this word, so any leak is visible in a body.
RAHASIA = "Zirkonbeta"
# ... and this one, which searches use: a query is echoed, RAHASIA must not be.
CARI = "Kuarsalima"
TANDA = f"{RAHASIA} {CARI}"
ROLES = [
    Peran.EDITOR,
    Peran.PPID,
    Peran.PETUGAS_PENGADUAN,
    Peran.KOORDINATOR_PENGADUAN,
    Peran.RELAWAN_JID,
]


def _objects_of(site):
    """One of everything in village `site`, each marked with RAHASIA."""
    from datetime import date

    profil = DesaProfil.for_site(site)
    artikel = buat_artikel(section(site, "artikel"), f"Berita {TANDA}")
    image = Image.objects.create(
        title=f"Foto {TANDA}", file=get_test_image_file(), collection=profil.koleksi
    )
    document = Document.objects.create(
        title=f"Dokumen {TANDA}",
        file=ContentFile(b"%PDF-1.4\n%%EOF", name="perdes.pdf"),
        collection=profil.koleksi,
    )
    komentar = Komentar.objects.create(
        site=site, page=artikel, nama=f"Warga {TANDA}", pesan=f"Pesan {TANDA}"
    )
    kategori = Kategori.objects.create(site=site, nama=f"Kategori {TANDA}")
    templat = TemplateTanggapan.objects.create(
        site=site, status=Status.SELESAI, judul=f"Templat {TANDA}", teks=f"Isi {TANDA}"
    )
    rekomendasi = RekomendasiUmpanBalik.objects.create(
        site=site, tahun=2026, teks=f"<p>Rekomendasi {TANDA}</p>", diterbitkan=True
    )
    item = layanan.buat_pengaduan(
        site=site,
        data={
            "jenis": "pengaduan",
            "judul": f"Judul {TANDA}",
            "uraian": f"Uraian {TANDA} yang panjang.",
            "nama": f"Pelapor {TANDA}",
            "email": "pelapor@example.test",
        },
    )[0]
    item.judul_publik = f"Publik {TANDA}"
    item.kategori = kategori
    item.save()
    layanan.ubah_status(item, Status.DIVERIFIKASI, user=None)
    lampiran = Lampiran.objects.create(
        pengaduan=item,
        berkas=ContentFile(b"%PDF-1.4\n%%EOF", name="bukti.pdf"),
        nama_asli="bukti.pdf",
        content_type="application/pdf",
    )
    minta = permohonan(site)
    minta.rincian = f"Rincian {TANDA}"
    minta.nama = f"Pemohon {TANDA}"
    minta.save()
    apbdes = buat_apbdes(site, title=f"APBDes {TANDA}")
    statistik = buat_statistik(
        section(site, "statistik"),
        f"Statistik {TANDA}",
        "agama",
        [(date(2025, 12, 31), [(f"Kelompok {TANDA}", 1, 2)], None)],
    )
    return dict(
        artikel=artikel,
        image=image,
        document=document,
        komentar=komentar,
        kategori=kategori,
        templat=templat,
        rekomendasi=rekomendasi,
        item=item,
        lampiran=lampiran,
        permohonan=minta,
        apbdes=apbdes,
        statistik=statistik,
    )


def _admin_object_urls(o, site):
    page = o["artikel"].pk
    item = o["item"].pk
    return [
        # Wagtail page admin
        f"/admin/pages/{page}/edit/",
        f"/admin/pages/{page}/history/",
        f"/admin/pages/{page}/revisions/",
        f"/admin/pages/{page}/delete/",
        f"/admin/pages/{page}/move/",
        f"/admin/pages/{page}/copy/",
        f"/admin/pages/{page}/unpublish/",
        f"/admin/pages/{page}/edit/preview/",
        f"/admin/pages/{page}/view_draft/",
        f"/admin/pages/{page}/usage/",
        f"/admin/pages/add/sitecore/artikelpage/{section(site, 'artikel').pk}/",
        # images and documents
        reverse("wagtailimages:edit", args=[o["image"].pk]),
        reverse("wagtailimages:delete", args=[o["image"].pk]),
        reverse("wagtailimages:image_usage", args=[o["image"].pk]),
        reverse("wagtaildocs:edit", args=[o["document"].pk]),
        reverse("wagtaildocs:delete", args=[o["document"].pk]),
        reverse("wagtaildocs:document_usage", args=[o["document"].pk]),
        # comments
        reverse("komentar:edit", args=[o["komentar"].pk]),
        reverse("komentar:inspect", args=[o["komentar"].pk]),
        reverse("komentar:delete", args=[o["komentar"].pk]),
        reverse("komentar:history", args=[o["komentar"].pk]),
        reverse("komentar:usage", args=[o["komentar"].pk]),
        # complaints
        reverse("pengaduan:edit", args=[item]),
        reverse("pengaduan:inspect", args=[item]),
        reverse("pengaduan:delete", args=[item]),
        reverse("pengaduan:history", args=[item]),
        reverse("pengaduan:usage", args=[item]),
        reverse("pengaduan:tindak_lanjut", args=[item]),
        reverse("pengaduan:tanda_terima", args=[item]),
        reverse("pengaduan:lampiran", args=[o["lampiran"].pk]),
        reverse("pengaduan:salinan_tersamar", args=[o["lampiran"].pk]),
        reverse("pengaduan:lampiran_publik", args=[o["lampiran"].pk]),
        reverse("pengaduan_kategori:edit", args=[o["kategori"].pk]),
        reverse("pengaduan_kategori:delete", args=[o["kategori"].pk]),
        reverse("pengaduan_template:edit", args=[o["templat"].pk]),
        reverse("pengaduan_template:delete", args=[o["templat"].pk]),
        reverse("pengaduan_rekomendasi:edit", args=[o["rekomendasi"].pk]),
        reverse("pengaduan_rekomendasi:delete", args=[o["rekomendasi"].pk]),
        reverse("pengaduan_rekomendasi:history", args=[o["rekomendasi"].pk]),
        reverse("pengaduan_laporan:index") + f"?site={site.pk}",
        reverse("pengaduan_laporan:index") + f"?site={site.pk}&format=csv",
        # information requests, APBDes import, statistics import
        reverse("permohonan_informasi:edit", args=[o["permohonan"].pk]),
        reverse("permohonan_informasi:inspect", args=[o["permohonan"].pk]),
        reverse("permohonan_informasi:delete", args=[o["permohonan"].pk]),
        reverse("permohonan_informasi:history", args=[o["permohonan"].pk]),
        reverse("transparansi_apbdes_impor", args=[o["apbdes"].pk]),
        reverse("sitecore_statistik_impor_csv", args=[o["statistik"].pk]),
        # site settings
        f"/admin/settings/sitecore/desaprofil/{site.pk}/",
        f"/admin/settings/sitecore/sinergisetting/{site.pk}/",
    ]


def _denied(response, url):
    """403/404, or a redirect somewhere else (Wagtail's permission-denied -> admin home)."""
    if response.status_code in (403, 404):
        return True
    if response.status_code in (301, 302):
        return url.split("?")[0] not in response["Location"]
    return False


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


@pytest.fixture
def dunia(desa_a, desa_b):
    return _objects_of(desa_b)


def _counts(o):
    return (
        Page.objects.filter(pk=o["artikel"].pk, live=True).count(),
        Image.objects.filter(pk=o["image"].pk).count(),
        Document.objects.filter(pk=o["document"].pk).count(),
        Komentar.objects.filter(pk=o["komentar"].pk).count(),
        Pengaduan.objects.filter(pk=o["item"].pk, status=Status.DIVERIFIKASI).count(),
        Kategori.objects.filter(pk=o["kategori"].pk, nama__contains=RAHASIA).count(),
        RekomendasiUmpanBalik.objects.filter(
            pk=o["rekomendasi"].pk, teks__contains=RAHASIA
        ).count(),
        DesaProfil.for_site(o["item"].site).nama_desa,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ROLES)
def test_role_of_a_cannot_open_or_change_objects_of_b(
    peran, desa_a, desa_b, dunia, make_staff, client
):
    client.force_login(make_staff(desa_a, peran))
    before = _counts(dunia)
    leaks = []
    for url in _admin_object_urls(dunia, desa_b):
        response = client.get(url)
        shown = RAHASIA.encode() in _body(response)
        if response.status_code >= 500 or shown or not _denied(response, url):
            leaks.append(("GET", url, response.status_code))
        post = client.post(
            url,
            {
                "title": "Dibajak",
                "nama": "Dibajak",
                "nama_desa": "Dibajak",
                "status": Status.DITOLAK,
                "tujuan": "selesai",
                "catatan": "Dibajak",
                "new_parent_page": str(desa_a.root_page.pk),
            },
        )
        if post.status_code >= 500 or not (_denied(post, url) or post.status_code == 405):
            leaks.append(("POST", url, post.status_code))
    assert not leaks, leaks
    assert _counts(dunia) == before


@pytest.mark.django_db
@pytest.mark.parametrize("peran", ROLES)
def test_listings_exports_and_admin_search_of_a_never_show_b(
    peran, desa_a, desa_b, dunia, make_staff, client
):
    client.force_login(make_staff(desa_a, peran))
    urls = [
        "/admin/",
        f"/admin/pages/search/?q={CARI}",
        f"/admin/search/?q={CARI}",
        f"/admin/pages/{desa_b.root_page.pk}/",
        "/admin/images/",
        f"/admin/images/?q={CARI}",
        "/admin/documents/",
        f"/admin/documents/?q={CARI}",
        "/admin/images/chooser/",
        "/admin/documents/chooser/",
        "/admin/choose-page/",
        f"/admin/choose-page/search/?q={CARI}",
        reverse("komentar:index") + f"?q={CARI}",
        reverse("pengaduan:index"),
        reverse("pengaduan:index") + f"?q={CARI}",
        reverse("pengaduan:index") + "?export=csv",
        reverse("pengaduan:index") + "?export=xlsx",
        reverse("pengaduan_kategori:index"),
        reverse("pengaduan_template:index"),
        reverse("pengaduan_rekomendasi:index"),
        reverse("pengaduan_laporan:index"),
        reverse("permohonan_informasi:index") + f"?q={CARI}",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
    ]
    leaks = []
    for url in urls:
        response = client.get(url)
        body = _body(response)
        if url.endswith("xlsx") and response.status_code == 200:
            sheet = load_workbook(io.BytesIO(body)).active
            body = repr(list(sheet.iter_rows(values_only=True))).encode()
        if response.status_code >= 500 or RAHASIA.encode() in body:
            leaks.append((url, response.status_code))
    assert not leaks, leaks


@pytest.mark.django_db
def test_public_codes_search_feeds_and_sitemap_of_a_never_show_b(desa_a, desa_b, dunia, client_for):
    item, minta = dunia["item"], dunia["permohonan"]
    public_a, public_b = client_for(desa_a), client_for(desa_b)
    # B's own host serves B's objects (the matrix is not vacuous) ...
    assert public_b.get(f"/pengaduan/register/{item.kode}/").status_code == 200
    assert dunia["artikel"].slug in public_b.get("/sitemap.xml").content.decode()
    assert public_b.get(dunia["document"].url).status_code == 200
    assert RAHASIA in public_b.get("/artikel/feed/").content.decode()
    assert RAHASIA in public_b.get("/pengaduan/laporan/2026/").content.decode()
    by_code = [
        f"/pengaduan/lacak/{item.kode}/",
        f"/pengaduan/terima/{item.kode}/",
        f"/pengaduan/register/{item.kode}/",
        f"/pengaduan/register/{item.kode}/foto/{dunia['lampiran'].pk}/",
        f"/transparansi/permohonan/{minta.kode_lacak}/",
        f"/artikel/{dunia['artikel'].slug}/",
        f"/artikel/{dunia['artikel'].slug}/komentar/",
        f"/statistik/{dunia['statistik'].slug}/",
        f"/statistik/{dunia['statistik'].slug}/csv/",
        f"/transparansi/{dunia['apbdes'].slug}/",
        f"/transparansi/{dunia['apbdes'].slug}/csv/",
        dunia["document"].url,
    ]
    listings = [
        "/",
        f"/cari/?q={CARI}",
        f"/en/cari/?q={CARI}",
        "/artikel/",
        "/artikel/feed/",
        "/pengaduan/register/",
        "/pengaduan/register/rss/",
        "/pengaduan/register/csv/",
        "/pengaduan/register/json/",
        "/pengaduan/laporan/2026/",
        "/transparansi/register/",
        "/agenda/ical/",
        "/sitemap.xml",
    ]
    leaks = []
    for url in by_code:
        response = public_a.get(url)
        if response.status_code != 404 and RAHASIA.encode() in _body(response):
            leaks.append((url, response.status_code))
        elif response.status_code not in (404, 302, 301):
            leaks.append((url, response.status_code))
    for url in listings:
        response = public_a.get(url)
        if response.status_code >= 500 or RAHASIA.encode() in _body(response):
            leaks.append((url, response.status_code))
    # A tracking check posted to A's form with B's code finds nothing either.
    lacak = public_a.get("/pengaduan/lacak/", {"kode": item.kode})
    if (
        RAHASIA.encode() in lacak.content
        or lacak.status_code == 200
        and item.kode in (lacak.headers.get("Location", ""))
    ):
        leaks.append(("/pengaduan/lacak/?kode", lacak.status_code))
    assert not leaks, leaks


# Known leaks that need a change outside this suite's reach (reported, not yet fixed):
# the strict xfail turns into a failure as soon as they are fixed, so they get moved up.


@pytest.mark.django_db
def test_explorer_of_b_page_hides_it_from_a_editor(desa_a, desa_b, dunia, make_staff, client):
    # Editors hold permissions on both language homes, so their explorable root is the
    # tree root; sitecore.explorer still refuses pages outside their own trees.
    client.force_login(make_staff(desa_a, Peran.EDITOR))
    for url in (f"/admin/pages/{dunia['artikel'].pk}/", f"/admin/pages/{desa_b.root_page.pk}/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert RAHASIA.encode() not in client.get(response["Location"]).content
    results = client.get(f"/admin/pages/{dunia['artikel'].get_parent().pk}/results/")
    assert results.status_code == 302
    # The editor's own pages and the root listing still open, showing only A.
    own = section(desa_a, "artikel")
    assert client.get(f"/admin/pages/{own.pk}/").status_code == 200
    root = client.get("/admin/pages/1/")
    assert root.status_code == 200
    # (Village names are public and appear in Wagtail's site filter; rows must not.)
    assert f"/admin/pages/{desa_a.root_page.pk}/edit/".encode() in root.content
    assert f"/admin/pages/{desa_b.root_page.pk}/edit/".encode() not in root.content


@pytest.mark.django_db
@pytest.mark.parametrize("peran", [Peran.KOORDINATOR_PENGADUAN, Peran.PPID, Peran.EDITOR])
def test_site_history_of_a_shows_only_a_events(peran, desa_a, desa_b, dunia, make_staff, client):
    # Village-scoped models log to DesaLogEntry with their site (sitecore.models.audit).
    mine = layanan.buat_pengaduan(
        site=desa_a,
        data={"jenis": "pengaduan", "judul": "Lampu jalan Alpha", "uraian": "Mati sejak lama."},
    )[0]
    layanan.ubah_status(mine, Status.DIVERIFIKASI, user=None, data={"judul_publik": "Lampu"})
    staff = make_staff(desa_a, peran)
    client.force_login(staff)
    for url in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        response = client.get(url)
        assert response.status_code == 200
        assert RAHASIA.encode() not in response.content
    rows = client.get("/admin/reports/site-history/").content
    if peran == Peran.KOORDINATOR_PENGADUAN:
        assert reverse("pengaduan:edit", args=[mine.pk]).encode() in rows
    else:
        assert reverse("pengaduan:edit", args=[mine.pk]).encode() not in rows
    csv = b"".join(client.get("/admin/reports/site-history/?export=csv").streaming_content)
    assert RAHASIA.encode() not in csv
    # The kabupaten superuser still sees both villages.
    from django.contrib.auth import get_user_model

    boss = get_user_model().objects.create_superuser("bupati", "b@example.test", "x")
    client.force_login(boss)
    assert RAHASIA.encode() in client.get("/admin/reports/site-history/").content
