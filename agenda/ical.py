"""iCalendar (RFC 5545) export: a feed per village and a file per event."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vRecur

from agenda.recurrence import ical_rrule

PRODID = "-//Desa Terbuka//Agenda Desa//ID"


def _teks(html):
    return " ".join(strip_tags(html or "").split())


def event_untuk(page, request=None):
    """A VEVENT for one agenda page; recurring pages carry an RRULE."""
    tz = page.tzinfo
    url = page.get_full_url(request)
    ev = Event()
    host = request.get_host().split(":")[0] if request else "desa-terbuka"
    # translation_key is shared by a page and its translations: one event in calendars.
    ev.add("uid", f"agenda-{page.translation_key}@{host}")
    ev.add("dtstamp", page.last_published_at or page.latest_revision_created_at or timezone.now())
    ev.add("summary", page.title)
    if page.sepanjang_hari:
        first = page.mulai.astimezone(tz).date()
        ev.add("dtstart", first)
        ev.add("dtend", first + page.durasi)
    else:
        ev.add("dtstart", page.mulai.astimezone(tz))
        if page.selesai and page.selesai > page.mulai:
            ev.add("dtend", page.selesai.astimezone(tz))
        else:
            ev.add("duration", timedelta(0))
    rule = ical_rrule(page.mulai, tz, page.aturan, sepanjang_hari=page.sepanjang_hari)
    if rule:
        ev.add("rrule", vRecur(rule))
    lokasi = ", ".join(p for p in [page.tempat, f"Dusun {page.dusun}" if page.dusun else ""] if p)
    if lokasi:
        ev.add("location", lokasi)
    if page.latitude is not None and page.longitude is not None:
        ev.add("geo", (float(page.latitude), float(page.longitude)))
    if page.kategori_id and page.kategori:
        ev.add("categories", [page.kategori.nama])
    keterangan = [page.ringkasan or _teks(page.deskripsi)]
    if page.penyelenggara:
        keterangan.append(f"Penyelenggara: {page.penyelenggara}")
    if page.kontak_nama or page.kontak_whatsapp:
        kontak = " ".join(p for p in [page.kontak_nama, page.kontak_whatsapp] if p)
        ev.add("contact", kontak)
        keterangan.append(f"Kontak: {kontak}")
    keterangan.append(url)
    ev.add("description", "\n".join(k for k in keterangan if k))
    ev.add("url", url)
    if page.last_published_at:
        ev.add("last-modified", page.last_published_at)
    return ev


def kalender_untuk(pages, request=None, nama=""):
    """A VCALENDAR with the events and the VTIMEZONE of every zone they use."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if nama:
        cal.add("x-wr-calname", nama)
    profil = getattr(request, "desa_profil", None) if request else None
    if profil is not None:
        cal.add("x-wr-timezone", profil.zona_waktu)
    for page in pages:
        cal.add_component(event_untuk(page, request))
    first = min((p.mulai.date() for p in pages), default=timezone.now().date())
    cal.add_missing_timezones(first_date=first - timedelta(days=366))
    return cal
