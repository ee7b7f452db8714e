"""RPJMDes programmes carried out by RKPDes activities, and activity progress as a dated
history recorded by the PPID editor in the admin, shown publicly as a timeline."""

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.models import DesaProfil
from sitecore.models.roles import Peran
from tests.conftest import section
from transparansi.models import (
    KegiatanRencana,
    ProgramRPJMDes,
    ProgresKegiatan,
    RKPDesPage,
    RPJMDesPage,
)
from transparansi.rencana import aturan
from transparansi.testing import baris_kegiatan, terbitkan_rencana

TAHUN = timezone.localdate().year
AWAL = TAHUN - 1  # the RPJMDes term started last year

# --- plain rules -----------------------------------------------------------------------


def test_programme_years_follow_the_ticked_matrix_columns():
    assert aturan.tahun_program(2025, [True, False, True, False, False, True]) == [
        2025,
        2027,
        2030,
    ]
    assert aturan.tahun_program(2025, [False] * 6) == []


def test_progress_entry_checks():
    hari_ini = date(2026, 8, 10)
    assert aturan.periksa_progres(date(2026, 8, 1), 40, 2026, hari_ini) == {}
    assert set(aturan.periksa_progres(date(2026, 8, 1), 101, 2026, hari_ini)) == {"persen"}
    assert "masa depan" in aturan.periksa_progres(date(2026, 8, 11), 40, 2026, hari_ini)["tanggal"]
    early = aturan.periksa_progres(date(2025, 12, 31), 40, 2026, hari_ini)
    assert "sebelum tahun rencana (2026)" in early["tanggal"]


def test_status_follows_the_latest_percentage():
    assert aturan.status_dari_progres("direncanakan", 30) == "berjalan"
    assert aturan.status_dari_progres("berjalan", 100) == "selesai"
    assert aturan.status_dari_progres("selesai", 80) == "berjalan"
    # Postponed or cancelled is the editor's decision.
    assert aturan.status_dari_progres("tertunda", 40) == "tertunda"
    assert aturan.status_dari_progres("direncanakan", 0) == "direncanakan"


def test_programmes_carried_out_per_year():
    hasil = aturan.pelaksanaan(
        {1: [2025, 2026, 2027], 2: [2027]},
        [(1, 2026, "b"), (1, 2025, "a"), (1, 2026, "c"), (9, 2026, "lain")],
    )
    assert hasil[1] == {"per_tahun": [(2025, ["a"]), (2026, ["b", "c"])], "belum": [2027]}
    assert hasil[2] == {"per_tahun": [], "belum": [2027]}


# --- helpers ----------------------------------------------------------------------------


def _rpjmdes(site, program):
    page = RPJMDesPage(title=f"RPJMDes {AWAL}–{AWAL + 5}", slug="rpjmdes", tahun_mulai=AWAL)
    page.tahun_selesai = AWAL + 5
    page.program = program
    section(site, "transparansi").add_child(instance=page)
    page.save_revision().publish()
    return page


def _program(nama, sub_bidang="2.3", tahun=(1, 2, 3), biaya=600):
    flags = {f"tahun_{i}": i in tahun for i in range(1, 7)}
    return ProgramRPJMDes(
        sub_bidang=sub_bidang,
        nama=nama,
        lokasi="Dusun Krajan",
        sasaran="2.400 m; 320 KK petani",
        biaya=D(biaya) * 1_000_000,
        sumber_dana="DDS",
        **flags,
    )


def _rkpdes(site, tahun, kegiatan):
    page = RKPDesPage(title=f"RKPDes {tahun}", slug=f"rkpdes-{tahun}", tahun_mulai=tahun)
    page.kegiatan = kegiatan
    section(site, "transparansi").add_child(instance=page)
    page.save_revision().publish()
    return page


def _kegiatan(nama, tahun, program=None, **extra):
    return KegiatanRencana(
        nama=nama, bidang="2", biaya=D(95_000_000), tahun_rencana=tahun, program=program, **extra
    )


def _ppid(make_staff, site):
    client = Client(HTTP_HOST=site.hostname)
    client.force_login(make_staff(site, Peran.PPID))
    return client


def _terbitkan(client, plan, **override):
    plan = RKPDesPage.objects.get(pk=plan.pk)
    return terbitkan_rencana(client, plan, [baris_kegiatan(plan.kegiatan.get(), **override)])


def _catat(client, kegiatan, tanggal, persen, catatan="", foto=None):
    data = nested_form_data(
        {
            "tanggal": tanggal.isoformat() if tanggal else "",
            "persen": persen,
            "catatan": catatan,
            "foto": streamfield(foto or []),
        }
    )
    return client.post(f"/admin/transparansi/kegiatan/{kegiatan.pk}/progres/", data)


