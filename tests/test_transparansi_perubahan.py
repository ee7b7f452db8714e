"""APBDes Perubahan: started from the live original, every line with semula / menjadi."""

import html as htmlmod
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.models.roles import Peran
from tests.conftest import section
from transparansi import apbdes as h
from transparansi.anggaran.perubahan import buat_perubahan
from transparansi.models import APBDesPage, BarisAPBDes

TAHUN = date.today().year
JT = 1_000_000


@dataclass
class B:
    kode: str
    uraian: str
    anggaran: D
    realisasi: D = D(0)


SEMULA = [
    B("4.2.1", "Dana Desa", D(1_000 * JT), D(600 * JT)),
    B("4.2.3", "Alokasi Dana Desa", D(400 * JT), D(200 * JT)),
    B("1.1.01", "Siltap", D(380 * JT), D(190 * JT)),
    B("2.3.01", "Jalan usaha tani", D(700 * JT), D(350 * JT)),
    B("2.3.02", "Irigasi", D(100 * JT)),
    B("6.1.1", "SiLPA", D(30 * JT), D(30 * JT)),
]
# Dana Desa cut by 100 juta, a new bantuan kabupaten of 60 juta; the road loses 50 juta
# and irrigation is dropped, clean water (2.4.01) is new; SiLPA audited at 42 juta.
MENJADI = [
    B("4.2.1", "Dana Desa", D(900 * JT), D(600 * JT)),
    B("4.2.3", "Alokasi Dana Desa", D(400 * JT), D(300 * JT)),
    B("4.2.5", "Bantuan kabupaten", D(60 * JT)),
    B("1.1.01", "Siltap", D(380 * JT), D(285 * JT)),
    B("2.3.01", "Jalan usaha tani", D(650 * JT), D(500 * JT)),
    B("2.4.01", "Air bersih", D(120 * JT)),
    B("6.1.1", "SiLPA", D(42 * JT), D(42 * JT)),
]


def test_every_line_and_subtotal_before_and_after():
    hasil = h.bandingkan_versi(SEMULA, MENJADI)

    def rows(kelompok):
        return [
            (n.kode, n.semula.anggaran / JT, n.menjadi.anggaran / JT, n.selisih / JT, n.status)
            for n in hasil.kelompok[kelompok].datar()
        ]

    assert rows(h.PENDAPATAN) == [
        ("4.2", 1400, 1360, -40, ""),
        ("4.2.1", 1000, 900, -100, ""),
        ("4.2.3", 400, 400, 0, ""),
        ("4.2.5", 0, 60, 60, "baru"),
    ]
    assert rows(h.BELANJA) == [
        ("1", 380, 380, 0, ""),
        ("1.1", 380, 380, 0, ""),
        ("1.1.01", 380, 380, 0, ""),
        ("2", 800, 770, -30, ""),
        ("2.3", 800, 650, -150, ""),
        ("2.3.01", 700, 650, -50, ""),
        ("2.3.02", 100, 0, -100, "dihapus"),
        ("2.4", 0, 120, 120, ""),
        ("2.4.01", 0, 120, 120, "baru"),
    ]
    belanja = hasil.kelompok[h.BELANJA]
    assert (belanja.semula.anggaran, belanja.menjadi.anggaran) == (D(1180 * JT), D(1150 * JT))
    assert belanja.menjadi.realisasi == D(785 * JT)  # 285 + 500
    assert rows(h.PENGELUARAN) == []
    totals = {
        k: (n.semula.anggaran / JT, n.menjadi.anggaran / JT, n.selisih / JT)
        for k, n in hasil.ringkasan.items()
    }
    assert totals == {
        "pendapatan": (1400, 1360, -40),
        "belanja": (1180, 1150, -30),
        "surplus": (220, 210, -10),
        "penerimaan": (30, 42, 12),
        "pengeluaran": (0, 0, 0),
        "pembiayaan_netto": (30, 42, 12),
        "silpa": (250, 252, 2),
    }
    assert {n.kode: n.selisih / JT for n in hasil.berubah()} == {
        "4.2.1": -100,
        "4.2.5": 60,
        "2.3.01": -50,
        "2.3.02": -100,
        "2.4.01": 120,
        "6.1.1": 12,
    }


