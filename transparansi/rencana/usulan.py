"""Aspirations (usulan pembangunan) from the complaint module accommodated in plans.

The hook links each proposal to its plans; rencana.views lists an activity's proposals;
publishing a plan page records the outcome of the proposals it links (pengaduan.usulan).
"""

from wagtail import hooks
from wagtail.models import Locale


@hooks.register("pengaduan_item_links")
def kegiatan_links(items):
    """{pengaduan_id: [{"label", "url"}]}: the plans that accommodate each proposal."""
    from transparansi.models.rencana import KegiatanRencana

    ids = [getattr(i, "pk", i) for i in items]
    rows = KegiatanRencana.usulan.through.objects.filter(
        pengaduan_id__in=ids, kegiatanrencana__page__live=True
    ).select_related("kegiatanrencana__page")
    # Translated plan pages carry the same links: show the reader's language, or the
    # original when the plan has no page in it.
    aktif = Locale.get_active().pk
    per_item = {}
    for row in rows:
        per_item.setdefault(row.pengaduan_id, []).append(row.kegiatanrencana)
    links = {}
    for pk, daftar in per_item.items():
        sebahasa = [k for k in daftar if k.page.locale_id == aktif]
        links[pk] = [
            {
                "label": f"{k.page.title}: {k.nama}",
                "url": f"{k.page.url}kegiatan/{k.pk}/",
            }
            for k in (
                sebahasa or [k for k in daftar if k.page.locale_id == daftar[0].page.locale_id]
            )
        ]
    return links


def sinkron_desa(site, user=None):
    """Tell pengaduan which of `site`'s proposals live plan activities accommodate."""
    from pengaduan.usulan.rules import sinkron_rencana_desa
    from transparansi.models.rencana import KegiatanRencana

    tertaut = KegiatanRencana.usulan.through.objects.filter(
        pengaduan__site=site, kegiatanrencana__page__live=True
    ).values_list("pengaduan_id", flat=True)
    return sinkron_rencana_desa(site, tertaut, user=user)


def on_rencana_berubah(sender, instance, **kwargs):
    """page_published / page_unpublished of a plan page: its links are now live (or not)."""
    revision = kwargs.get("revision")
    user = kwargs.get("user") or (revision.user if revision is not None else None)
    site = instance.get_site()
    if site is not None:
        sinkron_desa(site, user=user)
