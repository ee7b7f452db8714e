"""APBDes arithmetic: code parsing, totals and derived figures, all in Decimal.

Works on any objects with `kode`, `uraian`, `anggaran` and `realisasi` (model rows,
dataclasses in tests, parsed CSV rows), so the public page, the widgets, the export
and the tests share one implementation. Nothing here touches the database.
"""

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext

from transparansi.data.kode_rekening import BIDANG, JENIS_BELANJA, REKENING, SUMBER_DANA

PENDAPATAN = "pendapatan"
BELANJA = "belanja"
PENERIMAAN = "pembiayaan_penerimaan"
PENGELUARAN = "pembiayaan_pengeluaran"
KELOMPOK = [PENDAPATAN, BELANJA, PENERIMAAN, PENGELUARAN]

NOL = Decimal("0")
_KODE_RE = re.compile(r"^\d{1,3}(\.\d{1,3}){2}$")


def normalisasi_kode(kode):
    """ "02.03.01" and "2.3.1" (belanja) become "2.3.01"; "4.2.1" stays; spaces dropped.

    Three segments are required. A last segment written with two digits, or any code
    not starting with 4 or 6, is a kegiatan of the bidang tree (Siskeudes writes
    kegiatan with two digits, rekening with one).
    """
    kode = (kode or "").strip().replace(" ", "").replace(",", ".").rstrip(".")
    if not _KODE_RE.match(kode):
        return None
    parts = kode.split(".")
    first, second, last = (int(p) for p in parts)
    is_rekening = first in (4, 6) and len(parts[2]) == 1 and len(parts[0]) == 1
    if is_rekening:
        return f"{first}.{second}.{last}"
    return f"{first}.{second}.{last:02d}"


def kelompok_kode(kode):
    """The kelompok a (normalised) code belongs to, or None for an invalid code."""
    kode = normalisasi_kode(kode)
    if kode is None:
        return None
    first, second, last = kode.split(".")
    if len(last) == 1:
        if first == "4":
            return PENDAPATAN
        if first == "6":
            return PENERIMAAN if second == "1" else PENGELUARAN if second == "2" else None
        return None
    return BELANJA


def cek_kode(kode, tambahan=()):
    """Error message key for a code, or None when it fits the reference tree.

    `tambahan` is the set of extra codes admins added (KodeRekening snippet).
    """
    norm = normalisasi_kode(kode)
    if norm is None:
        return "format"
    if norm in tambahan:
        return None
    kelompok = kelompok_kode(norm)
    if kelompok is None:
        return "tidak_dikenal"
    if kelompok == BELANJA:
        sub = norm.rsplit(".", 1)[0]
        return None if sub in BIDANG or sub in tambahan else "sub_bidang"
    return None if norm in REKENING else "tidak_dikenal"


def induk(kode, level):
    """Prefix of `kode` with `level` segments: induk("2.3.01", 1) == "2"."""
    return ".".join(kode.split(".")[:level])


def uraian_kode(kode, kelompok, tambahan=None):
    """Name of a tree node from the reference tree (or the admins' extensions)."""
    tambahan = tambahan or {}
    if kode in tambahan:
        return tambahan[kode]
    tree = BIDANG if kelompok == BELANJA else REKENING
    return tree.get(kode, kode)


def persen(realisasi, anggaran):
    """Realisation as a percentage with one decimal, None when nothing was budgeted."""
    anggaran = Decimal(anggaran or 0)
    if anggaran == 0:
        return None
    value = Decimal(realisasi or 0) * 100 / anggaran
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class Jumlah:
    anggaran: Decimal = NOL
    realisasi: Decimal = NOL

    def tambah(self, anggaran, realisasi):
        self.anggaran += Decimal(anggaran or 0)
        self.realisasi += Decimal(realisasi or 0)

    def __add__(self, other):
        return Jumlah(self.anggaran + other.anggaran, self.realisasi + other.realisasi)

    def __sub__(self, other):
        return Jumlah(self.anggaran - other.anggaran, self.realisasi - other.realisasi)

    @property
    def persen(self):
        return persen(self.realisasi, self.anggaran)

    @property
    def sisa(self):
        return self.anggaran - self.realisasi


