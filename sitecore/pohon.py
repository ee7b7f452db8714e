"""Subtree filters that an index can answer.

Wagtail and treebeard select a page's descendants with `path LIKE 'prefix%'`. SQLite
never uses an index for Django's LIKE (it adds ESCAPE), nor does PostgreSQL without a
`text_pattern_ops` index, so every "pages of this village" query scanned the page table
of the whole installation: its cost grew with the number of villages (the first request
after a change of an article page, 45 ms at 5 villages, 72 ms at 500). A range on the
indexed path, [prefix, the prefix with its last character incremented), selects the same
rows: treebeard paths use only 0-9 and A-Z, and every path under the prefix sorts below
that bound.
"""

from django.db.models import Q

# The originals, for the tests that compare both.
ORIGINALS = {}


def batas_atas(path):
    """The smallest string above every path that starts with `path`."""
    return path[:-1] + chr(ord(path[-1]) + 1)


def di_bawah(path, field="path"):
    """Q for `field` starting with `path` (the page itself included), as a range."""
    return Q(**{f"{field}__gte": path, f"{field}__lt": batas_atas(path)})


def _descendant_of_q(self, other, inclusive=False):
    q = di_bawah(other.path) & Q(depth__gte=other.depth)
    if not inclusive:
        q &= ~Q(pk=other.pk)
    return q


def _private_q(self):
    # Wagtail joins every view restriction to its page in one query; with no statistics
    # for an (often empty) restrictions table SQLite walked the whole page table for it,
    # on each `.public()`. The restrictions first, then their pages if there are any.
    from wagtail.models import Page, PageViewRestriction

    ids = list(PageViewRestriction.objects.values_list("page_id", flat=True))
    q = Q()
    if ids:
        for page in Page.objects.filter(pk__in=ids).only("pk", "path", "depth"):
            q |= self.descendant_of_q(page, inclusive=True)
    # Match no page when there is no private section.
    return q if q else Q(pk__in=[])


def install():
    """Wagtail's `descendant_of` / `child_of` (and so `get_descendants`, `get_children`
    through its querysets) with the range, and `public()` without the join;
    tests/test_skala_desa.py compares the results with Wagtail's own."""
    from wagtail.query import PageQuerySet, TreeQuerySet

    ORIGINALS.setdefault("descendant_of_q", TreeQuerySet.descendant_of_q)
    ORIGINALS.setdefault("private_q", PageQuerySet.private_q)
    TreeQuerySet.descendant_of_q = _descendant_of_q
    PageQuerySet.private_q = _private_q
