"""Demo news: a dozen articles per village over several months, with comments."""

from datetime import timedelta

from django.utils import timezone
from wagtail_localize.synctree import create_aliases_for_new_page

from sitecore.demo import images
from sitecore.models import ArtikelIndexPage, ArtikelPage, KategoriArtikel, Komentar

KATEGORI = ["Pemerintahan", "Pembangunan", "Kesehatan", "Pertanian", "Kegiatan Warga"]

# (days ago, title, category, tags, headline, summary, body paragraphs). {desa} is filled in.
ARTIKEL = [
    (
        3,
        "Musyawarah Desa Bahas Rencana Kerja Tahun Depan",
        "Pemerintahan",
        ["musdes", "perencanaan"],
        True,
        "Warga dari semua dusun menyepakati prioritas pembangunan dalam musyawarah desa.",
        [
            "Balai Desa {desa} penuh sejak pagi. Perwakilan dusun, BPD, kelompok perempuan "
            "dan pemuda hadir untuk membahas usulan kegiatan yang masuk dari musyawarah dusun.",
            "Usulan yang paling banyak muncul adalah perbaikan saluran irigasi, lampu jalan "
            "dan pelatihan usaha bagi ibu-ibu. Semua usulan dicatat dalam berita acara dan "
            "akan dimuat di situs desa.",
        ],
    ),
    (
        9,
        "Posyandu Balita Kembali Dibuka Setiap Tanggal 10",
        "Kesehatan",
        ["posyandu", "balita"],
        False,
        "Jadwal posyandu balita kini tetap setiap tanggal 10 di tiap dusun.",
        [
            "Kader posyandu {desa} mengumumkan jadwal tetap agar orang tua mudah mengingat. "
            "Penimbangan, imunisasi dan pemberian makanan tambahan dilakukan bersama bidan desa.",
            "Orang tua diminta membawa buku KIA setiap datang ke posyandu.",
        ],
    ),
    (
        17,
        "Gotong Royong Membersihkan Saluran Irigasi",
        "Kegiatan Warga",
        ["gotong-royong", "irigasi"],
        False,
        "Ratusan warga turun membersihkan saluran menjelang musim tanam.",
        [
            "Menjelang musim tanam, warga {desa} bergotong royong membersihkan saluran irigasi "
            "sepanjang dua kilometer. Lumpur dan sampah plastik diangkat bersama-sama.",
            "Kepala desa berterima kasih atas kerja bersama ini dan meminta warga tidak "
            "membuang sampah ke saluran.",
        ],
    ),
    (
        28,
        "Pembangunan Jalan Usaha Tani Tahap Pertama Selesai",
        "Pembangunan",
        ["jalan", "dana-desa"],
        True,
        "Jalan rabat beton sepanjang 450 meter kini memudahkan petani mengangkut hasil panen.",
        [
            "Pekerjaan jalan usaha tani yang dibiayai Dana Desa selesai tepat waktu. Pekerjaan "
            "dilakukan secara padat karya oleh warga setempat.",
            "Rincian anggaran dan realisasinya dapat dilihat pada halaman transparansi anggaran "
            "desa.",
        ],
    ),
    (
        41,
        "Pelatihan Pupuk Organik untuk Kelompok Tani",
        "Pertanian",
        ["pertanian", "pelatihan"],
        False,
        "Petani belajar membuat pupuk kompos dari limbah ternak dan jerami.",
        [
            "Penyuluh pertanian melatih anggota kelompok tani {desa} membuat kompos. "
            "Pupuk organik mengurangi biaya dan menjaga kesuburan tanah.",
        ],
    ),
    (
        55,
        "Pendaftaran Bantuan Langsung Tunai Dibuka",
        "Pemerintahan",
        ["bantuan", "pengumuman"],
        False,
        "Warga yang memenuhi syarat dapat mendaftar di kantor desa sampai akhir bulan.",
        [
            "Pemerintah desa membuka pendaftaran calon penerima bantuan. Daftar sementara akan "
            "diumumkan di papan informasi desa untuk diperiksa bersama warga.",
            "Pengaduan terkait data penerima dapat disampaikan melalui formulir pengaduan di "
            "situs ini.",
        ],
    ),
    (
        66,
        "Pemeriksaan Kesehatan Gratis bagi Lansia",
        "Kesehatan",
        ["lansia", "posbindu"],
        False,
        "Posbindu memeriksa tekanan darah dan gula darah warga lanjut usia.",
        [
            "Sebanyak tujuh puluh warga lanjut usia {desa} mengikuti pemeriksaan kesehatan "
            "gratis. Petugas puskesmas memberi saran pola makan dan olahraga ringan.",
        ],
    ),
    (
        80,
        "Karang Taruna Gelar Turnamen Voli Antar-Dusun",
        "Kegiatan Warga",
        ["pemuda", "olahraga"],
        False,
        "Delapan tim dari seluruh dusun bertanding selama sepekan.",
        [
            "Turnamen voli antar-dusun kembali digelar Karang Taruna {desa}. Selain mempererat "
            "persaudaraan, kegiatan ini menjadi ajang mencari bibit atlet desa.",
        ],
    ),
    (
        96,
        "Laporan Realisasi Anggaran Semester Pertama",
        "Pemerintahan",
        ["apbdes", "transparansi"],
        False,
        "Pemerintah desa menyampaikan realisasi pendapatan dan belanja semester pertama.",
        [
            "Laporan realisasi APBDes semester pertama telah disampaikan kepada BPD dan dapat "
            "diunduh di situs desa. Warga dipersilakan bertanya atau memberi masukan.",
        ],
    ),
    (
        112,
        "Pemasangan Pipa Air Bersih ke Dusun Terjauh",
        "Pembangunan",
        ["air-bersih", "dana-desa"],
        False,
        "Sebanyak 60 rumah tangga kini mendapat sambungan air bersih.",
        [
            "Pipa air bersih sepanjang 1,2 kilometer telah terpasang. Pengelolaan air "
            "diserahkan kepada BUMDes dengan iuran bulanan yang disepakati warga.",
        ],
    ),
    (
        130,
        "Panen Raya dan Syukuran Petani",
        "Pertanian",
        ["panen", "pertanian"],
        False,
        "Hasil panen musim ini naik dibanding tahun lalu.",
        [
            "Petani {desa} merayakan panen raya dengan syukuran sederhana di balai dusun. "
            "Hasil panen naik berkat perbaikan irigasi dan pupuk organik.",
        ],
    ),
    (
        150,
        "Sosialisasi Pencegahan Demam Berdarah",
        "Kesehatan",
        ["dbd", "kesehatan-lingkungan"],
        False,
        "Warga diajak menguras, menutup dan mendaur ulang barang bekas.",
        [
            "Puskesmas bersama kader jumantik mengajak warga {desa} menjalankan gerakan 3M "
            "plus setiap pekan untuk mencegah demam berdarah.",
        ],
    ),
    (
        -5,
        "Jadwal Pelayanan Administrasi Selama Libur Panjang",
        "Pemerintahan",
        ["pengumuman", "pelayanan"],
        False,
        "Pelayanan surat-menyurat tetap buka dengan petugas piket.",
        [
            "Selama libur panjang, kantor desa {desa} tetap membuka pelayanan surat pengantar "
            "dengan petugas piket pada pukul 08.00 sampai 12.00.",
        ],
    ),
]

