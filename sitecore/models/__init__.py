"""sitecore models, split by concept (see each module)."""

from .artikel import ArtikelIndexPage, ArtikelPage, ArtikelTag, KategoriArtikel  # noqa: F401
from .audit import DesaLogEntry  # noqa: F401
from .galeri import AlbumFoto, AlbumPage, SinergiProgram, SinergiSetting  # noqa: F401
from .kalender import HariLibur  # noqa: F401
from .komentar import Komentar  # noqa: F401
from .pages import DesaHomePage, DirektoriPage, StandardPage  # noqa: F401
from .pengunjung import PengunjungHarian  # noqa: F401
from .profil import Aparatur, DesaProfil, Dusun  # noqa: F401
from .roles import PeranDesa  # noqa: F401
from .sections import ArtikelIndexPage, StatistikIndexPage  # noqa: F401, F811
from .statistik import StatistikData, StatistikIndexPage, StatistikPage  # noqa: F401, F811