def test_a_code_used_twice_pairs_in_order():
    semula = [B("2.3.01", "Jalan A", D(10)), B("2.3.01", "Jalan B", D(20))]
    menjadi = [B("2.3.01", "Jalan A", D(15))]
    rows = [
        (n.uraian, n.selisih, n.status)
        for n in h.bandingkan_versi(semula, menjadi).kelompok[h.BELANJA].datar()
        if n.baris
    ]
    assert rows == [("Jalan A", D(5), ""), ("Jalan B", D(-20), "dihapus")]


def _murni(site, tahun=TAHUN, live=True):
    parent = section(site, "transparansi")
    page = APBDesPage(
        title=f"APBDes {tahun}",
        slug=f"apbdes-{tahun}",
        tahun=tahun,
        nomor_perdes=f"2 Tahun {tahun}",
        live=live,
    )
    page.baris = [
        BarisAPBDes(
            kode=b.kode,
            uraian=b.uraian,
            anggaran=b.anggaran,
            realisasi=b.realisasi,
            sumber_dana="" if b.kode[0] in "46" and len(b.kode) == 5 else "DDS",
            sort_order=i,
        )
        for i, b in enumerate(SEMULA)
    ]
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    create_aliases_for_new_page(page)
    return APBDesPage.objects.get(pk=page.pk)


def _url_perubahan(page):
    return f"/admin/transparansi/apbdes/{page.pk}/perubahan/"


@pytest.mark.django_db
def test_ppid_starts_the_amendment_from_the_live_original(desa_a, make_staff, client):
    asli = _murni(desa_a)
    client.force_login(make_staff(desa_a, Peran.PPID))
    editor = client.get(f"/admin/pages/{asli.pk}/edit/").content.decode()
    assert _url_perubahan(asli) in editor and "Buat APBDes Perubahan" in editor
    listing = client.get(f"/admin/pages/{asli.get_parent().pk}/").content.decode()
    assert _url_perubahan(asli) in listing
    confirm = client.get(_url_perubahan(asli)).content.decode()
    assert "Semua 6 baris" in confirm and "Buat draf APBDes Perubahan" in confirm
    assert not APBDesPage.objects.filter(versi="perubahan").exists()  # GET stores nothing

    response = client.post(_url_perubahan(asli))
    baru = APBDesPage.objects.get(versi="perubahan", locale__language_code="id")
    assert response.status_code == 302 and response.url == f"/admin/pages/{baru.pk}/edit/"
    assert (baru.tahun, baru.live, baru.get_parent().pk) == (TAHUN, False, asli.get_parent().pk)
    assert baru.title == f"APBDes Perubahan {TAHUN}" and baru.nomor_perdes == ""
    copied = [
        (b.kode, b.uraian, b.anggaran, b.realisasi) for b in baru.baris.order_by("sort_order")
    ]
    assert copied == [(b.kode, b.uraian, b.anggaran, b.realisasi) for b in SEMULA]
    assert asli.baris.count() == 6  # the original keeps its lines
    page = client.get(response.url).content.decode()
    assert "6 baris" in page and "Jalan usaha tani" in page

    # Twice: refused, naming the existing amendment, and nothing more is stored.
    again = client.post(_url_perubahan(asli)).content.decode()
    assert f"APBDes Perubahan tahun {TAHUN} sudah ada: “APBDes Perubahan {TAHUN}”" in again
    assert APBDesPage.objects.filter(versi="perubahan", locale__language_code="id").count() == 1
    # The amendment itself cannot be amended, and offers no button.
    assert "sudah APBDes Perubahan" in client.post(_url_perubahan(baru)).content.decode()
    assert _url_perubahan(baru) not in client.get(f"/admin/pages/{baru.pk}/edit/").content.decode()


