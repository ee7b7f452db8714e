from django import forms
from django.utils.translation import gettext_lazy as _

from sitecore.kodeaman.formulir import KodeAmanField
from transparansi.models.permohonan import AlasanKeberatan, PermohonanInformasi


class PermohonanForm(forms.ModelForm):
    # Honeypot: hidden from people by CSS; bots fill it in.
    situs_web = forms.CharField(label=_("Jangan diisi"), required=False)
    captcha = KodeAmanField(
        "permohonan",
        help_text=_(
            "Ketik lima angka pada gambar, atau dengarkan rekaman suaranya. "
            "Tekan “Ganti kode” atau muat ulang halaman untuk kode baru."
        ),
    )
    setuju = forms.BooleanField(
        label=_("Saya menyatakan data di atas benar dan informasi akan digunakan sesuai tujuan."),
    )

    class Meta:
        model = PermohonanInformasi
        fields = [
            "nama",
            "alamat",
            "pekerjaan",
            "telepon",
            "email",
            "jenis_identitas",
            "rincian",
            "tujuan",
            "cara_memperoleh",
            "cara_menerima",
        ]
        widgets = {
            "alamat": forms.Textarea(attrs={"rows": 2}),
            "rincian": forms.Textarea(attrs={"rows": 4}),
            "tujuan": forms.Textarea(attrs={"rows": 2}),
            "cara_memperoleh": forms.RadioSelect,
            "cara_menerima": forms.RadioSelect,
        }
        help_texts = {
            "jenis_identitas": _(
                "Bawa identitas ini saat mengambil informasi; nomornya tidak kami minta."
            ),
            "telepon": _("Isi telepon atau email agar kami dapat menghubungi Anda."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Required radio choices need no empty "---------" option.
        for name in ("cara_memperoleh", "cara_menerima"):
            field = self.fields[name]
            field.choices = [(value, label) for value, label in field.choices if value != ""]
        # A dropdown's empty choice says what to do, not "---------".
        identitas = self.fields["jenis_identitas"]
        identitas.choices = [("", _("— pilih jenis identitas —"))] + [
            (value, label) for value, label in identitas.choices if value != ""
        ]

    def clean(self):
        data = super().clean()
        if not data.get("telepon") and not data.get("email"):
            raise forms.ValidationError(_("Isi nomor telepon/WhatsApp atau alamat email."))
        if data.get("cara_menerima") == "email" and not data.get("email"):
            self.add_error("email", _("Isi alamat email untuk menerima salinan lewat email."))
        return data


class KeberatanForm(forms.Form):
    alasan = forms.ChoiceField(
        label=_("Alasan keberatan"),
        choices=AlasanKeberatan.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Pilih alasan keberatan."),
            "invalid_choice": _("Pilih alasan keberatan."),
        },
    )
    uraian = forms.CharField(
        label=_("Uraian keberatan"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
