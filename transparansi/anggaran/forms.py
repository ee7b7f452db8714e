"""Admin forms of the budget: the import form and the page form's duplicate guard."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

GANTI, BERUBAH = "ganti", "berubah"
UKURAN_MAKS = 5 * 1024 * 1024


class ImporForm(forms.Form):
    berkas = forms.FileField(
        label=gettext_lazy("Berkas CSV atau XLSX"),
        help_text=gettext_lazy(
            "Kolom seperti pada templat. Baris kelompok dan jumlah (JUMLAH PENDAPATAN, "
            "SURPLUS/(DEFISIT) …) dicocokkan, tidak disimpan."
        ),
    )
    cara = forms.ChoiceField(
        label=gettext_lazy("Cara impor"),
        choices=[
            (
                BERUBAH,
                gettext_lazy(
                    "Hanya baris yang berubah: baris berkode sama diganti, kode baru "
                    "ditambahkan, baris lain tetap"
                ),
            ),
            (GANTI, gettext_lazy("Ganti semua baris")),
        ],
        widget=forms.RadioSelect,
        initial=BERUBAH,
    )

    def __init__(self, *args, pilih_cara=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not pilih_cara:
            # A murni page, or an amendment with no lines yet: all lines are replaced.
            del self.fields["cara"]
            self.fields["berkas"].help_text = _(
                "Kolom seperti pada templat. Baris kelompok dan jumlah (JUMLAH PENDAPATAN, "
                "SURPLUS/(DEFISIT) …) dicocokkan, tidak disimpan. Semua baris lama akan diganti."
            )

    def clean_berkas(self):
        berkas = self.cleaned_data["berkas"]
        if berkas.size > UKURAN_MAKS:
            raise forms.ValidationError(_("Berkas lebih dari 5 MB."))
        return berkas

    @property
    def cara_impor(self):
        return self.cleaned_data.get("cara", GANTI)


def apbdes_kembar(parent, tahun, versi, kecuali=None):
    """The other budget of this village, year and version under `parent`, or None."""
    if parent is None or not tahun or not versi:
        return None
    # By name: the page model imports this module.
    model = apps.get_model("transparansi", "APBDesPage")
    pages = model.objects.child_of(parent).filter(tahun=tahun, versi=versi)
    return pages.exclude(pk=kecuali).first() if kecuali else pages.first()


def pesan_kembar(page):
    return _(
        "APBDes %(tahun)s versi %(versi)s sudah ada: «%(judul)s». Ubah halaman itu, "
        "atau pilih tahun atau versi lain."
    ) % {"tahun": page.tahun, "versi": page.get_versi_display().lower(), "judul": page.title}


class APBDesPageForm(WagtailAdminPageForm):
    """One budget per village, year and version, checked when the page is created too."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            return cleaned  # an existing page: APBDesPage.clean checks its siblings
        kembar = apbdes_kembar(self.parent_page, cleaned.get("tahun"), cleaned.get("versi"))
        if kembar is not None:
            self.add_error("versi", pesan_kembar(kembar))
        return cleaned


class APBDesCopyForm(CopyForm):
    """Copying a budget beside itself would make a second one of the same year and version."""

    def clean(self):
        cleaned = super().clean()
        asal = self.page.specific
        parent = cleaned.get("new_parent_page") or asal.get_parent()
        kembar = apbdes_kembar(parent, asal.tahun, asal.versi)
        if kembar is not None:
            self.add_error("new_parent_page", pesan_kembar(kembar))
        return cleaned
