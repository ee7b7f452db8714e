"""Public forms of sitecore: the article comment form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sitecore.kodeaman.formulir import KodeAmanField
from sitecore.komentar.models import Komentar
from sitecore.komentar.rules import MAX_LINKS, hitung_tautan
from sitecore.models.profil import phone_validator


class KomentarForm(forms.ModelForm):
    # Honeypot: hidden from people by CSS, filled in by naive bots.
    situs_web = forms.CharField(
        label=_("Jangan isi kolom ini"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    captcha = KodeAmanField(
        "komentar",
        help_text=_("Ketik lima angka pada gambar, atau dengarkan rekaman suaranya."),
    )

    class Meta:
        model = Komentar
        fields = ["nama", "telepon", "email", "pesan"]
        labels = {
            "nama": _("Nama"),
            "telepon": _("Nomor telepon (tidak ditampilkan)"),
            "email": _("Email (tidak ditampilkan)"),
            "pesan": _("Komentar"),
        }
        widgets = {
            "nama": forms.TextInput(attrs={"autocomplete": "name"}),
            "telepon": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "pesan": forms.Textarea(attrs={"rows": 5, "maxlength": 2000}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["telepon"].validators.append(phone_validator)
        self.fields["pesan"].error_messages["required"] = _("Tulis komentar Anda.")
        self.fields["nama"].error_messages["required"] = _("Tulis nama Anda.")

    def clean_pesan(self):
        pesan = self.cleaned_data["pesan"].strip()
        if hitung_tautan(pesan) > MAX_LINKS:
            raise forms.ValidationError(
                _("Komentar berisi terlalu banyak tautan (paling banyak %(n)d)."),
                params={"n": MAX_LINKS},
            )
        return pesan

    @property
    def honeypot_terisi(self):
        return bool(self.data.get("situs_web", "").strip())
