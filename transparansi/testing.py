"""Helpers shared by the transparansi test modules (imported explicitly by them)."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def baris_kegiatan(kegiatan, **override):
    """The edit form's fields of one plan activity, as the page editor posts them."""
    row = {
        "id": kegiatan.pk,
        "nama": kegiatan.nama,
        "program": kegiatan.program_id or "",
        "bidang": kegiatan.bidang,
        "lokasi": kegiatan.lokasi,
        "volume": "",
        "satuan": "",
        "biaya": str(int(kegiatan.biaya)),
        "sumber_dana": "",
        "pelaksana": "",
        "tahun_rencana": kegiatan.tahun_rencana,
        "status": kegiatan.status,
        "progres": "0",  # read-only in the editor: the progress history sets it
        "tanggal_mulai": "",
        "tanggal_selesai": "",
        "kode_apbdes": "",
        "keterangan": "",
        "foto": streamfield([]),
    }
    row.update(override)
    return row


def terbitkan_rencana(client, plan, rows, **extra):
    """Post an RKPDes page's editor with its activity `rows` and publish.

    `extra` adds flat fields (e.g. a multiple choice as a list under its full name).
    """
    data = nested_form_data(
        {
            "title": plan.title,
            "slug": plan.slug,
            "tahun_mulai": plan.tahun_mulai,
            "nomor_perdes": "",
            "ringkasan": rich_text(""),
            "kegiatan": inline_formset(rows, initial=len(rows)),
            "action-publish": "action-publish",
        }
    )
    data.update(extra)
    return client.post(f"/admin/pages/{plan.pk}/edit/", data)
