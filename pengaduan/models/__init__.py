"""pengaduan models, split by concept."""

from .halaman import PengaduanIndexPage  # noqa: F401
from .kategori import Kategori, TemplateTanggapan  # noqa: F401
from .lampiran import Lampiran  # noqa: F401
from .notifikasi import Notifikasi  # noqa: F401
from .pengaduan import Pengaduan, TindakLanjut  # noqa: F401
