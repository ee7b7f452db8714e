"""Agenda models, split by concept: the section page and its categories, the event page."""

from .index import AgendaIndexPage  # noqa: F401
