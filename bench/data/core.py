"""Shared pieces of the benchmark data set: scales, pages to measure, bulk page inserts."""

import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BIG_HOSTNAME = "mekarsari.localhost"


@dataclass(frozen=True)
class BenchScale:
    """Rows one village gets; `besar()` is the issue's large village."""

    artikel: int = 20
    pengaduan: int = 50
    baris_apbdes: int = 20
    agenda: int = 10

    @classmethod
    def besar(cls):
        return cls(artikel=5000, pengaduan=100_000, baris_apbdes=1000, agenda=300)

    @classmethod
    def kecil(cls):
        return cls()

    def as_dict(self):
        return asdict(self)


@dataclass(frozen=True)
class BenchPage:
    """One public page type to measure. `post` marks the submission form."""

    key: str
    label: str
    url: str
    order: int = 50
    post: dict = field(default_factory=dict)


def bulk_child_pages(parent, pages, batch_size=500):
    """Insert unsaved `pages` (one specific Page class) as live children of `parent`.

    Computes treebeard's path/depth/numchild and Wagtail's url_path directly and writes
    both tables with batched INSERTs. No revisions, search or reference index entries
    and no signals: pages are live and routable, which is all a load test needs.
    """
    if not pages:
        return []
    model = type(pages[0])
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    now = timezone.now()
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, depth, step)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.live = True
        page.has_unpublished_changes = False
        page.draft_title = page.title
        page.translation_key = uuid.uuid4()
        published = getattr(page, "tanggal_terbit", None) or now
        page.first_published_at = page.first_published_at or published
        page.last_published_at = page.last_published_at or published
    with transaction.atomic():
        for start in range(0, len(pages), batch_size):
            insert_pages(pages[start : start + batch_size])
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def insert_pages(pages):
    """INSERT `pages` (one specific Page class, tree fields already set) into both of
    their tables, in two statements; sets their primary keys."""
    model = type(pages[0])
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    bases = Page.objects.bulk_create(
        [Page(**{name: getattr(p, name) for name in base_fields}) for p in pages]
    )
    for page, base in zip(pages, bases, strict=True):
        page.pk = page.id = page.page_ptr_id = base.pk
        page._state.adding = False
    # The child table only: the same private insert bulk_create uses, which refuses
    # multi-table models as a whole but not table by table.
    model._base_manager._insert(
        pages, fields=model._meta.local_concrete_fields, using=connection.alias
    )
    return pages


@contextmanager
def tanpa_indeks_otomatis():
    """Saves made inside update neither the search index nor Wagtail's reference index.

    Each save of a page, revision or snippet otherwise runs both as (immediate) tasks:
    about a third of the time of adding a village. The benchmark measures no search
    and no admin usage counts, so bench villages are left out of both indexes.
    """
    from django.db.models.signals import post_save
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)
