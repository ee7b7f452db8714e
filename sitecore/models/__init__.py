"""The sitecore app's model registry: the village site, profile, roles and base pages
live here; each concern package keeps its own models, imported below so Django registers
them under the `sitecore` label (tables and migrations unchanged)."""

from sitecore.artikel.models import (  # noqa: F401
    ArtikelIndexPage,
    ArtikelPage,
    ArtikelTag,
    KategoriArtikel,
)
from sitecore.galeri.models import AlbumFoto, AlbumPage, SinergiProgram, SinergiSetting  # noqa: F401
from sitecore.kalender.models import HariLibur  # noqa: F401
from sitecore.komentar.models import Komentar  # noqa: F401
from sitecore.pengunjung.models import PengunjungHarian  # noqa: F401
from sitecore.statistik.models import StatistikData, StatistikIndexPage, StatistikPage  # noqa: F401

from .audit import DesaLogEntry  # noqa: F401
from .pages import DesaHomePage, DirektoriPage, StandardPage  # noqa: F401
from .profil import Aparatur, DesaProfil, Dusun  # noqa: F401
from .roles import PeranDesa  # noqa: F401
