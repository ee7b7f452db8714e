"""Reference code tree of the APBDes (Permendagri 20/2018, codes as used by Siskeudes).

Two trees because their codes overlap: "4.1" is PADes in the account tree and the
Kelautan dan Perikanan sub-bidang in the bidang tree. Admins extend both through the
`KodeRekening` snippet; these are the shipped defaults.
"""

# Pendapatan (4) and Pembiayaan (6): kelompok -> jenis.
REKENING = {
    "4": "Pendapatan",
    "4.1": "Pendapatan Asli Desa",
    "4.1.1": "Hasil Usaha Desa",
    "4.1.2": "Hasil Aset Desa",
    "4.1.3": "Swadaya, Partisipasi dan Gotong Royong",
    "4.1.4": "Lain-lain Pendapatan Asli Desa",
    "4.2": "Transfer",
    "4.2.1": "Dana Desa",
    "4.2.2": "Bagian dari Hasil Pajak dan Retribusi Daerah Kabupaten/Kota",
    "4.2.3": "Alokasi Dana Desa",
    "4.2.4": "Bantuan Keuangan APBD Provinsi",
    "4.2.5": "Bantuan Keuangan APBD Kabupaten/Kota",
    "4.3": "Pendapatan Lain-lain",
    "4.3.1": "Penerimaan dari Hasil Kerja Sama antar-Desa",
    "4.3.2": "Penerimaan dari Hasil Kerja Sama dengan Pihak Ketiga",
    "4.3.3": "Penerimaan dari Bantuan Perusahaan yang Berlokasi di Desa",
    "4.3.4": "Hibah dan Sumbangan dari Pihak Ketiga",
    "4.3.5": "Koreksi Kesalahan Belanja Tahun Anggaran Sebelumnya",
    "4.3.6": "Bunga Bank",
    "4.3.9": "Lain-lain Pendapatan Desa yang Sah",
    "6": "Pembiayaan",
    "6.1": "Penerimaan Pembiayaan",
    "6.1.1": "Sisa Lebih Perhitungan Anggaran (SiLPA) Tahun Sebelumnya",
    "6.1.2": "Pencairan Dana Cadangan",
    "6.1.3": "Hasil Penjualan Kekayaan Desa yang Dipisahkan",
    "6.1.9": "Penerimaan Pembiayaan Lainnya",
    "6.2": "Pengeluaran Pembiayaan",
    "6.2.1": "Pembentukan Dana Cadangan",
    "6.2.2": "Penyertaan Modal Desa",
    "6.2.9": "Pengeluaran Pembiayaan Lainnya",
}

# Belanja by bidang -> sub-bidang; kegiatan codes (2.3.01) are the village's own.
BIDANG = {
    "1": "Penyelenggaraan Pemerintahan Desa",
    "1.1": "Penyelenggaraan Belanja Siltap, Tunjangan dan Operasional Pemerintahan Desa",
    "1.2": "Sarana dan Prasarana Pemerintahan Desa",
    "1.3": "Administrasi Kependudukan, Pencatatan Sipil, Statistik dan Kearsipan",
    "1.4": "Tata Praja Pemerintahan, Perencanaan, Keuangan dan Pelaporan",
    "1.5": "Pertanahan",
    "2": "Pelaksanaan Pembangunan Desa",
    "2.1": "Pendidikan",
    "2.2": "Kesehatan",
    "2.3": "Pekerjaan Umum dan Penataan Ruang",
    "2.4": "Kawasan Permukiman",
    "2.5": "Kehutanan dan Lingkungan Hidup",
    "2.6": "Perhubungan, Komunikasi dan Informatika",
    "2.7": "Energi dan Sumber Daya Mineral",
    "2.8": "Pariwisata",
    "3": "Pembinaan Kemasyarakatan",
    "3.1": "Ketenteraman, Ketertiban Umum dan Pelindungan Masyarakat",
    "3.2": "Kebudayaan dan Keagamaan",
    "3.3": "Kepemudaan dan Olahraga",
    "3.4": "Kelembagaan Masyarakat",
    "4": "Pemberdayaan Masyarakat",
    "4.1": "Kelautan dan Perikanan",
    "4.2": "Pertanian dan Peternakan",
    "4.3": "Peningkatan Kapasitas Aparatur Desa",
    "4.4": "Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga",
    "4.5": "Koperasi, Usaha Mikro Kecil dan Menengah",
    "4.6": "Dukungan Penanaman Modal",
    "4.7": "Perdagangan dan Perindustrian",
    "5": "Penanggulangan Bencana, Keadaan Darurat dan Mendesak",
    "5.1": "Penanggulangan Bencana",
    "5.2": "Keadaan Darurat",
    "5.3": "Keadaan Mendesak",
}

JENIS_BELANJA = {
    "5.1": "Belanja Pegawai",
    "5.2": "Belanja Barang dan Jasa",
    "5.3": "Belanja Modal",
    "5.4": "Belanja Tak Terduga",
}

SUMBER_DANA = {
    "DDS": "Dana Desa",
    "ADD": "Alokasi Dana Desa",
    "PBH": "Bagi Hasil Pajak dan Retribusi",
    "PAD": "Pendapatan Asli Desa",
    "BKP": "Bantuan Keuangan Provinsi",
    "BKK": "Bantuan Keuangan Kabupaten/Kota",
    "DLL": "Lain-lain",
}