def _rel(page):
    return page.get_url_parts()[2]


def _hari_ini(site):
    return timezone.localdate(timezone=DesaProfil.for_site(site).tzinfo)


# --- RPJMDes page -----------------------------------------------------------------------


@pytest.mark.django_db
def test_rpjmdes_page_lists_programmes_and_the_activities_that_carried_them_out(desa_a, client_for):
    rpjmdes = _rpjmdes(
        desa_a,
        [
            _program("Pembangunan jalan usaha tani", tahun=(1, 2, 3)),
            _program("Pembangunan embung desa", sub_bidang="2.4", tahun=(5,), biaya=250),
        ],
    )
    jalan, embung = rpjmdes.program.order_by("pk")
    lalu = _rkpdes(desa_a, AWAL, [_kegiatan("Jalan usaha tani tahap I", AWAL, jalan)])
    kini = _rkpdes(desa_a, TAHUN, [_kegiatan("Jalan usaha tani tahap II", TAHUN, jalan)])

    html = client_for(desa_a).get(rpjmdes.url).content.decode()
    assert "Daftar program RPJMDes" in html
    assert "Pembangunan jalan usaha tani" in html and "2.400 m; 320 KK petani" in html
    assert f"{AWAL}, {AWAL + 1}, {AWAL + 2}" in html  # the ticked years
    assert "Rp\xa0600.000.000" in html or "Rp 600.000.000" in html
    assert "2.3 Pekerjaan Umum dan Penataan Ruang" in html
    # Each year's activity, linked to its RKPDes page, with its status.
    tahap1 = lalu.kegiatan.get()
    tahap2 = kini.kegiatan.get()
    assert f'href="{_rel(lalu)}kegiatan/{tahap1.pk}/"' in html
    assert f'href="{_rel(kini)}kegiatan/{tahap2.pk}/"' in html
    assert html.index("Jalan usaha tani tahap I") < html.index("Jalan usaha tani tahap II")
    assert f"Tahun rencana tanpa kegiatan: {AWAL + 2}" in html
    # The embung is planned for a later year and not carried out yet.
    kartu_embung = html.split(f'id="program-{embung.pk}"')[1]
    assert "Belum dilaksanakan." in kartu_embung
    # The activity names its programme.
    detail = client_for(desa_a).get(f"{kini.url}kegiatan/{tahap2.pk}/").content.decode()
    assert f'href="{_rel(rpjmdes)}#program-{jalan.pk}"' in detail


@pytest.mark.django_db
def test_programme_chooser_lists_only_the_villages_own_programmes(desa_a, desa_b, make_staff):
    milik = _rpjmdes(desa_a, [_program("Jalan usaha tani Alpha")]).program.get()
    lain = _rpjmdes(desa_b, [_program("Jalan usaha tani Beta")]).program.get()
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Talud Dusun Krajan", TAHUN)])
    client = _ppid(make_staff, desa_a)

    editor = client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert "Jalan usaha tani Alpha" in editor and "Jalan usaha tani Beta" not in editor

    refused = _terbitkan(client, plan, program=lain.pk)
    assert refused.status_code == 200
    assert "Pilih program dari RPJMDes desa ini sendiri." in refused.content.decode()
    assert plan.kegiatan.get().program_id is None

    assert _terbitkan(client, plan, program=milik.pk).status_code == 302
    assert plan.kegiatan.get().program_id == milik.pk


@pytest.mark.django_db
def test_programme_of_another_term_is_refused(desa_a, make_staff):
    lama = RPJMDesPage(title="RPJMDes lama", slug="rpjmdes-lama", tahun_mulai=TAHUN - 8)
    lama.tahun_selesai = TAHUN - 3
    lama.program = [_program("Program lama")]
    section(desa_a, "transparansi").add_child(instance=lama)
    lama.save_revision().publish()
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Talud", TAHUN)])
    response = _terbitkan(_ppid(make_staff, desa_a), plan, program=lama.program.get().pk)
    assert response.status_code == 200
    assert f"Program ini dari RPJMDes {TAHUN - 8}–{TAHUN - 3}." in response.content.decode()
    assert plan.kegiatan.get().program_id is None


# --- progress history -------------------------------------------------------------------


