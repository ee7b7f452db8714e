from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from pengaduan.layanan import admin_url
from pengaduan.notifikasi import antrean
from pengaduan.petugas.dasbor import perlu_pengingat


class Command(BaseCommand):
    help = "E-mail officers about open complaints due within 24 hours (run hourly from cron)."

    def handle(self, *args, **options):
        count = 0
        for item in perlu_pengingat():
            with transaction.atomic():
                penerima = [item.petugas.email] if item.petugas and item.petugas.email else []
                penerima = penerima or antrean.email_petugas(item.site)
                antrean.antrekan(
                    item.site,
                    penerima,
                    f"[{item.site.site_name}] Tenggat {item.kode}",
                    "pengaduan/email/pengingat.txt",
                    {"p": item, "admin_url": admin_url(item)},
                    pengaduan=item,
                )
                item.pengingat_terkirim = timezone.now()
                item.save(update_fields=["pengingat_terkirim"])
            count += 1
        self.stdout.write(f"pengingat={count}")