KOMENTAR = [
    ("Rina", "Terima kasih infonya, semoga kegiatan seperti ini rutin diadakan.", True),
    ("Pak Darto", "Mohon lampu jalan di ujung dusun juga diperhatikan.", True),
    ("Wayan", "Apakah pendaftaran bisa diwakilkan keluarga?", False),
]


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
    kategori = {}
    for order, nama in enumerate(KATEGORI):
        obj, _ = KategoriArtikel.objects.get_or_create(
            index_page=index, nama=nama, defaults={"sort_order": order}
        )
        kategori[nama] = obj
    now = timezone.now()
    for n, (days, judul, kat, tags, unggulan, ringkasan, paragraf) in enumerate(ARTIKEL):
        slug = f"artikel-{n + 1:02d}"
        if index.get_children().filter(slug=slug).exists():
            continue
        gambar = images.save_image(
            images.landscape(f"{data['slug']}-artikel-{n}", 960, 540),
            f"{judul} ({desa})",
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
            body=[{"type": "paragraf", "value": f"<p>{p.format(desa=desa)}</p>"} for p in paragraf],
        )
        page.tags.add(*tags)
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        # Alias the published state, not the draft instance.
        create_aliases_for_new_page(page.__class__.objects.get(pk=page.pk))
        if days > 0 and n < 3:
            for nama, pesan, ok in KOMENTAR:
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
