"""Demo agenda for each demo village: past and upcoming, routine and one-off events.

Dates are relative to the day of seeding. Idempotent: an event whose slug exists is
left alone. Two events per village are posted by the village's demo volunteer and
wait in the moderation workflow.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import WorkflowState
from wagtail_localize.synctree import create_aliases_for_new_page

from agenda import recurrence
from agenda.models import AgendaIndexPage, AgendaPage
from agenda.moderasi import pastikan_moderasi
from sitecore.models import DesaProfil
from sitecore.provisioning import groups_for_site


def _acara(data):
    """(slug, days from today, start hh:mm, hours, fields, by_volunteer)."""
    dusun = [d[0] for d in data["dusun"]]
    nama = data["nama"]
    return [
        (
            "musyawarah-desa-rkpdes",
            -20,
            "09:00",
            4,
            {
                "title": f"Musyawarah Desa Penyusunan RKP Desa {nama}",
                "kategori": "Musyawarah desa",
                "tempat": "Aula Kantor Desa",
                "dusun": dusun[0],
                "penyelenggara": "Badan Permusyawaratan Desa (BPD)",
                "kontak_nama": "Sekretaris BPD",
                "kontak_whatsapp": "0812 3700 1122",
                "ringkasan": (
                    "Membahas usulan dusun untuk RKP Desa tahun depan. Terbuka untuk warga."
                ),
                "deskripsi": (
                    "<p>Setiap dusun membawa daftar usulan hasil musyawarah dusun. "
                    "Perempuan, pemuda dan kelompok rentan diundang khusus.</p>"
                ),
            },
            False,
        ),
        (
            "kerja-bakti-saluran-irigasi",
            -6,
            "07:00",
            3,
            {
                "title": "Kerja Bakti Membersihkan Saluran Irigasi",
                "kategori": "Kerja bakti",
                "tempat": "Bendungan dusun",
                "dusun": dusun[1 % len(dusun)],
                "penyelenggara": "LPMD dan kelompok tani",
                "ringkasan": "Membawa cangkul dan karung. Konsumsi disediakan warga dusun.",
            },
            False,
        ),
        (
            "posyandu-balita",
            -45,
            "08:00",
            3,
            {
                "title": f"Posyandu Balita Dusun {dusun[0]}",
                "kategori": "Posyandu",
                "tempat": "Pos Pelayanan Terpadu",
                "dusun": dusun[0],
                "penyelenggara": "Kader posyandu dan bidan desa",
                "kontak_nama": "Bidan desa",
                "kontak_whatsapp": "0813 3900 4455",
                "ringkasan": "Penimbangan, imunisasi dan pemberian makanan tambahan.",
                "frekuensi": recurrence.BULANAN_TANGGAL,
                "ulang_kali": 12,
            },
            False,
        ),
        (
            "pengajian-rutin-malam-jumat",
            -21,
            "19:30",
            2,
            {
                "title": "Pengajian Rutin Malam Jumat",
                "kategori": "Pengajian",
                "tempat": "Masjid dusun",
                "dusun": dusun[-1],
                "penyelenggara": "Remaja masjid",
                "ringkasan": "Terbuka untuk warga; bergiliran antar-dusun setiap bulan.",
                "frekuensi": recurrence.MINGGUAN,
                "ulang_sampai_hari": 120,
                "hari_minggu": 3,
            },
            False,
        ),
        (
            "pelatihan-pengelolaan-sampah",
            9,
            "13:00",
            3,
            {
                "title": "Pelatihan Bank Sampah untuk Kader PKK",
                "kategori": "Pelatihan",
                "tempat": "Balai dusun",
                "dusun": dusun[2 % len(dusun)],
                "penyelenggara": "Tim Penggerak PKK",
                "ringkasan": "Memilah sampah rumah tangga dan mencatat tabungan bank sampah.",
            },
            False,
        ),
        (
            "musyawarah-desa-apbdes-perubahan",
            24,
            "09:00",
            3,
            {
                "title": "Musyawarah Desa Pembahasan APBDes Perubahan",
                "kategori": "Musyawarah desa",
                "tempat": "Aula Kantor Desa",
                "dusun": dusun[0],
                "penyelenggara": "Pemerintah Desa dan BPD",
                "ringkasan": "Penjelasan perubahan anggaran dan tanya jawab dengan warga.",
            },
            False,
        ),
        (
            "turnamen-voli-antar-dusun",
            16,
            "15:30",
            3,
            {
                "title": "Turnamen Bola Voli Antar-Dusun",
                "kategori": "Olahraga",
                "tempat": "Lapangan desa",
                "dusun": dusun[1 % len(dusun)],
                "penyelenggara": "Karang Taruna",
                "kontak_nama": "Ketua Karang Taruna",
                "kontak_whatsapp": "0817 5500 7788",
                "ringkasan": "Pertandingan setiap Sabtu sore selama sebulan.",
                "frekuensi": recurrence.MINGGUAN,
                "ulang_kali": 4,
                "hari_minggu": 5,
            },
            True,
        ),
        (
            "gotong-royong-jalan-usaha-tani",
            12,
            "07:00",
            0,
            {
                "title": "Gotong Royong Jalan Usaha Tani",
                "kategori": "Kerja bakti",
                "tempat": "Jalan usaha tani blok sawah timur",
                "dusun": dusun[-1],
                "penyelenggara": "Kelompok tani",
                "ringkasan": "Menimbun jalan berlubang sebelum musim tanam.",
                "sepanjang_hari": True,
            },
            True,
        ),
    ]


def seed_agenda(site, data):
    home = site.root_page.specific
    index = AgendaIndexPage.objects.child_of(home).first()
    if index is None:
        return
    groups = groups_for_site(site)
    pastikan_moderasi(site, index, groups)
    kategori = {k.nama: k for k in index.kategori.all()}
    profil = DesaProfil.for_site(site)
    tz = profil.tzinfo
    today = timezone.now().astimezone(tz).date()
    relawan = (
        get_user_model().objects.filter(username=f"relawan.{data['slug'].replace('-', '')}").first()
    )

    for slug, days, start, hours, fields, by_volunteer in _acara(data):
        if index.get_children().filter(slug=slug).exists():
            continue
        fields = dict(fields)
        day = today + timedelta(days=days)
        if "hari_minggu" in fields:
            # Routine weekly events fall on their own weekday (Thursday evening, Saturday).
            day -= timedelta(days=(day.weekday() - fields.pop("hari_minggu")) % 7)
        hh, mm = (int(x) for x in start.split(":"))
        mulai = datetime.combine(day, time(hh, mm), tzinfo=tz)
        sampai_hari = fields.pop("ulang_sampai_hari", None)
        page = AgendaPage(
            slug=slug,
            mulai=mulai,
            selesai=mulai + timedelta(hours=hours) if hours else None,
            zona_waktu=profil.zona_waktu,
            kategori=kategori.get(fields.pop("kategori")),
            ulang_sampai=today + timedelta(days=sampai_hari) if sampai_hari else None,
            **fields,
        )
        if by_volunteer and relawan is not None:
            page.live = False
            page.owner = relawan
            index.add_child(instance=page)
            page.save_revision(user=relawan, log_action=True)
            create_aliases_for_new_page(page)
            workflow = page.get_workflow()
            if (
                workflow
                and not WorkflowState.objects.filter(
                    base_content_type__isnull=False, object_id=str(page.pk)
                ).exists()
            ):
                workflow.start(page, relawan)
        else:
            index.add_child(instance=page)
            page.save_revision(log_action=False).publish(log_action=False)
            create_aliases_for_new_page(page)


# English for the demo events, by Indonesian text ({nama}: the village, {dusun}: a hamlet).
KAMUS = {
    "Musyawarah Desa Penyusunan RKP Desa {nama}": "{nama} Village Meeting on the Annual Plan",
    "Musyawarah desa": "Village meeting",
    "Aula Kantor Desa": "Village office hall",
    "Badan Permusyawaratan Desa (BPD)": "Village Consultative Body (BPD)",
    "Sekretaris BPD": "BPD secretary",
    "Membahas usulan dusun untuk RKP Desa tahun depan. Terbuka untuk warga.": (
        "Discusses the hamlets' proposals for next year's village plan. Open to residents."
    ),
    "Setiap dusun membawa daftar usulan hasil musyawarah dusun. "
    "Perempuan, pemuda dan kelompok rentan diundang khusus.": (
        "Each hamlet brings the list of proposals from its own meeting. Women, young "
        "people and vulnerable groups are especially invited."
    ),
    "Kerja Bakti Membersihkan Saluran Irigasi": "Community Work: Clearing the Irrigation Canal",
    "Kerja bakti": "Community work",
    "Bendungan dusun": "Hamlet weir",
    "LPMD dan kelompok tani": "LPMD and the farmer groups",
    "Membawa cangkul dan karung. Konsumsi disediakan warga dusun.": (
        "Bring a hoe and sacks. Food is provided by the hamlet's residents."
    ),
    "Posyandu Balita Dusun {dusun}": "Toddler Health Post, {dusun} Hamlet",
    "Posyandu": "Health post",
    "Pos Pelayanan Terpadu": "Integrated health post",
    "Kader posyandu dan bidan desa": "Posyandu volunteers and the village midwife",
    "Bidan desa": "Village midwife",
    "Penimbangan, imunisasi dan pemberian makanan tambahan.": (
        "Weighing, immunisation and supplementary food."
    ),
    "Pengajian Rutin Malam Jumat": "Thursday Evening Quran Study",
    "Pengajian": "Quran study",
    "Masjid dusun": "Hamlet mosque",
    "Remaja masjid": "Mosque youth group",
    "Terbuka untuk warga; bergiliran antar-dusun setiap bulan.": (
        "Open to residents; moves between the hamlets every month."
    ),
    "Pelatihan Bank Sampah untuk Kader PKK": "Waste Bank Training for PKK Volunteers",
    "Pelatihan": "Training",
    "Balai dusun": "Hamlet hall",
    "Tim Penggerak PKK": "PKK Women's Movement",
    "Memilah sampah rumah tangga dan mencatat tabungan bank sampah.": (
        "Sorting household waste and keeping the waste bank's savings book."
    ),
    "Musyawarah Desa Pembahasan APBDes Perubahan": "Village Meeting on the Amended Budget",
    "Pemerintah Desa dan BPD": "Village government and BPD",
    "Penjelasan perubahan anggaran dan tanya jawab dengan warga.": (
        "The budget changes explained, with questions from residents."
    ),
    "Turnamen Bola Voli Antar-Dusun": "Inter-Hamlet Volleyball Tournament",
    "Olahraga": "Sport",
    "Lapangan desa": "Village field",
    "Karang Taruna": "Youth group (Karang Taruna)",
    "Ketua Karang Taruna": "Youth group chair",
    "Pertandingan setiap Sabtu sore selama sebulan.": (
        "Matches every Saturday afternoon for a month."
    ),
    "Gotong Royong Jalan Usaha Tani": "Working Together on the Farm Road",
    "Jalan usaha tani blok sawah timur": "Farm road in the eastern rice fields",
    "Kelompok tani": "Farmer group",
    "Menimbun jalan berlubang sebelum musim tanam.": (
        "Filling potholes in the road before the planting season."
    ),
}


def kamus(data):
    """Indonesian -> English for this village's demo events (sitecore.demo.terjemahan)."""
    nama, dusun = data["nama"], data["dusun"][0][0]
    return {
        id_.format(nama=nama, dusun=dusun): en.format(nama=nama, dusun=dusun)
        for id_, en in KAMUS.items()
    }
