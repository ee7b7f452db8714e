"""Aspirations (usulan pembangunan) from the complaint module accommodated in plans."""

from wagtail import hooks


def usulan_untuk_kegiatan(kegiatan):
    """Proposals linked to this activity, same village only, as label/url pairs."""
    site_id = kegiatan.page.get_site().pk if kegiatan.page_id else None
    items = kegiatan.usulan.filter(site_id=site_id, jenis="aspirasi").order_by("pk")
    return [{"label": f"{p.kode}: {p.judul}", "url": ""} for p in items]


@hooks.register("pengaduan_item_links")
def kegiatan_links(items):
    """{pengaduan_id: [{"label", "url"}]}: the plans that accommodate each proposal."""
    from transparansi.models import KegiatanRencana

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
