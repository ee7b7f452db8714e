"""Periodic information a village must publish at least (Perki 1/2018), as a checklist."""

from django.utils.translation import gettext_lazy as _

# key -> label; the DIP gap list shows each with what the village has published.
KEWAJIBAN_BERKALA = [
    ("profil", _("Profil badan publik desa: alamat, visi dan misi, tugas, struktur, aparatur")),
    ("program", _("Matriks program/kegiatan yang sedang berjalan")),
    ("program_masuk", _("Program dari pemerintah pusat/daerah dan pihak ketiga, penerima bantuan")),
    ("rpjmdes", _("Dokumen RPJMDes")),
    ("rkpdes", _("Dokumen RKPDes dan DU-RKPDes")),
    ("apbdes", _("Peraturan Desa tentang APBDes tahun berjalan")),
    ("lppd", _("Laporan kinerja (LPPD) akhir tahun atau akhir masa jabatan")),
    ("keuangan", _("Laporan keuangan dan realisasi APBDes")),
]
