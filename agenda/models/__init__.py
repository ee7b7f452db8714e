"""Agenda models, split by concept: the section page and its categories, the event page."""

from .event import AgendaPage, Kejadian  # noqa: F401
from .index import AgendaIndexPage, KategoriAgenda  # noqa: F401
