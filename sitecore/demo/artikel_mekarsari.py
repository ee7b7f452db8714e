"""Mekar Sari's news (Narmada, Lombok Barat): irrigation, posyandu, springs, BUMDes, Sasak
culture. Each article carries its English translation and the comments it drew."""

# days ago, category, tags, headline?, (id title, summary, paragraphs), (en ...), comments
ARTIKEL = [
    (
        4,
        "Pemerintahan",
        ["musdes", "perencanaan"],
        True,
        (
            "Musyawarah Desa Mekar Sari Sepakati Prioritas RKPDes",
            "Saluran irigasi Lendang Re dan lampu jalan Gubuk Baru jadi usulan teratas.",
            [
                "Aula kantor desa penuh sejak pukul delapan pagi. Perwakilan lima dusun, BPD, "
                "kader PKK dan Karang Taruna membahas usulan dari musyawarah dusun.",
                "Perbaikan saluran irigasi di Lendang Re dan lampu jalan di Gubuk Baru paling "
                "banyak diusulkan. Berita acara musyawarah akan dimuat di halaman transparansi.",
            ],
        ),
        (
            "Mekar Sari Village Meeting Agrees on Next Year's Priorities",
            "The Lendang Re irrigation canal and street lights in Gubuk Baru top the list.",
            [
                "The village hall was full from eight in the morning. Representatives of the "
                "five hamlets, the BPD, PKK volunteers and the youth group discussed the "
                "proposals from the hamlet meetings.",
                "Repairing the irrigation canal in Lendang Re and street lights in Gubuk Baru "
                "were proposed most often. The minutes will be published on the transparency "
                "page.",
            ],
        ),
        [
            ("Baiq Rahmi", "Semoga lampu jalan Gubuk Baru benar-benar masuk tahun depan.", True),
            ("Lalu Irwan", "Usulan jalan ke sawah Tanak Beak kenapa belum dibahas?", True),
        ],
    ),
    (
        11,
        "Pertanian",
        ["irigasi", "subak"],
        False,
        (
            "Petani Lendang Re Bersihkan Saluran Irigasi Jelang Musim Tanam",
            "Seratus lebih petani mengangkat lumpur dan sampah dari saluran sepanjang 2 km.",
            [
                "Menjelang musim tanam padi, petani di Dusun Lendang Re turun bersama "
                "membersihkan saluran irigasi dari mata air Suranadi.",
                "Pekasih, pengatur air sawah, meminta warga tidak membuang sampah plastik ke "
                "saluran agar air sampai ke petak sawah paling ujung.",
            ],
        ),
        (
            "Lendang Re Farmers Clear the Irrigation Canal Before Planting",
            "Over a hundred farmers lifted mud and rubbish from two kilometres of canal.",
            [
                "Ahead of the rice planting season, farmers in Lendang Re hamlet cleared the "
                "irrigation canal fed by the Suranadi springs together.",
                "The pekasih, who shares out the water, asked residents not to throw plastic "
                "into the canal so that water reaches the furthest fields.",
            ],
        ),
        [("Amaq Sahnun", "Terima kasih pekasih, air sekarang lancar sampai ujung.", True)],
    ),
    (
        19,
        "Kesehatan",
        ["posyandu", "balita"],
        False,
        (
            "Posyandu Melati Karang Bedil Timbang 86 Balita",
            "Bidan desa menemukan tiga balita perlu pendampingan gizi.",
            [
                "Kader Posyandu Melati di Dusun Karang Bedil menimbang dan mengukur 86 balita. "
                "Bidan desa memberi imunisasi dan vitamin A.",
                "Tiga balita dengan berat badan kurang akan mendapat makanan tambahan dan "
                "kunjungan rumah setiap pekan.",
            ],
        ),
        (
            "Melati Posyandu in Karang Bedil Weighs 86 Toddlers",
            "The village midwife found three toddlers who need nutrition support.",
            [
                "Volunteers of the Melati posyandu in Karang Bedil hamlet weighed and measured "
                "86 toddlers. The village midwife gave immunisations and vitamin A.",
                "Three underweight toddlers will receive supplementary food and a home visit "
                "every week.",
            ],
        ),
        [
            ("Inaq Nur", "Anak saya sudah imunisasi, terima kasih bu bidan.", True),
            ("Hj. Aisyah", "Posyandu bulan depan tanggal berapa?", False),
        ],
    ),
    (
        33,
        "Wisata dan Budaya",
        ["wisata", "bumdes"],
        True,
        (
            "Kolam Mata Air Mekar Sari Ramai Pengunjung Saat Libur Sekolah",
            "BUMDes mencatat 2.300 pengunjung dalam dua pekan.",
            [
                "Kolam pemandian dari mata air di Dusun Mekar Sari dikelola BUMDes Mekar "
                "Mandiri. Selama libur sekolah pengunjung datang dari Mataram dan Lombok Tengah.",
                "Pemuda dusun menjaga parkir dan kebersihan. Pendapatan tiket dicatat harian "
                "dan dilaporkan kepada BPD.",
            ],
        ),
        (
            "Mekar Sari Spring Pool Busy During the School Holidays",
            "The village enterprise counted 2,300 visitors in two weeks.",
            [
                "The spring-fed pool in Mekar Sari hamlet is run by the BUMDes Mekar Mandiri. "
                "During the school holidays visitors came from Mataram and Central Lombok.",
                "Young people of the hamlet look after parking and cleanliness. Ticket income "
                "is recorded daily and reported to the BPD.",
            ],
        ),
        [("Rizal", "Airnya jernih dan dingin, toiletnya perlu ditambah.", True)],
    ),
    (
        47,
        "Pemerintahan",
        ["bumdes", "air-bersih"],
        False,
        (
            "BUMDes Mekar Mandiri Setor Hasil Usaha Air Bersih ke Kas Desa",
            "Rp 38 juta dari iuran air bersih 540 sambungan rumah.",
            [
                "BUMDes Mekar Mandiri menyetorkan bagian hasil usaha tahun lalu ke kas desa. "
                "Sebagian besar berasal dari iuran air bersih warga.",
                "Direktur BUMDes menyebut dana perawatan pipa induk tetap disisihkan agar "
                "gangguan air bisa cepat ditangani.",
            ],
        ),
        (
            "BUMDes Mekar Mandiri Pays Clean Water Profits into the Village Treasury",
            "Rp 38 million from the water fees of 540 household connections.",
            [
                "The village enterprise Mekar Mandiri paid its share of last year's profit into "
                "the village treasury. Most of it came from residents' clean water fees.",
                "Its director said money for maintaining the main pipe is still set aside so "
                "that water outages can be fixed quickly.",
            ],
        ),
        [("Muhammad Ridwan", "Mohon laporan BUMDes juga dipasang di papan dusun.", True)],
    ),
    (
        62,
        "Wisata dan Budaya",
        ["budaya", "pemuda"],
        False,
        (
            "Pemuda Gubuk Baru Berlatih Gendang Beleq untuk Festival Desa",
            "Dua puluh pemuda belajar dari penabuh senior setiap malam Minggu.",
            [
                "Sanggar Karang Taruna di Dusun Gubuk Baru menghidupkan kembali gendang beleq, "
                "musik tradisi Sasak yang biasa mengiringi nyongkolan.",
                "Penampilan pertama direncanakan pada festival desa bulan depan.",
            ],
        ),
        (
            "Gubuk Baru Youth Rehearse Gendang Beleq for the Village Festival",
            "Twenty young people learn from senior drummers every Saturday night.",
            [
                "The youth group's studio in Gubuk Baru hamlet is reviving gendang beleq, the "
                "Sasak drum music that accompanies wedding processions.",
                "Their first performance is planned for next month's village festival.",
            ],
        ),
        [("Lalu Gede", "Mantap, budaya Sasak harus dijaga anak muda.", True)],
    ),
    (
        78,
        "Pembangunan",
        ["jalan", "dana-desa"],
        False,
        (
            "Jalan Usaha Tani Tanak Beak Sepanjang 450 Meter Rampung",
            "Dikerjakan padat karya oleh 35 warga dengan Dana Desa.",
            [
                "Jalan rabat beton menuju sawah dan kebun kakao di Dusun Tanak Beak selesai "
                "dikerjakan. Petani kini bisa mengangkut hasil panen dengan sepeda motor.",
                "Rincian anggaran dan realisasinya dapat dilihat di halaman APBDes.",
            ],
        ),
        (
            "The 450-Metre Farm Road in Tanak Beak Is Finished",
            "Built by 35 residents in a cash-for-work scheme paid from the Village Fund.",
            [
                "The concrete road to the rice fields and cocoa gardens of Tanak Beak hamlet "
                "is finished. Farmers can now carry their harvest by motorbike.",
                "The budget and its spending are shown on the APBDes page.",
            ],
        ),
        [("I Ketut Wirata", "Terima kasih, sekarang tidak becek lagi ke kebun.", True)],
    ),
    (
        95,
        "Pertanian",
        ["kakao", "pelatihan"],
        False,
        (
            "Petani Kakao Belajar Fermentasi Biji agar Harga Naik",
            "Biji kakao fermentasi dihargai lebih tinggi oleh pembeli di Mataram.",
            [
                "Penyuluh pertanian melatih kelompok tani kakao cara memfermentasi biji selama "
                "lima hari dalam kotak kayu sebelum dijemur.",
                "Kelompok tani sepakat menjual bersama agar mendapat harga yang lebih baik.",
            ],
        ),
        (
            "Cocoa Farmers Learn to Ferment Beans for a Better Price",
            "Buyers in Mataram pay more for fermented cocoa beans.",
            [
                "The agricultural extension officer taught the cocoa farmer group to ferment "
                "beans for five days in wooden boxes before drying them.",
                "The group agreed to sell together to get a better price.",
            ],
        ),
        [],
    ),
    (
        -6,
        "Pemerintahan",
        ["pengumuman", "pelayanan"],
        False,
        (
            "Pelayanan Surat Tetap Buka Selama Libur Akhir Tahun",
            "Petugas piket melayani surat pengantar pukul 08.00–12.00 WITA.",
            [
                "Selama libur akhir tahun kantor desa tetap membuka pelayanan surat pengantar "
                "dengan petugas piket.",
            ],
        ),
        (
            "Letters Still Issued During the Year-End Holidays",
            "Duty staff issue cover letters from 08:00 to 12:00 WITA.",
            [
                "During the year-end holidays the village office keeps issuing cover letters "
                "with staff on duty.",
            ],
        ),
        [],
    ),
]
