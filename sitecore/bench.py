"""Benchmark data set (`make bench`): many villages, one of them very large.

sitecore never imports the domain apps. Each app adds its own rows through two hooks
in its wagtail_hooks:

- `register_bench_data`: `fn(site, scale)` fills one village with `scale` rows (bulk
  inserts, no per-row signals).
- `register_bench_pages`: `fn(site)` returns the village's public pages to measure as
  `BenchPage` objects (the URL scheme stays with the app that owns it).
"""

import uuid
from dataclasses import asdict, dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page, Site

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
    base_fields = [f.attname for f in Page._meta.concrete_fields if f.attname != "id"]
    with transaction.atomic():
        for start in range(0, len(pages), batch_size):
            batch = pages[start : start + batch_size]
            bases = Page.objects.bulk_create(
                [Page(**{name: getattr(p, name) for name in base_fields}) for p in batch]
            )
            for page, base in zip(batch, bases, strict=True):
                page.pk = page.id = page.page_ptr_id = base.pk
                page._state.adding = False
            # The child table only: the same private insert bulk_create uses, which
            # refuses multi-table models as a whole but not table by table.
            model._base_manager._insert(
                batch, fields=model._meta.local_concrete_fields, using=connection.alias
            )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def generate_village(site, scale):
    """Run every app's bench generator for one village."""
    for fn in hooks.get_hooks("register_bench_data"):
        fn(site=site, scale=scale)


def bench_pages(site):
    """Every app's public pages to measure for `site`, in report order."""
    pages = []
    for fn in hooks.get_hooks("register_bench_pages"):
        pages.extend(fn(site=site))
    return sorted(pages, key=lambda p: p.order)


def extra_villages(total, log=print):
    """Provision villages until the installation has `total` village sites."""
    from sitecore.models import DesaProfil
    from sitecore.provisioning import buat_desa

    created = []
    n = DesaProfil.objects.count()
    i = 0
    while n < total:
        i += 1
        hostname = f"desa{i:03d}.bench.localhost"
        if Site.objects.filter(hostname=hostname).exists():
            continue
        zona = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"][i % 3]
        created.append(
            buat_desa(
                f"Bench {i:03d}",
                hostname,
                slug=f"bench-{i:03d}",
                zona_waktu=zona,
                kecamatan="Kecamatan Uji",
                kabupaten="Kabupaten Uji",
                provinsi="Provinsi Uji",
            )
        )
        n += 1
        if n % 10 == 0:
            log(f"  {n} desa")
    return created


def generate(villages, big_hostname=BIG_HOSTNAME, big=None, small=None, log=print):
    """The large data set on top of whatever the database holds (e.g. the demo)."""
    big = big or BenchScale.besar()
    small = small or BenchScale.kecil()
    others = extra_villages(villages, log=log)
    site = Site.objects.get(hostname=big_hostname)
    log(f"  {big_hostname}: {big.as_dict()}")
    generate_village(site, big)
    for other in others:
        generate_village(other, small)
    return site
