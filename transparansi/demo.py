"""Demo transparency content for a village; safe to run again (skips what exists)."""

import io
from datetime import date, timedelta
from decimal import Decimal as D

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.documents.models import Document

from sitecore.kalender.rules import KalenderKerja
from sitecore.models import DesaProfil
from transparansi.anggaran.perubahan import buat_perubahan
from transparansi.models import (
    APBDesPage,
    BarisAPBDes,
    DaftarInformasiPage,
    InformasiPublik,
    PermohonanInformasi,
    SertaMertaPage,
    TransparansiIndexPage,
)
from transparansi.permohonan import aturan

JUTA = D(1_000_000)


def _baris(skala, realisasi_pct, tanggal, dana_desa):
    """A realistic budget: (kode, uraian, sumber, anggaran in juta, jenis, lokasi)."""
    rows = [
        ("4.1.1", "Hasil usaha BUMDes", "", 35, "", ""),
        ("4.1.2", "Sewa tanah kas desa", "", 18, "", ""),
        ("4.2.1", "Dana Desa", "", dana_desa, "", ""),
        ("4.2.2", "Bagi hasil pajak dan retribusi daerah", "", 62, "", ""),
        ("4.2.3", "Alokasi Dana Desa", "", 480, "", ""),
        ("4.2.5", "Bantuan keuangan kabupaten", "", 75, "", ""),
        ("4.3.6", "Bunga bank", "", 2, "", ""),
        ("1.1.01", "Penghasilan tetap kepala desa dan perangkat", "ADD", 360, "5.1", "Kantor desa"),
        ("1.1.02", "Tunjangan BPD", "ADD", 48, "5.1", "Kantor desa"),
        ("1.2.01", "Pemeliharaan kantor desa", "ADD", 40, "5.2", "Kantor desa"),
        ("1.4.01", "Penyusunan RKPDes dan musyawarah desa", "ADD", 22, "5.2", "Balai desa"),
        ("2.1.01", "Honor guru PAUD", "DDS", 36, "5.2", "PAUD Tunas Harapan"),
        ("2.2.01", "Posyandu dan makanan tambahan balita", "DDS", 84, "5.2", "5 posyandu"),
        ("2.2.02", "Pencegahan stunting", "DDS", 60, "5.2", "Seluruh dusun"),
        ("2.3.01", "Rehabilitasi jalan usaha tani", "DDS", 310, "5.3", "Dusun Karang Bedil"),
        ("2.3.02", "Saluran irigasi tersier", "DDS", 185, "5.3", "Dusun Lendang Re"),
        ("2.4.01", "Sambungan air bersih rumah tangga", "DDS", 120, "5.3", "Dusun Gubuk Baru"),
        ("3.1.01", "Operasional linmas", "ADD", 15, "5.2", "Desa"),
        ("3.3.01", "Turnamen olahraga pemuda", "PAD", 12, "5.2", "Lapangan desa"),
        ("4.2.01", "Bibit dan pupuk kelompok tani", "DDS", 70, "5.2", "Kelompok tani"),
        ("4.4.01", "Pelatihan usaha perempuan", "BKK", 40, "5.2", "Balai desa"),
        ("5.3.01", "BLT Dana Desa", "DDS", 180, "5.2", "Keluarga penerima"),
        ("5.1.01", "Siaga bencana", "DDS", 25, "5.4", "Desa"),
        ("6.1.1", "SiLPA tahun sebelumnya", "", 48, "", ""),
        ("6.2.2", "Penyertaan modal BUMDes", "", 50, "", ""),
    ]
    out = []
    for i, (kode, uraian, sumber, juta, jenis, lokasi) in enumerate(rows):
        anggaran = (D(juta) * skala * JUTA).quantize(D(1000))
        pct = D(100) if kode.startswith("6.1") else D(realisasi_pct - (i % 5) * 6)
        out.append(
            BarisAPBDes(
                kode=kode,
                uraian=uraian,
                sumber_dana=sumber,
                jenis_belanja=jenis,
                lokasi=lokasi,
                anggaran=anggaran,
                realisasi=(anggaran * max(pct, D(0)) / 100).quantize(D(1000)),
                tanggal_realisasi=tanggal,
                sort_order=i,
            )
        )
    return out


def _ubah(rows, terkini):
    """The demo Perkades Perubahan: the audited SiLPA is 40 juta higher and pays for more
    road; 10 juta of posyandu moves to a new elderly check-up line; realisasi as of the
    later date (`terkini`, the same budget realised further)."""
    terkini = {b.kode: b for b in terkini}
    for b in rows:
        b.realisasi, b.tanggal_realisasi = (
            terkini[b.kode].realisasi,
            terkini[b.kode].tanggal_realisasi,
        )
        if b.kode in ("2.3.01", "6.1.1"):
            b.anggaran += 40 * JUTA
        if b.kode == "6.1.1":
            b.realisasi = b.anggaran
        if b.kode == "2.2.01":
            b.anggaran -= 10 * JUTA
            b.realisasi = min(b.realisasi, b.anggaran)
    lansia = BarisAPBDes(
        kode="2.2.03",
        uraian="Pemeriksaan kesehatan lansia",
        sumber_dana="DDS",
        jenis_belanja="5.2",
        lokasi="5 posyandu",
        anggaran=10 * JUTA,
        sort_order=len(rows),
    )
    return rows + [lansia]


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page


