from django.core.management.base import BaseCommand

from pengaduan.notifikasi.pengiriman import kirim_ulang


class Command(BaseCommand):
    help = "Retry pending complaint e-mails whose retry time has come (run from cron)."

    def handle(self, *args, **options):
        sent, failed = kirim_ulang()
        self.stdout.write(f"terkirim={sent} gagal={failed}")
