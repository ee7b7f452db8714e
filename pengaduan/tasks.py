"""Background work: e-mail from the Notifikasi outbox."""

from django_tasks import task


@task()
def kirim_notifikasi(notifikasi_id):
    from pengaduan.notifikasi import kirim

    kirim(notifikasi_id)