@pytest.mark.django_db
def test_refused_when_the_original_is_not_live_or_another_village(
    desa_a, desa_b, make_staff, client
):
    draf = _murni(desa_a, tahun=TAHUN - 1, live=False)
    client.force_login(make_staff(desa_a, Peran.PPID))
    refused = client.post(_url_perubahan(draf))
    assert refused.status_code == 409
    assert f"“APBDes {TAHUN - 1}” belum diterbitkan" in refused.content.decode()

    asli_b = _murni(desa_b)
    assert client.get(_url_perubahan(asli_b)).status_code == 404
    assert client.post(_url_perubahan(asli_b)).status_code == 404
    assert client.post("/admin/transparansi/apbdes/999999/perubahan/").status_code == 404
    relawan = Client()
    relawan.force_login(make_staff(desa_a, Peran.RELAWAN_JID))
    asli_a = _murni(desa_a)
    assert relawan.post(_url_perubahan(asli_a)).status_code in (302, 403, 404)
    assert not APBDesPage.objects.filter(versi="perubahan").exists()


def _terbitkan(client, page, rows, preview=False, **fields):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "tahun": page.tahun,
            "versi": page.versi,
            "nomor_perdes": fields.get("nomor_perdes", page.nomor_perdes),
            "tanggal_perdes": "",
            "dokumen": "",
            "catatan": rich_text(""),
            "baris": inline_formset(rows, initial=len([r for r in rows if r.get("id")])),
            "action-publish": "action-publish",
        }
    )
    if preview:
        del data["action-publish"]
        client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
        return client.get(f"/admin/pages/{page.pk}/edit/preview/")
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def _form_row(baris=None, **values):
    row = {
        "id": baris.pk if baris else "",
        "kode": baris.kode if baris else "",
        "uraian": baris.uraian if baris else "",
        "jenis_belanja": "",
        "lokasi": "",
        "sumber_dana": baris.sumber_dana if baris else "",
        "anggaran": str(baris.anggaran) if baris else "",
        "realisasi": str(baris.realisasi) if baris else "0",
        "tanggal_realisasi": "",
    }
    row.update(values)
    return row


def _ubah_di_editor(client, baru, preview=False):
    """The editor changes the copied lines into MENJADI and publishes (or previews)."""
    menjadi = {b.kode: b for b in MENJADI}
    rows = []
    for baris in baru.baris.order_by("sort_order"):
        if baris.kode in menjadi:
            target = menjadi.pop(baris.kode)
            rows.append(
                _form_row(baris, anggaran=str(target.anggaran), realisasi=str(target.realisasi))
            )
        else:
            rows.append(_form_row(baris, DELETE="1"))
    for target in menjadi.values():
        rows.append(
            _form_row(
                kode=target.kode,
                uraian=target.uraian,
                anggaran=str(target.anggaran),
                realisasi=str(target.realisasi),
                sumber_dana="" if target.kode.startswith("4.") else "DDS",
            )
        )
    return _terbitkan(client, baru, rows, preview, nomor_perdes=f"7 Tahun {TAHUN}")


