"""Demo plans of a village: its RPJMDes, last year's and this year's RKPDes, and dated
progress of the running activities. Each village names its own hamlets.

Called by transparansi.demo, which passes its page helpers in; safe to run again.
"""

from datetime import date, timedelta
from decimal import Decimal as D

from django.contrib.auth import get_user_model

from pengaduan.models import Pengaduan
from sitecore.demo import images
from sitecore.models import DesaProfil
from transparansi.models.program import ProgramRPJMDes, ProgresKegiatan
from transparansi.models.rencana import KegiatanRencana, RKPDesPage, RPJMDesPage
from transparansi.rencana.progres import hari_ini, simpan_progres

JUTA = D(1_000_000)

# (key, sub-bidang, programme, location, volume and target, ticked years 1-6, juta, source)
PROGRAM = {
    "mekar-sari": [
        ("jalan", "2.3", "Pembangunan dan rehabilitasi jalan usaha tani",
         "Dusun Karang Bedil dan Tanak Beak", "2.400 m; 320 KK petani", (1, 2, 3), 900, "DDS"),
        ("irigasi", "2.3", "Rehabilitasi saluran irigasi tersier",
         "Dusun Lendang Re dan Mekar Sari", "1.200 m; 85 ha sawah", (2, 4), 420, "DDS"),
        ("air", "2.4", "Perluasan sambungan air bersih rumah tangga", "Dusun Gubuk Baru",
         "150 sambungan rumah", (1, 3, 5), 360, "DDS"),
        ("posyandu", "2.2", "Posyandu dan makanan tambahan balita", "5 posyandu",
         "5 posyandu; ±240 balita", (1, 2, 3, 4, 5, 6), 500, "DDS"),
        ("perempuan", "4.4", "Pelatihan usaha bagi kelompok perempuan", "Balai desa",
         "4 angkatan; 80 peserta", (2, 4), 80, "BKK"),
        ("embung", "2.5", "Pembangunan embung tadah hujan", "Dusun Tanak Beak",
         "1 embung 2.000 m³", (5, 6), 450, "BKK"),
    ],
    "karangsari": [
        ("jalan", "2.3", "Pembangunan jalan usaha tani ke sentra sayuran",
         "Dusun Siwarak dan Tlahab", "1.800 m; 260 KK petani sayur", (1, 2, 4), 780, "DDS"),
        ("irigasi", "2.3", "Saluran irigasi tersier lahan sayuran", "Dusun Tlahab",
         "900 m; 40 ha kebun sayur", (2, 3), 300, "DDS"),
        ("talud", "5.1", "Talud penahan tanah di lereng rawan longsor", "Dusun Kaliurip",
         "600 m³; 40 rumah terlindungi", (3, 4), 350, "DDS"),
        ("posyandu", "2.2", "Posyandu dan makanan tambahan balita", "4 posyandu",
         "4 posyandu; ±190 balita", (1, 2, 3, 4, 5, 6), 420, "DDS"),
        ("perempuan", "4.4", "Pelatihan olahan hasil kebun bagi kelompok perempuan",
         "Balai desa", "3 angkatan; 60 peserta", (2, 4, 6), 90, "BKK"),
        ("air", "2.4", "Perpipaan air bersih dari mata air", "Dusun Krajan",
         "3.500 m pipa; 180 KK", (4, 5), 400, "BKK"),
    ],
}  # fmt: skip

