"""Public forms: filing an item, looking one up, and the reporter's follow-up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from pengaduan.berkas import MAKS_BERKAS, periksa_berkas
from pengaduan.kode import normalisasi_kode
from pengaduan.models.kategori import Kategori
from pengaduan.models.pengaduan import Gender, Jenis, KelompokUmur
from sitecore.kodeaman.formulir import KodeAmanField, ikat
from sitecore.models import Dusun
from sitecore.models.profil import phone_validator


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = [f for f in (data or []) if f] if isinstance(data, list | tuple) else []
        if not files and data and not isinstance(data, list | tuple):
            files = [data]
        if len(files) > MAKS_BERKAS:
            raise forms.ValidationError(
                _("Paling banyak %(n)s lampiran.") % {"n": MAKS_BERKAS}, code="max"
            )
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(periksa_berkas(upload))
            except forms.ValidationError as exc:
                errors.extend(exc.messages)
        if errors:
            raise forms.ValidationError(errors)
        return checked


class PengaduanForm(forms.Form):
    jenis = forms.ChoiceField(
        label=_("Jenis laporan"), choices=Jenis.choices, widget=forms.RadioSelect
    )
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Kategori.objects.none(),
        required=False,
        empty_label=_("— pilih kategori —"),
    )
    judul = forms.CharField(label=_("Judul singkat"), max_length=150)
    uraian = forms.CharField(
        label=_("Uraian"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        min_length=20,
        help_text=_("Apa yang terjadi, di mana, sejak kapan. Jangan tulis nomor KTP/NIK."),
        error_messages={"min_length": _("Uraian terlalu singkat: tulis paling sedikit 20 huruf.")},
    )
    dusun = forms.ModelChoiceField(
        label=_("Dusun"),
        queryset=Dusun.objects.none(),
        required=False,
        empty_label=_("— pilih dusun —"),
    )
    rt = forms.RegexField(
        label=_("RT"),
        regex=r"^\d{1,3}$",
        required=False,
        max_length=3,
        error_messages={"invalid": _("RT berupa angka, misalnya 003.")},
    )
    rw = forms.RegexField(
        label=_("RW"),
        regex=r"^\d{1,3}$",
        required=False,
        max_length=3,
        error_messages={"invalid": _("RW berupa angka, misalnya 001.")},
    )
    lokasi_detail = forms.CharField(label=_("Detail lokasi"), max_length=200, required=False)
    tanggal_kejadian = forms.DateField(
        label=_("Tanggal kejadian"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Tulis tanggal yang benar, misalnya 17-08-2026.")},
    )
    lampiran = MultipleFileField(
        label=_("Lampiran (foto atau PDF, paling banyak 5, masing-masing ≤ 5 MB)"), required=False
    )
    nama = forms.CharField(label=_("Nama"), max_length=100, required=False)
    telepon = forms.CharField(
        label=_("Nomor telepon/WhatsApp"),
        max_length=30,
        required=False,
        validators=[phone_validator],
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        error_messages={"invalid": _("Alamat email tidak benar, misalnya nama@contoh.id.")},
    )
    rahasiakan_identitas = forms.BooleanField(label=_("Rahasiakan identitas saya"), required=False)
    laporan_rahasia = forms.BooleanField(label=_("Laporan rahasia"), required=False)
    gender = forms.ChoiceField(
        label=_("Jenis kelamin"),
        choices=[("", _("Tidak ingin menyebutkan"))] + Gender.choices,
        required=False,
    )
    kelompok_umur = forms.ChoiceField(
        label=_("Kelompok umur"),
        choices=[("", _("Tidak ingin menyebutkan"))] + KelompokUmur.choices,
        required=False,
    )
    rentan_kk_perempuan = forms.BooleanField(
        label=_("Saya kepala keluarga perempuan"), required=False
    )
    rentan_disabilitas = forms.BooleanField(label=_("Saya penyandang disabilitas"), required=False)
    rentan_lansia = forms.BooleanField(label=_("Saya berusia lanjut (60+)"), required=False)
    persetujuan = forms.BooleanField(
        label=_("Saya setuju data laporan ini diproses sesuai pemberitahuan privasi di atas."),
        error_messages={"required": _("Centang persetujuan agar laporan dapat kami proses.")},
    )
    captcha = KodeAmanField(
        "pengaduan",
        help_text=_(
            "Ketik lima angka pada gambar, atau dengarkan rekaman suaranya. Tidak jelas? "
            "Tekan “Ganti kode”, atau muat ulang halaman."
        ),
    )
    # Honeypot: hidden from people with CSS and aria-hidden; bots fill it.
    situs_web = forms.CharField(required=False, label=_("Jangan diisi"))
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, site=None, profil=None, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if request is not None:
            ikat(self, request)  # before self.errors below validates the captcha
        self.fields["kategori"].queryset = Kategori.objects.filter(site=site, aktif=True)
        self.fields["dusun"].queryset = (
            Dusun.objects.filter(profil=profil) if profil else Dusun.objects.none()
        )
        for name, field in self.fields.items():
            if name in self.errors:
                field.widget.attrs["aria-invalid"] = "true"
                field.widget.attrs["aria-describedby"] = f"err-{name}"

    def model_data(self):
        data = {k: self.cleaned_data[k] for k in MODEL_FIELDS}
        return data

    @property
    def lengkapan_terbuka(self):
        """Show the folded optional part unfolded when the villager filled any of it in
        or got an error there, so a form sent back never hides what was typed."""
        if not self.is_bound:
            return False
        typed = {name for name in self.changed_data if self[name].value() not in (None, "", False)}
        return bool((typed | set(self.errors)) & set(LENGKAPAN))


MODEL_FIELDS = [
    "jenis",
    "kategori",
    "judul",
    "uraian",
    "dusun",
    "rt",
    "rw",
    "lokasi_detail",
    "tanggal_kejadian",
    "nama",
    "telepon",
    "email",
    "rahasiakan_identitas",
    "laporan_rahasia",
    "gender",
    "kelompok_umur",
    "rentan_kk_perempuan",
    "rentan_disabilitas",
    "rentan_lansia",
    "persetujuan",
]

# The optional part of the complaint form, folded on first view so that a phone shows
# the report itself, the consent and the send button within a few screens: the
# attachments and every field but the report's own and the consent.
LENGKAPAN = (
    "lampiran",
    *(f for f in MODEL_FIELDS if f not in ("jenis", "kategori", "judul", "uraian", "persetujuan")),
)


class LacakForm(forms.Form):
    kode = forms.CharField(
        label=_("Kode lacak"),
        max_length=20,
        help_text=_("Contoh: K7M-Q4P9-X2 (huruf besar/kecil sama saja)."),
    )

    def clean_kode(self):
        kode = normalisasi_kode(self.cleaned_data["kode"])
        if kode is None:
            raise forms.ValidationError(
                _("Kode lacak terdiri dari 9 huruf dan angka, misalnya K7M-Q4P9-X2.")
            )
        return kode


class PinForm(forms.Form):
    pin = forms.RegexField(
        label=_("PIN"), regex=r"^\d{6}$", error_messages={"invalid": _("PIN terdiri dari 6 angka.")}
    )


class KeteranganForm(forms.Form):
    teks = forms.CharField(
        label=_("Keterangan tambahan"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    lampiran = MultipleFileField(label=_("Lampiran tambahan (opsional)"), required=False)


class PenilaianForm(forms.Form):
    nilai = forms.TypedChoiceField(
        label=_("Seberapa puas Anda dengan penanganan laporan ini?"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pilih nilai antara 1 dan 5."),
            "invalid_choice": _("Nilai harus antara 1 dan 5."),
        },
    )
    komentar = forms.CharField(
        label=_("Komentar (opsional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class BukaKembaliForm(forms.Form):
    alasan = forms.CharField(
        label=_("Mengapa Anda belum puas?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tuliskan alasan Anda membuka kembali laporan ini.")},
    )
