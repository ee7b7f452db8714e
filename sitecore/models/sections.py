"""Section pages that sitecore itself owns (the other apps bring their own)."""

from .artikel import ArtikelIndexPage  # noqa: F401
from .statistik import StatistikIndexPage  # noqa: F401