@dataclass
class Ringkasan:
    """Headline figures of one budget."""

    pendapatan: Jumlah
    belanja: Jumlah
    penerimaan: Jumlah
    pengeluaran: Jumlah

    @property
    def surplus(self):
        """Surplus (positive) or defisit (negative): pendapatan − belanja."""
        return self.pendapatan - self.belanja

    @property
    def pembiayaan_netto(self):
        return self.penerimaan - self.pengeluaran

    @property
    def silpa(self):
        """SiLPA of the year: surplus/defisit + pembiayaan netto."""
        return self.surplus + self.pembiayaan_netto


def _kelompok(baris):
    return getattr(baris, "kelompok", None) or kelompok_kode(baris.kode)


def ringkasan(semua_baris):
    totals = {k: Jumlah() for k in KELOMPOK}
    for baris in semua_baris:
        kelompok = _kelompok(baris)
        if kelompok in totals:
            totals[kelompok].tambah(baris.anggaran, baris.realisasi)
    return Ringkasan(
        pendapatan=totals[PENDAPATAN],
        belanja=totals[BELANJA],
        penerimaan=totals[PENERIMAAN],
        pengeluaran=totals[PENGELUARAN],
    )


@dataclass
class Simpul:
    """A node of the expandable table: a level of the tree or a budget line."""

    kode: str
    uraian: str
    jumlah: Jumlah = field(default_factory=Jumlah)
    anak: list = field(default_factory=list)
    baris: object = None

    @property
    def persen(self):
        return self.jumlah.persen


def pohon(semua_baris, kelompok, tambahan=None):
    """Lines of one kelompok as a tree: level 1 → level 2 → lines, totals at each level.

    Pendapatan: kelompok (4.1) → jenis (4.1.1); belanja: bidang (2) → sub-bidang (2.3)
    → kegiatan (2.3.01); pembiayaan: 6.1/6.2 → jenis. Ordered by code.
    """
    levels = (1, 2) if kelompok == BELANJA else (2,)
    root = Simpul("", "")
    index = {}
    rows = sorted(
        (b for b in semua_baris if _kelompok(b) == kelompok),
        key=lambda b: [int(p) for p in normalisasi_kode(b.kode).split(".")],
    )
    for baris in rows:
        kode = normalisasi_kode(baris.kode)
        parent = root
        root.jumlah.tambah(baris.anggaran, baris.realisasi)
        for level in levels:
            key = induk(kode, level)
            node = index.get(key)
            if node is None:
                node = Simpul(key, uraian_kode(key, kelompok, tambahan))
                index[key] = node
                parent.anak.append(node)
            node.jumlah.tambah(baris.anggaran, baris.realisasi)
            parent = node
        parent.anak.append(
            Simpul(
                kode,
                baris.uraian,
                Jumlah(Decimal(baris.anggaran or 0), Decimal(baris.realisasi or 0)),
                baris=baris,
            )
        )
    return root


def per_bidang(semua_baris):
    """Belanja per bidang: [(kode, nama, Jumlah)] for the infographic."""
    return [(n.kode, n.uraian, n.jumlah) for n in pohon(semua_baris, BELANJA).anak]


def pendapatan_per_sumber(semua_baris):
    """Pendapatan per jenis (Dana Desa, ADD, PADes …): [(kode, nama, Jumlah)], largest first."""
    totals = {}
    for baris in semua_baris:
        if _kelompok(baris) != PENDAPATAN:
            continue
        kode = normalisasi_kode(baris.kode)
        totals.setdefault(kode, Jumlah()).tambah(baris.anggaran, baris.realisasi)
    items = [(k, uraian_kode(k, PENDAPATAN), j) for k, j in totals.items()]
    return sorted(items, key=lambda item: item[2].anggaran, reverse=True)


def belanja_per_sumber_dana(semua_baris):
    """Belanja per fund source, [(kode, nama, Jumlah)]; lines without one form their own
    last group, labelled "not stated": a source is never invented."""
    totals = {}
    for baris in semua_baris:
        if _kelompok(baris) == BELANJA:
            key = getattr(baris, "sumber_dana", "") or ""
            totals.setdefault(key, Jumlah()).tambah(baris.anggaran, baris.realisasi)
    out = [(k, SUMBER_DANA.get(k, k), totals[k]) for k in SUMBER_DANA if k in totals]
    if "" in totals:
        out.append(
            (
                gettext("Tidak disebutkan"),
                gettext("sumber dana tidak ada dalam dokumen"),
                totals[""],
            )
        )
    return out