# This year's activities: (programme key, name, location, volume, unit, juta, source,
# executor, APBDes code, [(days ago, percentage, note)]).
KEGIATAN = {
    "mekar-sari": [
        ("jalan", "Rehabilitasi jalan usaha tani Karang Bedil", "Dusun Karang Bedil", 850, "m",
         310, "DDS", "TPK Desa", "2.3.01",
         [(70, 20, "Pembersihan badan jalan dan penghamparan batu 170 m."),
          (40, 45, "Pengerasan 380 m; pekerja dari warga Karang Bedil."),
          (12, 60, "Pengerasan 510 m dari 850 m selesai.")]),
        ("irigasi", "Saluran irigasi tersier Lendang Re", "Dusun Lendang Re", 400, "m",
         185, "DDS", "TPK Desa", "2.3.02",
         [(35, 15, "Galian saluran 60 m."), (8, 35, "Pasangan batu kali 140 m.")]),
        ("posyandu", "Posyandu dan makanan tambahan balita", "5 posyandu", 12, "bulan",
         84, "DDS", "Kader posyandu", "2.2.01",
         [(60, 25, "Tiga bulan pertama: penimbangan dan PMT di 5 posyandu."),
          (5, 50, "Enam bulan berjalan; 12 balita keluar dari gizi kurang.")]),
        ("perempuan", "Pelatihan usaha perempuan", "Balai desa", 2, "angkatan",
         40, "BKK", "TP PKK", "4.4.01", []),
    ],
    "karangsari": [
        ("jalan", "Rehabilitasi jalan usaha tani Siwarak", "Dusun Siwarak", 700, "m",
         264, "DDS", "TPK Desa", "2.3.01",
         [(55, 30, "Rabat beton 210 m di tanjakan menuju kebun sayur."),
          (10, 55, "Rabat beton 385 m dari 700 m.")]),
        ("irigasi", "Saluran irigasi tersier Tlahab", "Dusun Tlahab", 350, "m",
         157, "DDS", "TPK Desa", "2.3.02",
         [(20, 25, "Galian dan pasangan saluran 90 m.")]),
        ("posyandu", "Posyandu dan makanan tambahan balita", "4 posyandu", 12, "bulan",
         71, "DDS", "Kader posyandu", "2.2.01",
         [(45, 40, "Lima bulan pertama di 4 posyandu."), (3, 55, "Bulan ketujuh berjalan.")]),
        ("perempuan", "Pelatihan usaha perempuan", "Balai desa", 2, "angkatan",
         34, "BKK", "TP PKK", "4.4.01", []),
    ],
}  # fmt: skip

# Last year's activities, all finished: (programme key, name, location, juta).
KEGIATAN_LALU = {
    "mekar-sari": [
        ("jalan", "Jalan usaha tani Tanak Beak tahap I", "Dusun Tanak Beak", 280),
        ("air", "Sambungan air bersih Gubuk Baru", "Dusun Gubuk Baru", 120),
        ("posyandu", "Posyandu dan makanan tambahan balita", "5 posyandu", 80),
    ],
    "karangsari": [
        ("jalan", "Jalan usaha tani Tlahab tahap I", "Dusun Tlahab", 240),
        ("posyandu", "Posyandu dan makanan tambahan balita", "4 posyandu", 68),
    ],
}


