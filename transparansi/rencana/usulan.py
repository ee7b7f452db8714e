"""Aspirations (usulan pembangunan) from the complaint module accommodated in plans.

The hook links each proposal to its plans; rencana.views lists an activity's proposals.
"""

from wagtail import hooks


@hooks.register("pengaduan_item_links")
def kegiatan_links(items):
    """{pengaduan_id: [{"label", "url"}]}: the plans that accommodate each proposal."""
    from transparansi.models.rencana import KegiatanRencana

    ids = [getattr(i, "pk", i) for i in items]
    links = {}
    rows = KegiatanRencana.usulan.through.objects.filter(pengaduan_id__in=ids).select_related(
        "kegiatanrencana__page"
    )
    for row in rows:
        kegiatan = row.kegiatanrencana
        page = kegiatan.page.specific
        links.setdefault(row.pengaduan_id, []).append(
            {
                "label": f"{page.title}: {kegiatan.nama}",
                "url": f"{page.url}kegiatan/{kegiatan.pk}/",
            }
        )
    return links