def _cells(html, kode):
    """Texts of the table row whose first cell is `kode`."""
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S):
        cells = [
            htmlmod.unescape(re.sub(r"<[^>]+>", "", c)).strip()
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        if cells and cells[0] == kode:
            return cells
    raise AssertionError(f"no row {kode}")


def rp(juta):
    return "Rp\u00a0" + f"{juta * JT:,}".replace(",", ".")


@pytest.mark.django_db
def test_published_amendment_shows_every_line_with_semula_menjadi_selisih(
    desa_a, make_staff, client, client_for
):
    asli = _murni(desa_a)
    client.force_login(make_staff(desa_a, Peran.PPID))
    client.post(_url_perubahan(asli))
    baru = APBDesPage.objects.get(versi="perubahan", locale__language_code="id")
    preview = _ubah_di_editor(client, baru, preview=True).content.decode()
    assert _cells(preview, "2.3.01")[2:5] == [rp(700), rp(650), f"({rp(50)})"]
    response = _ubah_di_editor(client, baru)
    assert response.status_code == 302, response.content.decode()[:3000]
    baru.refresh_from_db()
    assert baru.live and baru.baris.count() == 7

    html = client_for(desa_a).get(baru.url).content.decode()
    # Every line: kode, uraian, semula, menjadi, bertambah/(berkurang), realisasi.
    assert _cells(html, "4.2.1") == [
        "4.2.1",
        "Dana Desa",
        rp(1000),
        rp(900),
        f"({rp(100)})",
        rp(600),
    ]
    assert _cells(html, "4.2.3") == [
        "4.2.3",
        "Alokasi Dana Desa",
        rp(400),
        rp(400),
        "Rp\u00a00",
        rp(300),
    ]
    assert _cells(html, "4.2.5") == [
        "4.2.5",
        "Bantuan kabupaten (baris baru)",
        "Rp\u00a00",
        rp(60),
        rp(60),
        "Rp\u00a00",
    ]
    assert _cells(html, "2.3.02") == [
        "2.3.02",
        "Irigasi (dihapus)",
        rp(100),
        "Rp\u00a00",
        f"({rp(100)})",
        "Rp\u00a00",
    ]
    assert _cells(html, "6.1.1")[2:5] == [rp(30), rp(42), rp(12)]
    # Every subtotal: sub-group, bidang, sub-bidang, group.
    assert _cells(html, "4.2")[2:5] == [rp(1400), rp(1360), f"({rp(40)})"]
    assert _cells(html, "2")[2:6] == [rp(800), rp(770), f"({rp(30)})", rp(500)]
    assert _cells(html, "2.3")[2:5] == [rp(800), rp(650), f"({rp(150)})"]
    assert _cells(html, "2.4")[2:5] == ["Rp\u00a00", rp(120), rp(120)]
    assert _cells(html, "1.1")[2:5] == [rp(380), rp(380), "Rp\u00a00"]
    assert _cells(html, "Jumlah Belanja")[1:5] == [rp(1180), rp(1150), f"({rp(30)})", rp(785)]
    # Totals: surplus 220 → 210, SiLPA 250 → 252.
    assert _cells(html, "Surplus/(Defisit)")[1:] == [rp(220), rp(210), f"({rp(10)})"]
    rincian = html[html.index('id="rincian-judul"') :]
    assert _cells(rincian, "SiLPA tahun berjalan")[1:] == [rp(250), rp(252), rp(2)]
    # The headline table is the amendment's own, with its realisasi (page of record).
    assert _cells(html, "Belanja")[1:3] == [rp(1150), rp(785)]

    # Links both ways, naming the other page and its Perdes.
    assert f'href="{urlsplit(asli.url).path}"' in html and f"Perubahan atas APBDes {TAHUN}" in html
    original = client_for(desa_a).get(asli.url).content.decode()
    assert f'href="{urlsplit(baru.url).path}"' in original
    assert f"APBDes ini telah diubah dengan APBDes Perubahan {TAHUN}" in original
    assert f"Perdes Nomor 7 Tahun {TAHUN}" in original
    assert "Semula" not in original  # the original keeps its own detail tree

    # English page: same figures, English labels and number format.
    en = Locale.objects.get(language_code="en")
    english = client_for(desa_a).get(baru.get_translation(en).url)
    text = english.content.decode()
    assert english.status_code == 200 and '<html lang="en">' in text
    assert "Before" in text and "After" in text and "Increase/(Decrease)" in text
    assert "(Rp\u00a0100,000,000)" in text and "new line" in text
    assert "Amends APBDes" in text


@pytest.mark.django_db
def test_amendment_fragment_follows_a_new_revision(desa_a, client_for):
    asli = _murni(desa_a)
    baru = buat_perubahan(asli)
    baru.save_revision().publish()
    client = client_for(desa_a)
    html = client.get(baru.url).content.decode()
    assert _cells(html, "2.3.01")[2:5] == [rp(700), rp(700), "Rp\u00a00"]
    draft = baru.get_latest_revision_as_object()
    rows = list(draft.baris.all())
    for b in rows:
        if b.kode == "2.3.01":
            b.anggaran = D(690 * JT)
    draft.baris = rows
    draft.save_revision().publish()
    html = client.get(baru.url).content.decode()
    assert _cells(html, "2.3.01")[2:5] == [rp(700), rp(690), f"({rp(10)})"]
