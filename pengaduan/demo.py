# ruff: noqa: E501
"""Demo complaints for a village: every jenis, kanal, dusun and state. Idempotent."""

import random
from datetime import timedelta

from django.utils import timezone

from pengaduan import layanan
from pengaduan.models import Kategori, Pengaduan
from pengaduan.models.pengaduan import Hasil, Kanal
from pengaduan.notifikasi import antrean
from pengaduan.umpan_balik import demo as rekomendasi_demo
from pengaduan.usulan import demo as jalur_demo
from pengaduan.workflow import Status
from sitecore.models import Dusun

CONTOH = [
    ("pengaduan", "Infrastruktur", "Jalan rusak menuju sawah", "Jalan usaha tani rusak",
     "Perbaikan jalan usaha tani sepanjang 200 meter yang berlubang setelah musim hujan."),
    ("pengaduan", "Pelayanan administrasi", "Surat keterangan lama selesai",
     "Pelayanan surat keterangan lambat",
     "Warga menunggu lebih dari seminggu untuk surat keterangan usaha."),
    ("pengaduan", "Bantuan sosial", "Bantuan beras tidak merata", "Penyaluran bantuan pangan",
     "Beberapa keluarga miskin belum menerima bantuan pangan bulan ini."),
    ("saran", "Lingkungan", "Jadwal angkut sampah", "Usul jadwal angkut sampah",
     "Usul jadwal pengangkutan sampah dua kali seminggu di dekat pasar."),
    ("aspirasi", "Infrastruktur", "Usul drainase dusun", "Usulan saluran drainase",
     "Usulan pembangunan saluran drainase agar jalan dusun tidak tergenang."),
    ("aspirasi", "Kesehatan", "Posyandu butuh timbangan", "Usulan alat posyandu",
     "Usulan pengadaan timbangan bayi dan alat ukur tinggi untuk posyandu."),
    ("pengaduan", "Keamanan", "Lampu jalan padam", "Penerangan jalan padam",
     "Tiga lampu penerangan jalan padam sehingga jalan gelap di malam hari."),
    ("saran", "Pendidikan", "Taman baca anak", "Usul taman baca",
     "Saran membuka taman baca di balai dusun pada sore hari."),
    ("pengaduan", "Keuangan desa", "Papan informasi APBDes", "Informasi APBDes belum dipasang",
     "Baliho APBDes tahun ini belum dipasang di kantor desa."),
    ("aspirasi", "Lingkungan", "Penanaman pohon di bantaran", "Usulan penghijauan bantaran sungai",
     "Usulan penanaman pohon di bantaran sungai untuk mencegah longsor."),
]  # fmt: skip

# Paths through the workflow: (target, fields) steps applied in order.
ALUR = [
    [],
    [(Status.DIVERIFIKASI, {})],
    [(Status.DIVERIFIKASI, {}), (Status.DITERUSKAN, {"diteruskan_ke": "Kepala Seksi Pemerintahan"})],
    [
        (Status.DIVERIFIKASI, {}),
        (Status.DIBAHAS, {"rapat_tanggal": None, "rapat_temuan": "Fakta lapangan dibenarkan.",
                          "rapat_peserta": "Kepala desa, sekdes, BPD, kepala dusun"}),
        (Status.DITINDAKLANJUTI, {}),
    ],
    [(Status.DIVERIFIKASI, {}), (Status.DITINDAKLANJUTI, {}),
     (Status.SELESAI, {"hasil": Hasil.KOREKTIF, "pesan_pelapor": "Sudah diperbaiki, terima kasih."})],
    [(Status.DIVERIFIKASI, {}),
     (Status.SELESAI, {"hasil": Hasil.ADMINISTRATIF, "pesan_pelapor": "Prosedur sudah diperbaiki."})],
    [(Status.MENUNGGU_PELAPOR, {"pesan_pelapor": "Mohon sebutkan lokasi tepatnya."})],
    [(Status.DITOLAK, {"alasan": "Laporan ganda dengan laporan sebelumnya."})],
    [(Status.DIVERIFIKASI, {}),
     (Status.BUKAN_KEWENANGAN, {"alasan": "Jalan kabupaten.", "dirujuk_ke": "Dinas PUPR Kabupaten"})],
    [(Status.DIVERIFIKASI, {}),
     (Status.SELESAI, {"hasil": Hasil.KEBIJAKAN, "pesan_pelapor": "Diusulkan dalam Musdes."}),
     ("buka", {}), (Status.DITINDAKLANJUTI, {})],
    # Still in discussion, and freshly reopened: every state shows in the demo.
    [(Status.DIVERIFIKASI, {}),
     (Status.DIBAHAS, {"rapat_tanggal": None, "rapat_temuan": "Perlu survei lokasi bersama BPD.",
                       "rapat_peserta": "Sekdes, BPD, kepala dusun, pelapor"})],
    [(Status.DIVERIFIKASI, {}),
     (Status.SELESAI, {"hasil": Hasil.LAINNYA, "pesan_pelapor": "Sudah kami jelaskan."}),
     ("buka", {})],
]  # fmt: skip

