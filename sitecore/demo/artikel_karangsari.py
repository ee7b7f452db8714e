"""Karangsari's news (Karangreja, Purbalingga): wig workshops, knalpot makers, the curug,
strawberries, RTLH houses. Each article carries its English translation and comments."""

# days ago, category, tags, headline?, (id title, summary, paragraphs), (en ...), comments
ARTIKEL = [
    (
        2,
        "Ekonomi Warga",
        ["umkm", "rambut-palsu"],
        True,
        (
            "Plasma Rambut Palsu Karangsari Serap 120 Perajin Perempuan",
            "Pesanan bulu mata dan wig dari pabrik Purbalingga naik menjelang akhir tahun.",
            [
                "Di Dusun Krajan, ibu-ibu mengerjakan bulu mata dan rambut palsu di rumah "
                "sebagai plasma pabrik di Purbalingga.",
                "Pemerintah desa menyiapkan pelatihan keselamatan kerja dan pencahayaan yang "
                "baik agar mata perajin tidak cepat lelah.",
            ],
        ),
        (
            "Karangsari Wig Workshops Employ 120 Women",
            "Orders for eyelashes and wigs from Purbalingga factories rise before the year end.",
            [
                "In Krajan hamlet, women make false eyelashes and wigs at home as outworkers "
                "for factories in Purbalingga.",
                "The village government is preparing training on work safety and good lighting "
                "so that the workers' eyes do not tire quickly.",
            ],
        ),
        [
            ("Sri Wahyuni", "Alhamdulillah bisa kerja sambil jaga anak di rumah.", True),
            ("Tarsono", "Upahnya per lusin berapa ya sekarang?", False),
        ],
    ),
    (
        9,
        "Wisata",
        ["wisata", "curug"],
        True,
        (
            "Pokdarwis Tata Jalur Menuju Curug Siwarak",
            "Tangga batu dan pegangan bambu dipasang di jalur curam.",
            [
                "Kelompok sadar wisata Dusun Siwarak memasang tangga batu dan pegangan bambu "
                "di jalan setapak menuju air terjun.",
                "Pengunjung diminta membawa pulang sampahnya dan tidak berenang saat hujan "
                "deras di hulu.",
            ],
        ),
        (
            "Tourism Group Improves the Path to Siwarak Waterfall",
            "Stone steps and bamboo handrails now line the steep stretch.",
            [
                "The tourism awareness group of Siwarak hamlet laid stone steps and bamboo "
                "handrails along the footpath to the waterfall.",
                "Visitors are asked to take their rubbish home and not to swim when it rains "
                "heavily upstream.",
            ],
        ),
        [("Dimas", "Minggu kemarin ke sana, jalurnya sudah jauh lebih aman.", True)],
    ),
    (
        16,
        "Pembangunan",
        ["rtlh", "perumahan"],
        False,
        (
            "Dua Belas Rumah Tidak Layak Huni Dibedah Tahun Ini",
            "Lantai tanah dan atap bocor diganti lewat gotong royong dan Dana Desa.",
            [
                "Program RTLH desa memperbaiki dua belas rumah warga kurang mampu di Kaliurip "
                "dan Tlahab. Warga sekitar membantu sebagai tenaga sukarela.",
                "Daftar penerima dibahas dalam musyawarah dusun dan diumumkan di balai desa.",
            ],
        ),
        (
            "Twelve Substandard Houses Rebuilt This Year",
            "Earth floors and leaking roofs were replaced through mutual help and the Village "
            "Fund.",
            [
                "The village housing programme repaired twelve homes of poorer families in "
                "Kaliurip and Tlahab. Neighbours helped as volunteers.",
                "The list of recipients was discussed in hamlet meetings and posted at the "
                "village hall.",
            ],
        ),
        [("Mbah Karto", "Matur nuwun, sekarang rumah tidak bocor lagi.", True)],
    ),
    (
        25,
        "Ekonomi Warga",
        ["umkm", "knalpot"],
        False,
        (
            "Bengkel Knalpot Tlahab Kirim Pesanan ke Luar Jawa",
            "Tujuh bengkel kecil kini menjual knalpot lewat toko daring.",
            [
                "Perajin knalpot di Dusun Tlahab belajar memotret produk dan berjualan daring "
                "bersama pendamping UMKM kabupaten.",
                "Pesanan kini datang dari Kalimantan dan Sulawesi.",
            ],
        ),
        (
            "Tlahab Exhaust Workshops Ship Orders Beyond Java",
            "Seven small workshops now sell exhaust pipes through online shops.",
            [
                "Exhaust makers in Tlahab hamlet learnt to photograph their products and sell "
                "online with the regency's small business mentors.",
                "Orders now come from Kalimantan and Sulawesi.",
            ],
        ),
        [("Wahyudi", "Bengkel kami siap terima pesanan, silakan mampir.", True)],
    ),
    (
        38,
        "Pertanian",
        ["stroberi", "agrowisata"],
        False,
        (
            "Petik Stroberi Gapoktan Sari Tani Dibuka Setiap Akhir Pekan",
            "Pengunjung bisa memetik sendiri dan membeli bibit.",
            [
                "Gapoktan Sari Tani membuka kebun stroberi untuk wisata petik setiap Sabtu dan "
                "Minggu. Tiket masuk termasuk setengah kilogram stroberi.",
                "BUMDes Karya Sari mengelola parkir dan loket bersama kelompok tani.",
            ],
        ),
        (
            "Sari Tani Strawberry Picking Opens Every Weekend",
            "Visitors can pick their own fruit and buy seedlings.",
            [
                "The Sari Tani farmer federation opens its strawberry gardens for picking every "
                "Saturday and Sunday. The ticket includes half a kilogram of strawberries.",
                "The village enterprise Karya Sari runs parking and the ticket booth with the "
                "farmers.",
            ],
        ),
        [("Nita", "Stroberinya manis, anak-anak senang sekali.", True)],
    ),
    (
        54,
        "Kesehatan",
        ["stunting", "posyandu"],
        False,
        (
            "Kelas Ibu Hamil Karangsari Cegah Stunting Sejak Kandungan",
            "Bidan dan kader dasawisma mendampingi 28 ibu hamil.",
            [
                "Kelas ibu hamil digelar dua pekan sekali di balai desa. Materinya gizi, tanda "
                "bahaya kehamilan dan persiapan menyusui.",
                "Ibu hamil dengan kekurangan energi kronis mendapat telur dan susu setiap "
                "pekan dari Dana Desa.",
            ],
        ),
        (
            "Karangsari Antenatal Class Fights Stunting from Pregnancy",
            "The midwife and neighbourhood volunteers support 28 expectant mothers.",
            [
                "The antenatal class meets every two weeks at the village hall. It covers "
                "nutrition, danger signs in pregnancy and getting ready to breastfeed.",
                "Mothers with chronic energy deficiency receive eggs and milk every week, paid "
                "from the Village Fund.",
            ],
        ),
        [],
    ),
    (
        71,
        "Pembangunan",
        ["drainase", "dana-desa"],
        False,
        (
            "Drainase Jalan Krajan Diperbaiki Sebelum Musim Hujan",
            "Saluran 300 meter dibangun agar jalan tidak tergenang.",
            [
                "Air hujan dari lereng Slamet sering menggenangi jalan Krajan. Saluran baru "
                "sepanjang 300 meter kini mengalirkan air ke Kali Tlahab.",
                "Laporan kegiatan dan foto progres tersedia di halaman RKPDes.",
            ],
        ),
        (
            "Krajan Road Drains Repaired Before the Rainy Season",
            "A 300-metre drain keeps the road from flooding.",
            [
                "Rain running off the slopes of Slamet often flooded the Krajan road. A new "
                "300-metre drain now carries the water to the Tlahab river.",
                "The activity report and progress photos are on the RKPDes page.",
            ],
        ),
        [("Slamet", "Kemarin hujan deras jalan sudah tidak banjir, mantap.", True)],
    ),
    (
        88,
        "Pemerintahan",
        ["apbdes", "transparansi"],
        False,
        (
            "Baliho APBDes Karangsari Dipasang di Tiga Titik",
            "Warga bisa membaca ringkasan anggaran tanpa membuka internet.",
            [
                "Ringkasan pendapatan dan belanja desa kini dipasang di depan balai desa, "
                "pasar desa dan pertigaan Siwarak.",
                "Rincian lengkapnya dapat dibaca dan diunduh di situs desa.",
            ],
        ),
        (
            "Karangsari Budget Billboards Go Up in Three Places",
            "Residents can read the budget summary without going online.",
            [
                "Summaries of village revenue and spending now stand in front of the village "
                "hall, the village market and the Siwarak crossroads.",
                "The full details can be read and downloaded on the village site.",
            ],
        ),
        [],
    ),
]
