"""Background work: e-mail from the Notifikasi outbox.

Queued jobs store the task's dotted path (pengaduan.tasks.kirim_notifikasi): keep it here.
"""

from django_tasks import task


@task()
def kirim_notifikasi(notifikasi_id):
    from pengaduan.notifikasi.pengiriman import kirim

    kirim(notifikasi_id)
