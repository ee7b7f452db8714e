"""pengaduan models, split by concept."""

# Concern packages keep their own models; registered here with the app.
from pengaduan.usulan.models import JalurUsulan  # noqa: E402, F401, I001
from pengaduan.umpan_balik.models import RekomendasiUmpanBalik  # noqa: E402, F401, I001

from .halaman import PengaduanIndexPage  # noqa: F401
from .kategori import Kategori, TemplateTanggapan  # noqa: F401
from .lampiran import Lampiran  # noqa: F401
from .notifikasi import Notifikasi  # noqa: F401
from .pengaduan import Pengaduan, TindakLanjut  # noqa: F401
