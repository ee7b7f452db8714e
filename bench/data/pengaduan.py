"""pengaduan for the benchmark data set: many complaints in bulk, and its pages."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from bench.data.core import BenchPage
from pengaduan.kode import buat_kode
from pengaduan.models import Kategori, Pengaduan, PengaduanIndexPage, TindakLanjut
from pengaduan.workflow import Status
from sitecore.models import DesaProfil, Dusun

# Mostly handled items, as in a village that has run the service for years.
STATUSES = [
    Status.SELESAI,
    Status.SELESAI,
    Status.SELESAI,
    Status.DITINDAKLANJUTI,
    Status.DIVERIFIKASI,
    Status.DITOLAK,
    Status.DITERIMA,
]
JENIS = ["pengaduan", "pengaduan", "saran", "aspirasi"]
KANAL = ["web", "web", "whatsapp", "kantor", "sms", "kotak_saran"]
BATCH = 2000


def _unique_codes(n):
    taken = set()
    while len(taken) < n:
        taken.add(buat_kode())
    clash = set(Pengaduan.objects.filter(kode__in=taken).values_list("kode", flat=True))
    return list(taken - clash) + _unique_codes(len(clash)) if clash else list(taken)


def tambah_pengaduan(site, n, seed=0):
    """Bulk-create `n` items over the last three years, with their public events."""
    if n <= 0:
        return 0
    Kategori.buat_bawaan(site)
    kategori = list(Kategori.objects.filter(site=site))
    profil = DesaProfil.objects.filter(site=site).first()
    dusun = list(Dusun.objects.filter(profil=profil)) if profil else []
    if profil and not dusun:
        dusun = [Dusun.objects.create(profil=profil, nama=f"Dusun {i + 1}") for i in range(4)]
    rng = random.Random(f"{site.hostname}-{seed}")
    now = timezone.now()
    span = 3 * 365 * 24 * 3600
    codes = _unique_codes(n)
    made = 0
    for start in range(0, n, BATCH):
        items = []
        for i in range(start, min(n, start + BATCH)):
            t = now - timedelta(seconds=span * (i + 1) // (n + 1) + rng.randint(0, 3000))
            status = STATUSES[i % len(STATUSES)]
            verified = status != Status.DITERIMA
            closed = status in (Status.SELESAI, Status.DITOLAK)
            public = verified and i % 10 != 0  # one in ten stays confidential
            items.append(
                Pengaduan(
                    site=site,
                    kode=codes[i],
                    pin_hash="!",  # unusable: generated items cannot be tracked by PIN
                    jenis=JENIS[i % len(JENIS)],
                    kategori=kategori[i % len(kategori)] if kategori else None,
                    kanal=KANAL[i % len(KANAL)],
                    judul=f"Laporan warga nomor {seed + i + 1}",
                    uraian="Uraian asli dari pelapor yang hanya dibaca petugas desa.",
                    dusun=dusun[i % len(dusun)] if dusun else None,
                    nama="Warga Desa",
                    gender=["perempuan", "laki_laki", ""][i % 3],
                    kelompok_umur=["u_17_29", "u_30_44", "u_45_59", "u_60", ""][i % 5],
                    rentan_lansia=i % 9 == 0,
                    persetujuan=True,
                    laporan_rahasia=not public,
                    diterima_pada=t,
                    status=status,
                    diverifikasi_pada=t + timedelta(hours=3) if verified else None,
                    ditanggapi_pada=t + timedelta(hours=3) if verified else None,
                    diselesaikan_pada=t + timedelta(days=2) if closed else None,
                    tenggat_tanggapan=t + timedelta(days=1),
                    tenggat_selesai=t + timedelta(days=2),
                    hari_tanggapan=rng.choice([0, 0, 1, 2]) if verified else None,
                    hari_selesai=rng.choice([1, 2, 2, 3, 6]) if closed else None,
                    tepat_tanggapan=True if verified else None,
                    tepat_selesai=(i % 6 != 0) if closed else None,
                    judul_publik=f"Laporan warga tentang layanan desa {seed + i + 1}"
                    if verified
                    else "",
                    ringkasan_publik="Petugas desa sudah memeriksa dan menanggapi laporan ini."
                    if verified
                    else "",
                    penilaian=1 + i % 5 if status == Status.SELESAI and i % 2 else None,
                )
            )
        with transaction.atomic():
            Pengaduan.objects.bulk_create(items, batch_size=500)
            events = []
            for p in items:
                events.append(
                    TindakLanjut(
                        pengaduan=p,
                        ke_status=Status.DITERIMA,
                        waktu=p.diterima_pada,
                        catatan_publik="Laporan diterima.",
                    )  # fmt: skip
                )
                if p.diverifikasi_pada:
                    events.append(
                        TindakLanjut(
                            pengaduan=p,
                            dari_status=Status.DITERIMA,
                            ke_status=p.status,
                            waktu=p.diverifikasi_pada,
                            catatan_publik="Ditangani.",
                        )  # fmt: skip
                    )
            TindakLanjut.objects.bulk_create(events, batch_size=1000)
        made += len(items)
    return made


def generate(site, scale):
    tambah_pengaduan(site, scale.pengaduan)


def _index(site):
    return (
        PengaduanIndexPage.objects.child_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )


def _item(site, base):
    """The newest public, non-confidential item's register page (none: no page)."""
    item = (
        Pengaduan.objects.filter(site=site, laporan_rahasia=False)
        .publik()
        .order_by("-diterima_pada")
        .first()
    )
    if item is None:
        return []
    url = f"{base}register/{item.kode}/"
    return [BenchPage("register_item", "Complaint item", url, order=75)]


def pages(site):
    index = _index(site)
    if index is None:
        return []
    base = index.relative_url(site)
    year = timezone.localdate().year
    return [
        BenchPage("register", "Complaint register", base + "register/", order=70),
        *_item(site, base),
        BenchPage(
            "register_filtered",
            "Register with filters",
            base + f"register/?status=selesai&jenis=pengaduan&tahun={year}",
            order=80,
        ),
        BenchPage("report", "Feedback report", base + f"laporan/{year}/", order=90),
        BenchPage(
            "submission",
            "Complaint submission",
            base,
            order=100,
            # The client adds the form's hidden fields (CSRF, one-time token, captcha key).
            post={
                "jenis": "pengaduan",
                "judul": "Lampu jalan padam di dekat masjid",
                "uraian": "Tiga lampu jalan padam sejak minggu lalu sehingga jalan gelap.",
                "nama": "Warga Uji Beban",
                "telepon": "0812 0000 0000",
                "persetujuan": "on",
                "captcha_1": "PASSED",
            },
        ),
    ]
