"""APBDes arithmetic on a small budget totalled by hand."""

from dataclasses import dataclass
from decimal import Decimal as D

from transparansi import apbdes as h


@dataclass
class B:
    kode: str
    uraian: str
    anggaran: D
    realisasi: D = D(0)
    sumber_dana: str = ""
    jenis_belanja: str = ""


MURNI = [
    B("4.2.1", "Dana Desa", D(1_000_000_000), D(600_000_000)),
    B("4.2.3", "ADD", D(400_000_000), D(200_000_000)),
    B("4.1.1", "Hasil BUMDes", D(50_000_000), D(20_000_000)),
    B("01.01.01", "Siltap", D(380_000_000), D(190_000_000), "ADD", "5.1"),
    B("2.3.01", "Jalan usaha tani", D(700_000_000), D(350_000_000), "DDS", "5.3"),
    B("2.2.1", "Posyandu", D(120_000_000), D(60_000_000), "DDS", "5.2"),
    B("5.1.01", "Siaga bencana", D(50_000_000), D(0), "DDS", "5.4"),
    B("6.1.1", "SiLPA 2025", D(30_000_000), D(30_000_000)),
    B("6.2.2", "Penyertaan modal BUMDes", D(80_000_000), D(40_000_000)),
]
# Pendapatan 1.450.000.000 (real. 820.000.000); belanja 1.250.000.000 (real. 600.000.000)
# Surplus 200.000.000 (real. 220.000.000); pembiayaan netto −50.000.000 (real. −10.000.000)
# SiLPA 150.000.000 (real. 210.000.000).


def test_kode_normalised_and_classified():
    assert h.normalisasi_kode("02.03.01") == "2.3.01"
    assert h.normalisasi_kode("2.2.1") == "2.2.01"
    assert h.normalisasi_kode(" 4.2.1 ") == "4.2.1"
    assert h.normalisasi_kode("4.1.01") == "4.1.01"  # bidang 4 kegiatan, not PADes
    assert h.normalisasi_kode("4.2") is None
    assert h.kelompok_kode("4.2.1") == h.PENDAPATAN
    assert h.kelompok_kode("4.1.01") == h.BELANJA
    assert h.kelompok_kode("6.1.1") == h.PENERIMAAN
    assert h.kelompok_kode("6.2.9") == h.PENGELUARAN
    assert h.kelompok_kode("abc") is None


def test_kode_checked_against_reference_tree_and_extensions():
    assert h.cek_kode("4.2.1") is None
    assert h.cek_kode("4.2.7") == "tidak_dikenal"
    assert h.cek_kode("4.2.7", {"4.2.7"}) is None
    assert h.cek_kode("2.9.01") == "sub_bidang"
    assert h.cek_kode("2.9.01", {"2.9"}) is None
    assert h.cek_kode("x") == "format"


def test_headline_totals():
    r = h.ringkasan(MURNI)
    assert r.pendapatan.anggaran == D(1_450_000_000)
    assert r.pendapatan.realisasi == D(820_000_000)
    assert r.belanja.anggaran == D(1_250_000_000)
    assert r.belanja.realisasi == D(600_000_000)
    assert r.surplus.anggaran == D(200_000_000)
    assert r.surplus.realisasi == D(220_000_000)
    assert r.pembiayaan_netto.anggaran == D(-50_000_000)
    assert r.pembiayaan_netto.realisasi == D(-10_000_000)
    assert r.silpa.anggaran == D(150_000_000)
    assert r.silpa.realisasi == D(210_000_000)
    assert r.belanja.persen == D("48.0")
    assert r.pendapatan.persen == D("56.6")  # 820/1450 = 56.55… rounded half up


def test_percentage_of_nothing_is_none():
    assert h.persen(D(10), D(0)) is None


def test_belanja_tree_by_bidang_subbidang_kegiatan():
    root = h.pohon(MURNI, h.BELANJA)
    assert [n.kode for n in root.anak] == ["1", "2", "5"]
    bidang2 = root.anak[1]
    assert bidang2.uraian == "Pelaksanaan Pembangunan Desa"
    assert bidang2.jumlah.anggaran == D(820_000_000)
    assert [n.kode for n in bidang2.anak] == ["2.2", "2.3"]
    assert bidang2.anak[0].anak[0].kode == "2.2.01"
    assert bidang2.anak[0].anak[0].baris.uraian == "Posyandu"
    assert root.jumlah.anggaran == D(1_250_000_000)


def test_pendapatan_tree_and_sources():
    root = h.pohon(MURNI, h.PENDAPATAN)
    assert [(n.kode, n.jumlah.anggaran) for n in root.anak] == [
        ("4.1", D(50_000_000)),
        ("4.2", D(1_400_000_000)),
    ]
    sumber = h.pendapatan_per_sumber(MURNI)
    assert [k for k, _n, _j in sumber] == ["4.2.1", "4.2.3", "4.1.1"]
    assert sumber[0][1] == "Dana Desa"


def test_belanja_by_fund_source_and_type():
    per_sumber = dict((k, j.anggaran) for k, _n, j in h.belanja_per_sumber_dana(MURNI))
    assert per_sumber == {"DDS": D(870_000_000), "ADD": D(380_000_000)}
    per_jenis = dict((k, j.anggaran) for k, _n, j in h.belanja_per_jenis(MURNI))
    assert per_jenis["5.3"] == D(700_000_000)


def test_amendment_changes_and_new_totals():
    # Perubahan: Dana Desa cut by 100 juta, road cut by 150 juta, new bantuan kabupaten
    # 60 juta funds a new kegiatan; SiLPA corrected to the audited 42 juta.
    perubahan = [b for b in MURNI if b.kode not in ("4.2.1", "2.3.01", "6.1.1")] + [
        B("4.2.1", "Dana Desa", D(900_000_000), D(600_000_000)),
        B("4.2.5", "Bantuan Keuangan Kabupaten", D(60_000_000)),
        B("2.3.01", "Jalan usaha tani", D(550_000_000), D(350_000_000), "DDS"),
        B("4.2.01", "Bibit jagung", D(60_000_000), D(0), "BKK"),
        B("6.1.1", "SiLPA 2025", D(42_000_000), D(42_000_000)),
    ]
    r = h.ringkasan(perubahan)
    assert r.pendapatan.anggaran == D(1_410_000_000)
    assert r.belanja.anggaran == D(1_160_000_000)
    assert r.surplus.anggaran == D(250_000_000)
    assert r.pembiayaan_netto.anggaran == D(-38_000_000)
    assert r.silpa.anggaran == D(212_000_000)
    changes = {c.kode: c.selisih for c in h.bandingkan_versi(MURNI, perubahan).berubah()}
    assert changes == {
        "2.3.01": D(-150_000_000),
        "4.2.01": D(60_000_000),
        "4.2.1": D(-100_000_000),
        "4.2.5": D(60_000_000),
        "6.1.1": D(12_000_000),
    }
