"""The standard group labels of the population register, shown in the visitor's language.

Rows are data a village types or imports, so they are not translated content. But most
villages use the same labels of the Dukcapil forms (sex, religion, education,
occupation, marital status...): those are marked here for gettext, like interface text,
and shown in English under /en/. A label a village made up stays as typed.
"""

from django.utils.translation import gettext, gettext_noop

LABEL_BAKU = frozenset(
    [
        gettext_noop("Penduduk"),
        gettext_noop("Tidak/belum sekolah"),
        gettext_noop("Belum tamat SD"),
        gettext_noop("Tamat SD"),
        gettext_noop("SLTP"),
        gettext_noop("SLTA"),
        gettext_noop("Diploma"),
        gettext_noop("Sarjana (S1)"),
        gettext_noop("S2/S3"),
        gettext_noop("Petani/pekebun"),
        gettext_noop("Buruh tani"),
        gettext_noop("Wiraswasta"),
        gettext_noop("Pedagang"),
        gettext_noop("Pelajar/mahasiswa"),
        gettext_noop("Mengurus rumah tangga"),
        gettext_noop("PNS/TNI/Polri"),
        gettext_noop("Belum/tidak bekerja"),
        gettext_noop("Islam"),
        gettext_noop("Kristen"),
        gettext_noop("Katolik"),
        gettext_noop("Hindu"),
        gettext_noop("Buddha"),
        gettext_noop("Khonghucu"),
        gettext_noop("Belum kawin"),
        gettext_noop("Kawin"),
        gettext_noop("Cerai hidup"),
        gettext_noop("Cerai mati"),
        gettext_noop("WNI"),
        gettext_noop("WNA"),
        gettext_noop("Tidak tahu"),
        gettext_noop("Tuna daksa"),
        gettext_noop("Tuna netra"),
        gettext_noop("Tuna rungu/wicara"),
        gettext_noop("Disabilitas mental"),
        gettext_noop("Lainnya"),
        gettext_noop("Laki-laki"),
        gettext_noop("Perempuan"),
    ]
)


def label_tampil(label):
    """`label` in the active language if it is a standard one, else as the village typed it."""
    return gettext(label) if label in LABEL_BAKU else label