def _pdf(title, collection, filename):
    existing = Document.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    img = Image.new("RGB", (595, 842), "white")
    draw = ImageDraw.Draw(img)
    draw.rectangle([40, 40, 555, 110], fill=(27, 94, 32))
    draw.text((60, 65), title[:60], fill="white")
    for y in range(150, 760, 22):
        draw.line([(60, y), (535, y)], fill=(200, 200, 200))
    buf = io.BytesIO()
    img.save(buf, "PDF")
    doc = Document(title=title, collection=collection)
    doc.file.save(filename, ContentFile(buf.getvalue()), save=False)
    doc.save()
    return doc


def seed(site, data):
    section = TransparansiIndexPage.objects.child_of(site.root_page).first()
    if section is None:
        return
    profil = DesaProfil.for_site(site)
    koleksi = profil.koleksi
    tahun = timezone.localdate().year
    skala = D("1.0") if data["slug"] == "mekar-sari" else D("0.85")
    existing = set(APBDesPage.objects.child_of(section).values_list("tahun", "versi"))
    versions = [
        (tahun - 1, "murni", 1020, 97, date(tahun - 1, 12, 31)),
        (tahun, "murni", 1080, 45, date(tahun, 6, 30)),
        (tahun, "perubahan", 1080, 52, date(tahun, 9, 30)),
    ]
    for th, versi, dd, pct, tgl in versions:
        if (th, versi) in existing:
            continue
        title = f"APBDes Perubahan {th}" if versi == "perubahan" else f"APBDes {th}"
        dokumen = _pdf(f"Perdes {title} Desa {data['nama']}", koleksi, f"{page_slug(title)}.pdf")
        if versi == "perubahan":
            # As a PPID editor does it: copy the live original, then change a few lines.
            asli = APBDesPage.objects.child_of(section).get(tahun=th, versi="murni")
            page = buat_perubahan(asli)
            page.title, page.nomor_perdes, page.dokumen = title, f"7 Tahun {th}", dokumen
            page.baris = _ubah(list(page.baris.all()), _baris(skala, pct, tgl, dd))
            page.save_revision(log_action=False).publish(log_action=False)
            continue
        page = APBDesPage(
            title=title,
            slug=f"apbdes-{th}",
            tahun=th,
            versi=versi,
            nomor_perdes=f"2 Tahun {th}",
            dokumen=dokumen,
        )
        page.baris = _baris(skala, pct, tgl, dd)
        _publish(section, page)

    # Plans (RPJMDes, RKPDes) and the progress of their activities.
    from transparansi.rencana.demo import seed as seed_rencana

    seed_rencana(site, data, section, _publish, _pdf)

    if not DaftarInformasiPage.objects.child_of(section).exists():
        pj = "Sekretaris Desa"
        dip = DaftarInformasiPage(
            title="Daftar Informasi Publik",
            slug="daftar-informasi-publik",
            pejabat_ppid=f"{data['aparatur'][1][0]} (Sekretaris Desa)",
        )
        items = [
            ("Profil dan struktur organisasi pemerintah desa", "berkala", "profil", "PDF"),
            ("Matriks kegiatan yang sedang berjalan", "berkala", "program", "PDF"),
            ("Laporan realisasi APBDes semester I", "berkala", "keuangan", "PDF"),
            ("Daftar aset desa", "setiap_saat", "", "PDF"),
            ("Notulen Musyawarah Desa", "setiap_saat", "", "PDF"),
            ("Peringatan dini banjir musim hujan", "serta_merta", "", "PDF"),
        ]
        dip.informasi = [
            InformasiPublik(
                judul=judul,
                kategori=kategori,
                kewajiban=kewajiban,
                tahun=tahun,
                penanggung_jawab=pj,
                bentuk=bentuk,
                dokumen=_pdf(f"{judul} {data['nama']}", koleksi, f"dip-{i}.pdf"),
            )
            for i, (judul, kategori, kewajiban, bentuk) in enumerate(items)
        ] + [
            InformasiPublik(
                judul="Data pribadi penerima bantuan sosial (NIK, alamat lengkap)",
                kategori="dikecualikan",
                tahun=tahun,
                penanggung_jawab=pj,
                bentuk="Arsip",
                alasan_pengecualian=(
                    "UU 14/2008 Pasal 17 huruf h: membuka rahasia pribadi. Jumlah penerima "
                    "per dusun tetap diumumkan."
                ),
            )
        ]
        _publish(section, dip)

    if not SertaMertaPage.objects.child_of(section).exists():
        _publish(
            section,
            SertaMertaPage(
                title="Pemadaman air bersih sementara",
                slug="pemadaman-air-bersih",
                jenis="gangguan",
                ringkasan="Air bersih BUMDes padam Sabtu 08.00–16.00 untuk perbaikan pipa induk.",
                bahaya="Pasokan air terhenti selama perbaikan.",
                terdampak="Dusun Gubuk Baru dan Tanak Beak.",
                bantuan="Tangki air disiagakan di balai dusun.",
                pengumum="Kepala Desa",
                dicabut=data["slug"] != "mekar-sari",
            ),
        )

    if not PermohonanInformasi.objects.filter(site=site).exists():
        kal = KalenderKerja.for_site(site)
        now = timezone.now()
        contoh = [
            ("Lalu Hendra", "Rincian RAB jalan usaha tani", "RAB jalan usaha tani", 40, "penuh"),
            ("Baiq Rina", "Daftar penerima BLT dengan NIK", "Daftar penerima BLT", 30, "ditolak"),
            ("Komang Ayu", "Notulen Musdes RKPDes", "Notulen Musdes RKPDes", 20, "sebagian"),
            ("Ahmad Fauzan", "Laporan realisasi semester I", "Realisasi semester I", 3, ""),
        ]
        for nama, rincian, ringkas, hari_lalu, keputusan in contoh:
            p = PermohonanInformasi(
                site=site,
                nama=nama,
                alamat=f"Desa {data['nama']}",
                jenis_identitas="ktp",
                rincian=rincian,
                tujuan="Pemantauan pembangunan",
                cara_memperoleh="salinan_digital",
                cara_menerima="email",
                email="warga@example.id",
                ringkasan_publik=ringkas,
            )
            diterima = now - timedelta(days=hari_lalu)
            aturan.daftarkan(p, now=diterima, kalender=kal)
            putus = diterima + timedelta(days=6)
            if keputusan == "penuh":
                aturan.putuskan(p, "penuh", "Salinan RAB dikirim lewat email.", now=putus)
            elif keputusan == "ditolak":
                aturan.putuskan(
                    p,
                    "ditolak",
                    "NIK penerima adalah data pribadi.",
                    "dikecualikan",
                    "UU 14/2008 Pasal 17 huruf h",
                    now=putus,
                )
                aturan.ajukan_keberatan(p, "ditolak", "Minta tanpa NIK", now=putus, kalender=kal)
            elif keputusan == "sebagian":
                aturan.perpanjang(
                    p, "Notulen disalin dari arsip kecamatan", 5, now=diterima, kalender=kal
                )
                aturan.putuskan(
                    p,
                    "sebagian",
                    "Notulen dikirim; daftar hadir bertanda tangan tidak.",
                    "dikecualikan",
                    "UU 14/2008 Pasal 17 huruf h",
                    now=putus,
                )
            p.save()


