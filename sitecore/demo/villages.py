"""Demo villages: fictional places in two real regencies, written for this project."""

MEKAR_SARI = {
    "nama": "Mekar Sari",
    "slug": "mekar-sari",
    "hostname": "mekarsari.localhost",
    "zona_waktu": "Asia/Makassar",
    "kecamatan": "Narmada",
    "kabupaten": "Kabupaten Lombok Barat",
    "provinsi": "Nusa Tenggara Barat",
    "profil": {
        "kode_pos": "83371",
        "slogan": "Bersama membangun desa yang terbuka, hijau dan sejahtera",
        "alamat_kantor": "Jalan Raya Suranadi No. 12, Dusun Mekar Sari",
        "telepon": "0370 671234",
        "email": "pemdes@mekarsari.example.id",
        "whatsapp": "0819 0712 3456",
        "latitude": "-8.573400",
        "longitude": "116.205100",
        "jam_pelayanan": "Senin–Kamis: 08.00–15.00\nJumat: 08.00–11.30\nSabtu: 08.00–12.00",
        "hari_kerja": 6,
        "facebook": "https://www.facebook.com/pemdesmekarsari",
        "instagram": "https://www.instagram.com/desamekarsari",
        "youtube": "https://www.youtube.com/@desamekarsari",
    },
    "dusun": [
        ("Mekar Sari", "Lalu Ahmad Fauzi"),
        ("Karang Bedil", "Muhammad Ridwan"),
        ("Lendang Re", "Baiq Hartini"),
        ("Gubuk Baru", "Sahnun"),
        ("Tanak Beak", "I Ketut Wirata"),
    ],
    "aparatur": [
        ("H. Lalu Muhammad Saleh", "Kepala Desa"),
        ("Baiq Nurhasanah, S.E.", "Sekretaris Desa"),
        ("Ahmad Zaini", "Kepala Seksi Pemerintahan"),
        ("Siti Aminah, S.Pd.", "Kepala Seksi Kesejahteraan"),
        ("Muhammad Hasbi", "Kepala Urusan Keuangan"),
        ("Nurul Hidayati", "Kepala Urusan Umum dan Perencanaan"),
    ],
    "intro": (
        "Desa di kaki Gunung Rinjani dengan sawah berundak, mata air Suranadi dan "
        "warga yang rajin bergotong royong."
    ),
    "sambutan": (
        "<p>Assalamu'alaikum warahmatullahi wabarakatuh, salam sejahtera untuk kita semua.</p>"
        "<p>Situs ini kami bangun agar setiap warga Mekar Sari, di mana pun berada, dapat "
        "mengetahui kegiatan pemerintah desa, membaca laporan anggaran, dan menyampaikan "
        "pengaduan maupun usulan pembangunan tanpa harus datang ke kantor desa. Setiap "
        "laporan akan kami catat, tindak lanjuti, dan jawab sesuai standar pelayanan.</p>"
        "<p>Mari bersama menjaga desa kita tetap terbuka, hijau dan sejahtera.</p>"
    ),
    "sejarah": (
        "Nama Mekar Sari berasal dari pemekaran wilayah Desa Suranadi pada tahun 1989. "
        "Para tetua dusun memilih nama itu sebagai doa agar desa baru ini berkembang "
        "seperti bunga yang mekar. Sejak dahulu warga hidup dari sawah irigasi yang "
        "airnya bersumber dari mata air di kaki Rinjani, serta dari kebun kelapa, kakao "
        "dan durian. Tradisi begawe, yaitu gotong royong dalam hajatan, masih dijaga "
        "hingga kini."
    ),
    "visi": "Terwujudnya Desa Mekar Sari yang terbuka, mandiri, hijau dan sejahtera.",
    "misi": [
        "Menyelenggarakan pemerintahan desa yang jujur, terbuka dan melayani.",
        "Meningkatkan kualitas jalan usaha tani, irigasi dan air bersih.",
        "Mengembangkan BUMDes dan wisata alam berbasis masyarakat.",
        "Memperkuat layanan kesehatan ibu dan anak melalui posyandu.",
        "Melibatkan perempuan, pemuda dan kelompok rentan dalam perencanaan desa.",
    ],
    "lembaga": [
        (
            "Badan Permusyawaratan Desa (BPD)",
            "Menyalurkan aspirasi warga dan mengawasi kinerja kepala desa.",
        ),
        (
            "Lembaga Pemberdayaan Masyarakat Desa (LPMD)",
            "Menggerakkan gotong royong dan pembangunan.",
        ),
        ("Tim Penggerak PKK", "Memberdayakan keluarga melalui sepuluh program pokok PKK."),
        ("Karang Taruna Bintang Rinjani", "Wadah kegiatan sosial dan olahraga pemuda."),
        ("BUMDes Mekar Mandiri", "Mengelola air bersih desa dan wisata pemandian."),
    ],
    "warna": (27, 94, 32),
    "en": {
        "intro": (
            "A village at the foot of Mount Rinjani with terraced rice fields, the Suranadi "
            "springs and neighbours who readily work together."
        ),
        "ringkasan_profil": "History, vision and mission, and institutions of Mekar Sari.",
        "sambutan": (
            "<p>Assalamu'alaikum warahmatullahi wabarakatuh, peace be upon us all.</p>"
            "<p>We built this site so that every resident of Mekar Sari, wherever they are, "
            "can follow the work of the village government, read the budget reports, and "
            "send complaints or development proposals without coming to the village office. "
            "We record every report, follow it up and answer it within our service "
            "standards.</p>"
            "<p>Let us keep our village open, green and prosperous together.</p>"
        ),
        "sejarah": (
            "The name Mekar Sari dates from 1989, when the village was split off from "
            "Suranadi. The hamlet elders chose it as a prayer that the new village would "
            "grow like a blossoming flower. Residents have long lived from irrigated rice "
            "fields fed by springs at the foot of Rinjani, and from coconut, cocoa and durian "
            "gardens. Begawe, the Sasak tradition of working together for a family's "
            "celebration, is still kept today."
        ),
        "visi": "An open, self-reliant, green and prosperous Mekar Sari.",
        "misi": [
            "Run an honest, open village government that serves its residents.",
            "Improve farm roads, irrigation and clean water.",
            "Grow the village enterprise (BUMDes) and community-run nature tourism.",
            "Strengthen mother and child health care through the posyandu.",
            "Involve women, young people and vulnerable groups in village planning.",
        ],
        "lembaga": [
            (
                "Village Consultative Body (BPD)",
                "Carries residents' aspirations and oversees the village head.",
            ),
            (
                "Village Community Empowerment Institution (LPMD)",
                "Mobilises mutual help and development.",
            ),
            ("PKK Women's Movement", "Empowers families through PKK's ten core programmes."),
            ("Karang Taruna Bintang Rinjani", "The youth organisation for social work and sport."),
            ("BUMDes Mekar Mandiri", "Runs the village water supply and the spring-fed pool."),
        ],
    },
}

