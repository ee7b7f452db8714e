# ruff: noqa: E501
"""Demo planning paths: each village's proposals reach different levels and outcomes.

Proposals accommodated in the village plan are left to transparansi's demo, which links
them from an RKPDes activity (publishing the plan records the outcome).
"""

from datetime import timedelta

from django.utils import timezone

from pengaduan.models.pengaduan import Jenis, Pengaduan
from pengaduan.usulan import rules
from pengaduan.usulan.models import HasilUsulan as H
from pengaduan.usulan.models import Tingkat as T

# By the proposal's place among the village's demo proposals (0 = first filed);
# `{tahun}` is the current year. Proposals not listed stay without a path, or are
# linked by the plan.
JALUR = {
    "mekar-sari": {
        0: (T.KECAMATAN, H.DITAMPUNG_LUAR, {"dokumen": "Berita Acara Musrenbang Kecamatan Narmada Tahun {tahun} Nomor 050/031/MSR"}),
        2: (T.DESA, H.TIDAK_DITAMPUNG, {"alasan": "Bantaran sungai menjadi kewenangan Balai Wilayah Sungai; usulan diteruskan ke BWS Nusa Tenggara I."}),
        3: (T.DUSUN, "", {}),
        7: (T.DESA, H.DITUNDA, {"tahun_tunda": 1, "alasan": "Pagu bidang kesehatan tahun ini sudah terpakai; dibahas lagi pada Musdes RKPDes berikutnya."}),
        8: (T.KABUPATEN, H.DITAMPUNG_LUAR, {"dokumen": "Daftar Usulan Musrenbang Kabupaten Lombok Barat Tahun {tahun}, urusan lingkungan hidup no. 27"}),
    },
    "karangsari": {
        0: (T.DESA, H.DITUNDA, {"tahun_tunda": 1, "alasan": "Menunggu hasil survei saluran bersama pendamping desa."}),
        2: (T.DUSUN, "", {}),
        3: (T.KECAMATAN, H.DITAMPUNG_LUAR, {"dokumen": "Berita Acara Musrenbang Kecamatan Karangreja Tahun {tahun} Nomor 414/12"}),
        4: (T.DESA, H.TIDAK_DITAMPUNG, {"alasan": "Timbangan bayi sudah diadakan Puskesmas untuk semua posyandu bulan lalu."}),
        8: (T.KECAMATAN, "", {}),
    },
}  # fmt: skip


def seed(site, slug):
    plan = JALUR.get(slug, {})
    tahun = timezone.localdate().year
    proposals = Pengaduan.objects.filter(site=site, jenis=Jenis.ASPIRASI).order_by("dibuat", "pk")
    for n, item in enumerate(proposals):
        if n not in plan or hasattr(item, "jalur_usulan") or not item.tindak_lanjut.exists():
            continue
        if item.status == "diterima" or item.penyalahgunaan:
            continue
        tingkat, hasil, detail = plan[n]
        data = {"tingkat": tingkat, "hasil": hasil}
        for key, value in detail.items():
            data[key] = value.format(tahun=tahun) if isinstance(value, str) else tahun + value
        terakhir = item.tindak_lanjut.order_by("-waktu").first().waktu
        waktu = min(timezone.now(), terakhir + timedelta(days=7))
        rules.catat(item, data, waktu=waktu)