def belanja_per_jenis(semua_baris):
    totals = {}
    for baris in semua_baris:
        jenis = getattr(baris, "jenis_belanja", "")
        if _kelompok(baris) == BELANJA and jenis:
            totals.setdefault(jenis, Jumlah()).tambah(baris.anggaran, baris.realisasi)
    return [(k, JENIS_BELANJA[k], totals[k]) for k in JENIS_BELANJA if k in totals]


RINGKASAN = ["pendapatan", "belanja", "surplus", "penerimaan", "pengeluaran"]
RINGKASAN += ["pembiayaan_netto", "silpa"]
BARU = "baru"
DIHAPUS = "dihapus"


@dataclass
class Banding:
    """A row of the amendment table (Perkades Perubahan): a subtotal or a line, both
    versions side by side. `baris` is the amended line (the original one if removed)."""

    kode: str
    uraian: str
    tingkat: int = 0
    semula: Jumlah = field(default_factory=Jumlah)
    menjadi: Jumlah = field(default_factory=Jumlah)
    anak: list = field(default_factory=list)
    baris: object = None
    status: str = ""

    @property
    def selisih(self):
        """Bertambah (positive) or berkurang (negative) anggaran."""
        return self.menjadi.anggaran - self.semula.anggaran

    def datar(self):
        """The subtree as table rows, each subtotal before its children; the node itself
        is left out (a group's total closes its table)."""
        for node in self.anak:
            yield node
            yield from node.datar()

    def berubah(self):
        return [n for n in self.datar() if n.baris is not None and n.selisih]


@dataclass
class Perbandingan:
    kelompok: dict  # kelompok -> Banding root (the group's total)
    ringkasan: dict  # RINGKASAN key -> Banding

    def berubah(self):
        """Only the lines whose anggaran changed (added and removed lines included)."""
        return [n for k in KELOMPOK for n in self.kelompok[k].berubah()]


def _urut(kode):
    return [int(p) for p in kode.split(".")]


def _pasangan(baris_semula, baris_menjadi, kelompok):
    """(kode, before, after) per line, by code; a code used twice pairs in order."""
    versi = []
    for semua_baris in (baris_semula, baris_menjadi):
        per_kode = {}
        for baris in semua_baris:
            if _kelompok(baris) == kelompok:
                per_kode.setdefault(normalisasi_kode(baris.kode), []).append(baris)
        versi.append(per_kode)
    lama, baru = versi
    for kode in sorted(set(lama) | set(baru), key=_urut):
        a, b = lama.get(kode, []), baru.get(kode, [])
        for i in range(max(len(a), len(b))):
            yield kode, a[i] if i < len(a) else None, b[i] if i < len(b) else None


def pohon_banding(baris_semula, baris_menjadi, kelompok, tambahan=None):
    """The tree of `pohon` for both versions at once: every line and every subtotal."""
    levels = (1, 2) if kelompok == BELANJA else (2,)
    root = Banding("", "")
    index = {}
    for kode, lama, baru in _pasangan(baris_semula, baris_menjadi, kelompok):
        chain = [root]
        for tingkat, level in enumerate(levels, start=1):
            key = induk(kode, level)
            if key not in index:
                index[key] = Banding(key, uraian_kode(key, kelompok, tambahan), tingkat)
                chain[-1].anak.append(index[key])
            chain.append(index[key])
        status = BARU if lama is None else DIHAPUS if baru is None else ""
        uraian, tingkat = (baru or lama).uraian, len(levels) + 1
        line = Banding(kode, uraian, tingkat, baris=baru or lama, status=status)
        for node in chain + [line]:
            if lama is not None:
                node.semula.tambah(lama.anggaran, lama.realisasi)
            if baru is not None:
                node.menjadi.tambah(baru.anggaran, baru.realisasi)
        chain[-1].anak.append(line)
    return root


def bandingkan_versi(baris_semula, baris_menjadi, tambahan=None):
    """Semula / menjadi / selisih of every line, every subtotal and the headline totals."""
    a, b = ringkasan(baris_semula), ringkasan(baris_menjadi)
    return Perbandingan(
        kelompok={k: pohon_banding(baris_semula, baris_menjadi, k, tambahan) for k in KELOMPOK},
        ringkasan={k: Banding(k, "", 0, getattr(a, k), getattr(b, k)) for k in RINGKASAN},
    )