KARANGSARI = {
    "nama": "Karangsari",
    "slug": "karangsari",
    "hostname": "karangsari.localhost",
    "zona_waktu": "Asia/Jakarta",
    "kecamatan": "Karangreja",
    "kabupaten": "Kabupaten Purbalingga",
    "provinsi": "Jawa Tengah",
    "profil": {
        "kode_pos": "53357",
        "slogan": "Guyub, rukun, maju bareng",
        "alamat_kantor": "Jalan Raya Karangreja–Serang Km 3, RT 02 RW 01",
        "telepon": "0281 6591234",
        "email": "pemdes@karangsari.example.id",
        "whatsapp": "0857 2614 7788",
        "latitude": "-7.250600",
        "longitude": "109.290300",
        "jam_pelayanan": "Senin–Kamis: 07.30–15.30\nJumat: 07.30–11.00",
        "hari_kerja": 5,
        "facebook": "https://www.facebook.com/desakarangsari.pbg",
        "instagram": "https://www.instagram.com/karangsari_pbg",
    },
    "dusun": [
        ("Krajan", "Slamet Riyanto"),
        ("Siwarak", "Darsono"),
        ("Kaliurip", "Suwarni"),
        ("Tlahab", "Wahyudi"),
    ],
    "aparatur": [
        ("Sugeng Riyadi", "Kepala Desa"),
        ("Tri Wahyuni, S.Sos.", "Sekretaris Desa"),
        ("Agus Priyanto", "Kepala Urusan Keuangan"),
        ("Dwi Lestari", "Kepala Seksi Pelayanan"),
        ("Rohmat Hidayat", "Kepala Seksi Pemerintahan"),
    ],
    "intro": (
        "Desa sejuk di lereng Gunung Slamet, penghasil sayuran dan stroberi, "
        "dengan kelompok tani dan UMKM yang terus tumbuh."
    ),
    "sambutan": (
        "<p>Sugeng rawuh di situs resmi Desa Karangsari.</p>"
        "<p>Melalui situs ini pemerintah desa menyampaikan berita, agenda kegiatan, "
        "data kependudukan dan laporan keuangan desa secara terbuka. Warga juga dapat "
        "menyampaikan pengaduan, saran dan usulan pembangunan secara daring dan "
        "memantau tindak lanjutnya dengan kode pelacakan.</p>"
        "<p>Mari guyub rukun membangun Karangsari.</p>"
    ),
    "sejarah": (
        "Karangsari tumbuh dari permukiman petani di lereng utara Gunung Slamet. "
        "Konon nama desa diambil dari batu karang besar di tepi Kali Tlahab yang menjadi "
        "tempat warga bermusyawarah. Tanah vulkanis yang subur menjadikan desa ini "
        "penghasil kentang, kubis, daun bawang dan stroberi yang dipasarkan hingga "
        "Purwokerto dan Semarang."
    ),
    "visi": "Karangsari desa agrowisata yang mandiri, transparan dan berbudaya.",
    "misi": [
        "Meningkatkan pelayanan administrasi yang cepat dan ramah.",
        "Mengembangkan agrowisata petik stroberi bersama kelompok tani.",
        "Membangun jalan desa, drainase dan sarana air bersih yang merata.",
        "Menguatkan kelompok perempuan dan UMKM olahan hasil tani.",
    ],
    "lembaga": [
        (
            "Badan Permusyawaratan Desa (BPD)",
            "Membahas dan menyepakati peraturan desa bersama kepala desa.",
        ),
        ("LPMD Karangsari", "Merencanakan dan menggerakkan pembangunan partisipatif."),
        ("Tim Penggerak PKK", "Posyandu, dasawisma dan pemberdayaan keluarga."),
        ("Gapoktan Sari Tani", "Gabungan kelompok tani sayur dan stroberi."),
        ("BUMDes Karya Sari", "Mengelola pasar desa dan agrowisata."),
    ],
    "warna": (21, 71, 120),
    "en": {
        "intro": (
            "A cool village on the slopes of Mount Slamet, growing vegetables and "
            "strawberries, with farmer groups and small businesses that keep growing."
        ),
        "ringkasan_profil": "History, vision and mission, and institutions of Karangsari.",
        "sambutan": (
            "<p>Sugeng rawuh, welcome to the official site of Karangsari.</p>"
            "<p>Through this site the village government openly shares its news, events, "
            "population data and financial reports. Residents can also send complaints, "
            "suggestions and development proposals online and follow them up with a "
            "tracking code.</p>"
            "<p>Let us build Karangsari together in harmony.</p>"
        ),
        "sejarah": (
            "Karangsari grew from a farming settlement on the northern slope of Mount "
            "Slamet. The story goes that the village is named after a large rock on the bank "
            "of the Tlahab river where residents met to deliberate. Its fertile volcanic soil "
            "grows potatoes, cabbages, spring onions and strawberries sold as far as "
            "Purwokerto and Semarang."
        ),
        "visi": "Karangsari, a self-reliant, transparent and cultured agritourism village.",
        "misi": [
            "Provide fast and friendly administrative services.",
            "Develop strawberry-picking agritourism with the farmer groups.",
            "Build village roads, drains and clean water evenly across the hamlets.",
            "Strengthen women's groups and small businesses processing farm produce.",
        ],
        "lembaga": [
            (
                "Village Consultative Body (BPD)",
                "Discusses and agrees village regulations with the village head.",
            ),
            ("LPMD Karangsari", "Plans and drives participatory development."),
            ("PKK Women's Movement", "Posyandu, neighbourhood groups and family empowerment."),
            ("Gapoktan Sari Tani", "The federation of vegetable and strawberry farmer groups."),
            ("BUMDes Karya Sari", "Runs the village market and agritourism."),
        ],
    },
}

DEMO_VILLAGES = [MEKAR_SARI, KARANGSARI]
