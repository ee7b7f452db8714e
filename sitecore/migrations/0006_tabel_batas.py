"""The database table of the `batas` cache (rate limits and attempt counters without Redis).

Created whatever the settings say, so switching Redis off later needs no extra step.
"""

from django.core.management import call_command
from django.db import migrations


def buat_tabel(apps, schema_editor):
    call_command(
        "createcachetable", "desa_batas", database=schema_editor.connection.alias, verbosity=0
    )


def hapus_tabel(apps, schema_editor):
    schema_editor.execute(schema_editor.sql_delete_table % {"table": "desa_batas"})


class Migration(migrations.Migration):
    dependencies = [("sitecore", "0005_hari_libur_jenis")]

    operations = [migrations.RunPython(buat_tabel, hapus_tabel)]