def seed(site, data, section, publish, pdf):
    """RPJMDes (started last year), then the RKPDes of last year and of this year."""
    slug = data["slug"]
    koleksi = DesaProfil.for_site(site).koleksi
    today = hari_ini(section)
    tahun = today.year
    awal = tahun - 1
    rpjmdes = RPJMDesPage.objects.child_of(section).filter(slug=f"rpjmdes-{awal}").first()
    if rpjmdes is None:
        rpjmdes = RPJMDesPage(
            title=f"RPJMDes {awal}–{awal + 5}",
            slug=f"rpjmdes-{awal}",
            tahun_mulai=awal,
            tahun_selesai=awal + 5,
            nomor_perdes=f"3 Tahun {awal}",
            ringkasan=(
                "<p>Rencana enam tahun yang menjabarkan visi dan misi kepala desa, disusun "
                "lewat musyawarah dusun dan Musyawarah Desa.</p>"
            ),
            dokumen=pdf(f"RPJMDes {awal}–{awal + 5} Desa {data['nama']}", koleksi, "rpjmdes.pdf"),
        )
        rpjmdes.program = [
            ProgramRPJMDes(
                sub_bidang=sub,
                nama=nama,
                lokasi=lokasi,
                sasaran=sasaran,
                biaya=juta * JUTA,
                sumber_dana=sumber,
                sort_order=i,
                **{f"tahun_{n}": n in tahun_ke for n in range(1, 7)},
            )
            for i, (_, sub, nama, lokasi, sasaran, tahun_ke, juta, sumber) in enumerate(
                PROGRAM[slug]
            )
        ]
        publish(section, rpjmdes)
    rows = rpjmdes.program.order_by("sort_order")
    program = {key: p for (key, *_), p in zip(PROGRAM[slug], rows, strict=True)}

    if not RKPDesPage.objects.child_of(section).filter(slug=f"rkpdes-{awal}").exists():
        lalu = RKPDesPage(
            title=f"RKPDes {awal}",
            slug=f"rkpdes-{awal}",
            tahun_mulai=awal,
            tahun_selesai=awal,
            nomor_perdes=f"1 Tahun {awal - 1}",
            ringkasan="<p>Rencana kerja tahunan hasil Musyawarah Desa; seluruhnya selesai.</p>",
        )
        lalu.kegiatan = [
            KegiatanRencana(
                program=program[key],
                nama=nama,
                bidang="2",
                lokasi=lokasi,
                biaya=juta * JUTA,
                sumber_dana="DDS",
                pelaksana="TPK Desa",
                tahun_rencana=awal,
                status="selesai",
                progres=100,
                tanggal_mulai=date(awal, 4, 1),
                tanggal_selesai=date(awal, 11, 28),
                sort_order=i,
            )
            for i, (key, nama, lokasi, juta) in enumerate(KEGIATAN_LALU[slug])
        ]
        publish(section, lalu)
        for k in lalu.kegiatan.all():
            ppid = _ppid(slug)
            selesai = [(date(awal, 6, 30), 50, ""), (date(awal, 11, 28), 100, "Selesai.")]
            _riwayat(k, selesai, ppid)

    if RKPDesPage.objects.child_of(section).filter(slug=f"rkpdes-{tahun}").exists():
        return
    foto = [
        images.save_image(
            images.landscape(f"{slug}-kegiatan-{i}", 800, 500, label=label),
            f"Foto {label} {data['nama']}",
            koleksi,
            f"kegiatan-{slug}-{i}.jpg",
        )
        for i, label in enumerate(["Pengerasan jalan", "Saluran irigasi"])
    ]
    plan = RKPDesPage(
        title=f"RKPDes {tahun}",
        slug=f"rkpdes-{tahun}",
        tahun_mulai=tahun,
        tahun_selesai=tahun,
        nomor_perdes=f"1 Tahun {tahun - 1}",
        ringkasan="<p>Rencana kerja tahunan hasil Musyawarah Desa.</p>",
        dokumen=pdf(f"RKPDes {tahun} Desa {data['nama']}", koleksi, f"rkpdes-{tahun}.pdf"),
    )
    rows = []
    for i, (key, nama, lokasi, vol, satuan, juta, sumber, pelaksana, kode, riwayat) in enumerate(
        KEGIATAN[slug]
    ):
        rows.append(
            KegiatanRencana(
                program=program[key],
                nama=nama,
                bidang=kode[0],
                lokasi=lokasi,
                volume=D(vol),
                satuan=satuan,
                biaya=juta * JUTA,
                sumber_dana=sumber,
                pelaksana=pelaksana,
                tahun_rencana=tahun,
                tanggal_mulai=_tanggal(today, riwayat[0][0]) if riwayat else None,
                kode_apbdes=kode,
                sort_order=i,
            )
        )
    plan.kegiatan = rows
    # The posyandu proposals the officers left to the plan: publishing the plan
    # records them as accommodated in the village plan (pengaduan.usulan).
    posyandu = next(k for k in plan.kegiatan.all() if k.nama.startswith("Posyandu"))
    posyandu.usulan = list(
        Pengaduan.objects.filter(site=site, jenis="aspirasi", judul="Posyandu butuh timbangan")
        .publik()
        .filter(jalur_usulan__isnull=True)
    )
    publish(section, plan)
    ppid = _ppid(slug)
    for k, (*_, riwayat) in zip(plan.kegiatan.order_by("sort_order"), KEGIATAN[slug], strict=True):
        entri = [(_tanggal(today, hari), persen, catatan) for hari, persen, catatan in riwayat]
        _riwayat(k, entri, ppid, foto if k.kode_apbdes.startswith("2.3") else [])


def _ppid(slug):
    """The village's demo PPID account records the progress (seeded before the content)."""
    return get_user_model().objects.filter(username=f"ppid.{slug.replace('-', '')}").first()


def _tanggal(today, hari_lalu):
    """`hari_lalu` days ago, kept inside this year and never in the future."""
    return min(today, max(date(today.year, 1, 1), today - timedelta(days=hari_lalu)))


def _riwayat(kegiatan, entri, user=None, foto=()):
    for n, (tanggal, persen, catatan) in enumerate(entri):
        terakhir = n == len(entri) - 1
        blok = []
        if terakhir and foto:
            gambar = foto[0] if "jalan" in kegiatan.nama.lower() else foto[-1]
            blok = [
                (
                    "foto",
                    {
                        "gambar": gambar,
                        "keterangan": f"{kegiatan.lokasi}, {tanggal:%d-%m-%Y}",
                        "teks_alternatif": f"Pekerjaan {kegiatan.nama.lower()} di lapangan",
                    },
                )
            ]
        simpan_progres(
            ProgresKegiatan(
                kegiatan=kegiatan, tanggal=tanggal, persen=persen, catatan=catatan, foto=blok
            ),
            user,
        )
