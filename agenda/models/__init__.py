"""Agenda models, split by concept: the section page, its categories, the event page."""

from .event import AgendaPage, Kejadian  # noqa: F401
from .index import AgendaIndexPage  # noqa: F401
from .kategori import KategoriAgenda  # noqa: F401