def page_slug(title):
    from django.utils.text import slugify

    return slugify(title)


def kamus(data):
    """Indonesian -> English for this village's demo transparency pages."""
    tahun = timezone.localdate().year
    teks = {
        "Daftar Informasi Publik": "Public Information List",
        f"{data['aparatur'][1][0]} (Sekretaris Desa)": f"{data['aparatur'][1][0]} "
        "(Village Secretary)",
        "Pemadaman air bersih sementara": "Temporary clean water outage",
        "Air bersih BUMDes padam Sabtu 08.00–16.00 untuk perbaikan pipa induk.": (
            "The BUMDes water supply is off on Saturday 08:00–16:00 to repair the main pipe."
        ),
        "Pasokan air terhenti selama perbaikan.": "No water flows during the repair.",
        "Dusun Gubuk Baru dan Tanak Beak.": "Gubuk Baru and Tanak Beak hamlets.",
        "Tangki air disiagakan di balai dusun.": "Water tanks stand ready at the hamlet halls.",
        "Kepala Desa": "Village Head",
        "Rencana enam tahun yang menjabarkan visi dan misi kepala desa, disusun "
        "lewat musyawarah dusun dan Musyawarah Desa.": (
            "The six-year plan that sets out the village head's vision and mission, drawn up "
            "through hamlet meetings and the Village Meeting."
        ),
        "Rencana kerja tahunan hasil Musyawarah Desa; seluruhnya selesai.": (
            "The annual work plan agreed in the Village Meeting; all of it is done."
        ),
        "Rencana kerja tahunan hasil Musyawarah Desa.": (
            "The annual work plan agreed in the Village Meeting."
        ),
    }
    for th in range(tahun - 2, tahun + 2):
        teks[f"APBDes Perubahan {th}"] = f"Amended APBDes {th}"
        for nomor in range(1, 10):
            teks[f"{nomor} Tahun {th}"] = f"{nomor} of {th}"
    return teks
