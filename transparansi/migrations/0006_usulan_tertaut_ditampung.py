"""Proposals already linked by a live plan activity read "ditampung dalam rencana desa"."""

from django.db import migrations


def tandai(apps, schema_editor):
    Through = apps.get_model("transparansi", "KegiatanRencana").usulan.through
    JalurUsulan = apps.get_model("pengaduan", "JalurUsulan")
    ids = set(
        Through.objects.filter(
            kegiatanrencana__page__live=True, pengaduan__penyalahgunaan=False
        )
        .exclude(pengaduan__status="diterima")
        .values_list("pengaduan_id", flat=True)
    )
    ada = set(JalurUsulan.objects.filter(pengaduan_id__in=ids).values_list("pk", flat=True))
    JalurUsulan.objects.bulk_create(
        JalurUsulan(pengaduan_id=pk, tingkat="desa", hasil="ditampung_desa") for pk in ids - ada
    )
    JalurUsulan.objects.filter(pk__in=ada).exclude(hasil="ditampung_desa").update(
        hasil="ditampung_desa", dokumen="", tahun_tunda=None, alasan=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("transparansi", "0005_hari_perpanjangan"),
        ("pengaduan", "0006_jalur_usulan"),
    ]

    operations = [migrations.RunPython(tandai, migrations.RunPython.noop)]
