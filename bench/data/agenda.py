"""agenda for the benchmark data set: events in bulk, and the month calendar."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from agenda import recurrence
from agenda.models import AgendaIndexPage, AgendaPage
from bench.data.core import BenchPage, bulk_child_pages
from sitecore.models import DesaProfil

KEGIATAN = [
    ("Posyandu balita", "Balai dusun"),
    ("Rapat BPD", "Kantor desa"),
    ("Kerja bakti", "Jalan dusun"),
    ("Pengajian rutin", "Masjid desa"),
    ("Latihan voli", "Lapangan desa"),
    ("Pelatihan kader", "Balai desa"),
]


def _index(site):
    return (
        AgendaIndexPage.objects.child_of(site.root_page)
        .filter(locale=site.root_page.locale)
        .first()
    )


def tambah_agenda(site, n, seed=0):
    """Bulk-insert `n` events around today; one in thirty repeats weekly for a year."""
    index = _index(site)
    if index is None or n <= 0:
        return []
    profil = DesaProfil.objects.filter(site=site).first()
    zona = profil.zona_waktu if profil else "Asia/Jakarta"
    tz = ZoneInfo(zona)
    today = timezone.now().astimezone(tz).replace(hour=8, minute=0, second=0, microsecond=0)
    pages = []
    for i in range(n):
        judul, tempat = KEGIATAN[i % len(KEGIATAN)]
        # Half in the past, half ahead: listings, archive and calendar all have rows.
        mulai = today + timedelta(days=(i - n // 2) * 2 % 730 - 365, hours=i % 6)
        berulang = i % 30 == 0
        page = AgendaPage(
            title=f"{judul} {seed + i + 1}",
            slug=f"bench-{seed + i + 1:05d}",
            mulai=mulai,
            selesai=mulai + timedelta(hours=2),
            frekuensi=recurrence.MINGGUAN if berulang else recurrence.TIDAK,
            interval=1,
            ulang_sampai=(mulai + timedelta(days=365)).date() if berulang else None,
            zona_waktu=zona,
            tempat=tempat,
            penyelenggara="Pemerintah Desa",
            ringkasan=f"{judul} untuk warga desa.",
        )
        page.berakhir = recurrence.akhir_terakhir(page.mulai, page.durasi, tz, page.aturan)
        pages.append(page)
    return bulk_child_pages(index, pages)


def generate(site, scale):
    tambah_agenda(site, scale.agenda)


def pages(site):
    index = _index(site)
    if index is None:
        return []
    url = index.relative_url(site) + index.reverse_subpage("kalender_ini")
    return [BenchPage("agenda_calendar", "Agenda calendar", url, order=40)]