KANAL = [k for k, _l in Kanal.choices]
NAMA = ["Baiq Sumiati", "Lalu Hamdi", "Ni Made Sari", "Ahmad Yani", "Siti Khadijah", ""]


def seed(site, data):
    with antrean.tanpa_email():
        _seed(site, data)
    rekomendasi_demo.seed(site, data["slug"])


def _seed(site, data):
    Kategori.buat_bawaan(site)
    if Pengaduan.objects.filter(site=site).exists():
        return
    rng = random.Random(site.hostname)
    kategori = {k.nama: k for k in Kategori.objects.filter(site=site)}
    dusun = list(Dusun.objects.filter(profil__site=site))
    now = timezone.now()
    for i in range(30):
        jenis, kat, judul, judul_publik, ringkasan = CONTOH[i % len(CONTOH)]
        received = now - timedelta(days=rng.randint(3, 300), hours=rng.randint(0, 8))
        if i % 10 == 0:
            received = now - timedelta(days=6)  # overdue and still open
        item, _pin, _ = layanan.buat_pengaduan(
            site=site,
            data={
                "jenis": jenis,
                "kategori": kategori.get(kat),
                "kanal": KANAL[i % len(KANAL)],
                "judul": judul,
                "uraian": ringkasan + " Mohon segera ditindaklanjuti.",
                "dusun": dusun[i % len(dusun)] if dusun else None,
                "rt": f"{rng.randint(1, 9):03d}",
                "nama": NAMA[i % len(NAMA)],
                "telepon": f"0812 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                "rahasiakan_identitas": i % 4 == 0,
                "laporan_rahasia": i % 9 == 0,
                "gender": ["perempuan", "laki_laki", ""][i % 3],
                "kelompok_umur": ["u_17_29", "u_30_44", "u_45_59", "u_60", ""][i % 5],
                "rentan_kk_perempuan": i % 7 == 0,
                "rentan_lansia": i % 5 == 3,
                "persetujuan": True,
            },
            diterima_pada=received,
        )
        # The officer's neutral public text, given when the item leaves Diterima.
        publik = {"judul_publik": judul_publik, "ringkasan_publik": ringkasan}
        waktu = received
        for target, fields in ALUR[i % len(ALUR)]:
            waktu += timedelta(hours=rng.choice([3, 20, 30, 50]))
            if waktu > now:
                break
            fields = {k: (v if v is not None else waktu.date()) for k, v in fields.items()}
            if target == "buka":
                item = layanan.buka_kembali(item, "Perbaikan belum tuntas.", now=waktu)
                continue
            if item.status == Status.DITERIMA:
                fields = {**publik, **fields}
            item, _event = layanan.ubah_status(
                item, target, data={"catatan_publik": str(_note(target)), **fields}, waktu=waktu
            )
        if item.status == Status.SELESAI and i % 3:
            layanan.beri_penilaian(item, rng.randint(2, 5), "Terima kasih.")
    jalur_demo.seed(site, data["slug"])


def _note(target):
    from pengaduan.workflow import DEFAULT_TEMPLATES

    return DEFAULT_TEMPLATES.get(Status(target), "")