@pytest.mark.django_db
def test_ppid_editor_records_progress_in_the_admin(desa_a, desa_b, make_staff):
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Talud Dusun Krajan", TAHUN)])
    kegiatan = plan.kegiatan.get()
    ppid = make_staff(desa_a, Peran.PPID)
    client = Client(HTTP_HOST=desa_a.hostname)
    client.force_login(ppid)

    # Reached from the plan page in the admin.
    editor = client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert f"/admin/transparansi/rencana/{plan.pk}/progres/" in editor
    daftar = client.get(f"/admin/transparansi/rencana/{plan.pk}/progres/").content.decode()
    assert f"/admin/transparansi/kegiatan/{kegiatan.pk}/progres/" in daftar
    form = client.get(f"/admin/transparansi/kegiatan/{kegiatan.pk}/progres/")
    assert form.status_code == 200 and "Belum ada progres tercatat." in form.content.decode()

    hari_ini = _hari_ini(desa_a)
    # Bad input: refused with a clear Indonesian error, nothing stored.
    for tanggal, persen, pesan in [
        (hari_ini, 120, "Progres paling tinggi 100%."),
        (hari_ini + timedelta(days=1), 40, "Tanggal progres tidak boleh di masa depan."),
        (date(TAHUN - 1, 12, 31), 40, f"sebelum tahun rencana ({TAHUN})"),
    ]:
        refused = _catat(client, kegiatan, tanggal, persen)
        assert refused.status_code == 400 and pesan in refused.content.decode()
    assert not ProgresKegiatan.objects.exists()
    kegiatan.refresh_from_db()
    assert (kegiatan.progres, kegiatan.status) == (0, "direncanakan")

    # The recorder is the logged-in user, whatever the form says.
    response = _catat(client, kegiatan, date(TAHUN, 1, 1), 30, "Galian pondasi")
    assert response.status_code == 302
    entri = ProgresKegiatan.objects.get()
    assert entri.dicatat_oleh == ppid and entri.catatan == "Galian pondasi"
    kegiatan.refresh_from_db()
    assert (kegiatan.progres, kegiatan.status) == (30, "berjalan")
    # A later date is the activity's progress; an entry dated earlier does not overtake it.
    assert _catat(client, kegiatan, hari_ini, 100).status_code == 302
    assert _catat(client, kegiatan, date(TAHUN, 1, 1), 50).status_code == 302
    kegiatan.refresh_from_db()
    assert (kegiatan.progres, kegiatan.status) == (100, "selesai")

    # Another village's PPID: a 404 on both screens, nothing stored.
    lain = _ppid(make_staff, desa_b)
    assert lain.get(f"/admin/transparansi/rencana/{plan.pk}/progres/").status_code == 404
    assert lain.get(f"/admin/transparansi/kegiatan/{kegiatan.pk}/progres/").status_code == 404
    assert _catat(lain, kegiatan, hari_ini, 10).status_code == 404
    assert ProgresKegiatan.objects.count() == 3


@pytest.mark.django_db
def test_history_survives_republishing_the_plan(desa_a, make_staff):
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Talud Dusun Krajan", TAHUN)])
    kegiatan = plan.kegiatan.get()
    client = _ppid(make_staff, desa_a)
    assert _catat(client, kegiatan, date(TAHUN, 1, 2), 45, "Pasangan batu").status_code == 302

    # The editor republishes from a form that still carries the old revision's values.
    assert _terbitkan(client, plan, nama="Talud penahan tanah Krajan").status_code == 302
    kegiatan = plan.kegiatan.get()
    assert kegiatan.nama == "Talud penahan tanah Krajan"
    assert ProgresKegiatan.objects.get().kegiatan == kegiatan
    assert (kegiatan.progres, kegiatan.status) == (45, "berjalan")
    # Publishing an older revision does not lose the history either.
    plan.revisions.order_by("pk").first().publish()
    kegiatan = plan.kegiatan.get()
    assert ProgresKegiatan.objects.filter(kegiatan=kegiatan).count() == 1
    assert kegiatan.progres == 45


@pytest.mark.django_db
def test_public_timeline_with_photos(desa_a, make_staff, client_for):
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Talud Dusun Krajan", TAHUN)])
    kegiatan = plan.kegiatan.get()
    staff = make_staff(desa_a, Peran.PPID)
    staff.first_name, staff.last_name = "Nurul", "Hidayati"
    staff.save()
    client = Client(HTTP_HOST=desa_a.hostname)
    client.force_login(staff)
    gambar = Image.objects.create(
        title="Talud", file=get_test_image_file(), collection=DesaProfil.for_site(desa_a).koleksi
    )
    foto = [
        (
            "foto",
            {"gambar": gambar.pk, "keterangan": "Pasangan batu", "teks_alternatif": "Talud batu"},
        )
    ]
    assert _catat(client, kegiatan, date(TAHUN, 1, 1), 20, "Galian").status_code == 302
    assert _catat(client, kegiatan, date(TAHUN, 1, 5), 60, "Pasangan", foto).status_code == 302

    html = client_for(desa_a).get(f"{plan.url}kegiatan/{kegiatan.pk}/").content.decode()
    timeline = html.split('class="timeline"')[1].split("</ol>")[0]
    assert timeline.index("Progres 60%") < timeline.index("Progres 20%")  # newest first
    assert f'datetime="{TAHUN}-01-05"' in timeline and "dicatat oleh Nurul Hidayati" in timeline
    assert 'loading="lazy"' in timeline and 'alt="Talud batu"' in timeline
    assert ".format-webp" in timeline or ".webp" in timeline
    assert staff.username not in html
    plan_html = client_for(desa_a).get(plan.url).content.decode()
    assert "Progres 60%" in plan_html


