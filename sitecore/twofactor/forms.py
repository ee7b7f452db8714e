from django import forms
from django.utils.translation import gettext_lazy as _


class KodeForm(forms.Form):
    """One code: six digits from the authenticator app, or a backup code."""

    kode = forms.CharField(
        label=_("Kode verifikasi"),
        max_length=32,
        help_text=_("Enam angka dari aplikasi autentikator, atau satu kode cadangan."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class KodeAplikasiForm(KodeForm):
    """Enrolment: only the authenticator's code proves the app was set up."""

    kode = forms.CharField(
        label=_("Kode dari aplikasi"),
        max_length=16,
        help_text=_("Enam angka yang sekarang tampil di aplikasi autentikator."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
