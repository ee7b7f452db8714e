"""sitecore models, split by concept (see each module)."""

from .kalender import HariLibur  # noqa: F401
from .pages import DesaHomePage, DirektoriPage, StandardPage  # noqa: F401
from .profil import Aparatur, DesaProfil, Dusun  # noqa: F401
from .roles import PeranDesa  # noqa: F401
from .sections import ArtikelIndexPage, StatistikIndexPage  # noqa: F401