@pytest.mark.django_db
def test_english_pages_are_translated_and_read_the_original_history(desa_a, make_staff, client_for):
    rpjmdes = _rpjmdes(desa_a, [_program("Pembangunan jalan usaha tani")])
    program = rpjmdes.program.get()
    plan = _rkpdes(desa_a, TAHUN, [_kegiatan("Jalan usaha tani tahap II", TAHUN, program)])
    kegiatan = plan.kegiatan.get()
    create_aliases_for_new_page(RPJMDesPage.objects.get(pk=rpjmdes.pk))
    create_aliases_for_new_page(RKPDesPage.objects.get(pk=plan.pk))
    client = _ppid(make_staff, desa_a)
    assert _catat(client, kegiatan, date(TAHUN, 1, 3), 35, "Tahap awal").status_code == 302

    english = rpjmdes.get_translations().get(locale__language_code="en")
    plan_en = plan.get_translations().get(locale__language_code="en").specific
    kegiatan_en = plan_en.kegiatan.get()
    html = client_for(desa_a).get(english.url).content.decode()
    assert '<html lang="en">' in html
    assert "RPJMDes programmes" in html and "Carried out through the RKPDes" in html
    assert f'href="{_rel(plan_en)}kegiatan/{kegiatan_en.pk}/"' in html
    assert "Progress 35%" in html

    detail = client_for(desa_a).get(f"{plan_en.url}kegiatan/{kegiatan_en.pk}/").content.decode()
    assert "Progress history" in detail and "Tahap awal" in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    "slug,own,other",
    [("karangsari", "Siwarak", "Karang Bedil"), ("mekar-sari", "Karang Bedil", "Siwarak")],
)
def test_demo_plans_name_the_villages_own_hamlets(desa_a, client_for, slug, own, other):
    from transparansi.demo import _pdf, _publish
    from transparansi.rencana import demo

    index = section(desa_a, "transparansi")
    data = {"slug": slug, "nama": "Alpha"}
    demo.seed(desa_a, data, index, _publish, _pdf)
    demo.seed(desa_a, data, index, _publish, _pdf)  # safe to run again
    assert RPJMDesPage.objects.child_of(index).count() == 1
    assert RKPDesPage.objects.child_of(index).count() == 2
    kini = RKPDesPage.objects.get(slug=f"rkpdes-{TAHUN}")
    assert all(k.program_id for k in kini.kegiatan.all())
    berjalan = kini.kegiatan.filter(status="berjalan")
    assert berjalan.exists()
    for k in berjalan:
        assert k.riwayat_progres.count() >= 1
        assert k.progres == k.riwayat_progres.first().persen
        assert all(e.tanggal <= _hari_ini(desa_a) for e in k.riwayat_progres.all())

    client = client_for(desa_a)
    html = client.get(RPJMDesPage.objects.get().url).content.decode()
    assert f"{TAHUN - 1}: " in html and f"{TAHUN}: " in html and "Belum dilaksanakan." in html
    plan_html = client.get(kini.url).content.decode()
    assert own in plan_html and other not in plan_html


@pytest.mark.django_db
def test_preview_of_a_new_rpjmdes_with_new_programmes(desa_a, make_staff):
    client = _ppid(make_staff, desa_a)
    index = section(desa_a, "transparansi")
    row = {
        "sub_bidang": "2.3",
        "nama": "Jalan usaha tani baru",
        "lokasi": "",
        "sasaran": "1.000 m",
        "tahun_1": "on",
        "biaya": "100000000",
        "sumber_dana": "",
    }
    data = nested_form_data(
        {
            "title": "RPJMDes baru",
            "slug": "rpjmdes-baru",
            "tahun_mulai": AWAL,
            "tahun_selesai": AWAL + 5,
            "nomor_perdes": "",
            "ringkasan": rich_text(""),
            "program": inline_formset([row]),
        }
    )
    url = f"/admin/pages/add/transparansi/rpjmdespage/{index.pk}/preview/"
    assert client.post(url, data).json()["is_valid"]
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Jalan usaha tani baru" in preview.content.decode()
