# ruff: noqa: E501
"""Demo recommendations: each village's own follow-up to this year's feedback. Idempotent."""

from django.utils import timezone

from pengaduan.umpan_balik.models import RekomendasiUmpanBalik

TEKS = {
    "mekar-sari": """<p>Rekomendasi ini disepakati dalam Musyawarah Desa evaluasi layanan bersama BPD, kepala dusun dan Kaukus Perempuan Desa Mekar Sari.</p>
<ol>
<li>PPID Desa mengumumkan rencana dan pelaksanaan kegiatan pembangunan setiap bulan di situs web desa, papan informasi kantor desa dan papan pengumuman di lima dusun.</li>
<li>Kepala dusun menerima saran dan keluhan warga secara langsung dan lewat nomor WhatsApp pengaduan desa, lalu mencatatnya di register pengaduan paling lambat hari kerja berikutnya.</li>
<li>BPD menyimpan semua aspirasi dari kotak saran dan nomor khusus dalam bank aspirasi digital, dan membacakan rekapnya pada Musyawarah Desa penyusunan RKP Desa.</li>
<li>Pemerintah desa mengadakan pra-musyawarah khusus perempuan dan kelompok rentan di setiap dusun sebelum Musrenbang Desa, dan memastikan sekurang-kurangnya dua anggota Kaukus Perempuan duduk dalam Tim Penyusun RKP Desa.</li>
<li>Laporan jalan usaha tani dan penerangan jalan yang paling banyak masuk tahun ini menjadi usulan prioritas bidang pembangunan tahun depan.</li>
</ol>""",
    "karangsari": """<p>Disusun oleh pemerintah desa dan BPD Karangsari setelah membahas hasil umpan balik ini dalam rapat koordinasi bersama relawan Jaringan Informasi Desa (JID).</p>
<ul>
<li>Hasil umpan balik dan tindak lanjutnya dilaporkan pada Musyawarah Desa dan dimuat di situs web desa, agar warga tahu usulan mana yang masuk rencana.</li>
<li>Relawan JID di Krajan, Siwarak, Kaliurip dan Tlahab membantu warga yang tidak memakai internet menyampaikan keluhan, lalu petugas mencatatnya di register dengan kode lacak.</li>
<li>Undangan musyawarah dusun dan Musdes dikirim lewat grup WhatsApp RT, pengumuman masjid dan papan informasi, paling lambat tiga hari sebelum acara.</li>
<li>Kelompok perempuan, penyandang disabilitas dan lansia mendapat sesi khusus dalam musyawarah dusun; usulan mereka dicatat terpisah di bank aspirasi BPD.</li>
<li>Petugas pengaduan memeriksa kotak saran dan nomor WhatsApp desa setiap pagi sebelum pelayanan dibuka, supaya tanggapan pertama tetap dalam satu hari kerja.</li>
</ul>""",
}


def seed(site, slug):
    teks = TEKS.get(slug)
    if teks is None:
        return
    RekomendasiUmpanBalik.objects.get_or_create(
        site=site,
        tahun=timezone.localdate().year,
        defaults={"teks": teks, "diterbitkan": True},
    )
