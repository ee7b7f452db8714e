"""The captcha field, its widget and the two GET requests a form answers for it.

A form's own URL serves `?captcha=baru` (a new bound challenge, JSON, for the "new code"
button) and `?captcha_suara=<key>` (the spoken code): no extra routes, and each form only
ever hands out and speaks its own challenges.
"""

import hashlib
import hmac

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy as _

from sitecore import batas
from sitecore.kodeaman import suara
from sitecore.kodeaman.terbit import milik, periksa, terbitkan

PESAN = {
    "invalid": _(
        "Kode keamanan salah, sudah dipakai, atau kedaluwarsa. Ketik kode baru di bawah ini."
    ),
    "required": _("Isi kode keamanan: angka pada gambar, atau yang diucapkan rekaman suara."),
}


# Per client: new codes and spoken codes in 10 minutes (each one is a DB row or a
# speech synthesis), far above what a person needs.
BATAS = (60, 600)


def sesi(request):
    """A short keyed hash of the visitor's session (created if needed): binds a challenge
    to the browser it was shown to, without storing the session key."""
    if not request.session.session_key:
        request.session["kodeaman"] = True
        request.session.save()
    kunci = request.session.session_key.encode()
    return hmac.new(settings.SECRET_KEY.encode(), kunci, hashlib.sha256).hexdigest()[:8]


def ikat(form, request):
    """Bind the captcha `form` shows and accepts to this visitor's session."""
    field = form.fields["captcha"]
    field.sesi = field.widget.sesi = sesi(request)
    return form


def url_suara(key):
    return f"?captcha_suara={key}"


class KodeAmanInput(CaptchaTextInput):
    """Image, spoken version and "new code" button for one form's challenge."""

    template_name = "sitecore/widgets_form/captcha.html"

    def __init__(self, nama_form):
        self.nama_form, self.sesi = nama_form, ""
        super().__init__()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # Django leaves aria-describedby off multi-widgets: point the answer box at the
        # help text (and the error, when there is one) the form templates render.
        ketik = context["widget"]["subwidgets"][1]["attrs"]
        uraian = [f"{self.id_}_helptext"] if self.id_ else []
        if self.id_ and ketik.get("aria-invalid"):
            uraian.append(f"{self.id_}_error")
        ketik.update(inputmode="numeric", autocomplete="off", spellcheck="false")
        if uraian:
            ketik["aria-describedby"] = " ".join(uraian)
        return context

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        self._key = terbitkan(self.nama_form, self.sesi).hashkey
        self._value = [self._key, ""]
        self.id_ = self.build_attrs(attrs).get("id", None)

    def audio_url(self):
        return url_suara(self._key) if suara.tersedia() else None


class KodeAmanField(CaptchaField):
    """Accepts only an answer to a challenge issued by the form named `nama_form`."""

    def __init__(self, nama_form, **kwargs):
        self.nama_form, self.sesi = nama_form, ""
        kwargs.setdefault("label", _("Kode keamanan"))
        kwargs["error_messages"] = {**PESAN, **kwargs.get("error_messages", {})}
        super().__init__(widget=KodeAmanInput(nama_form), **kwargs)

    def clean(self, value):
        # MultiValueField's checks only (required); the store check is ours.
        forms.MultiValueField.clean(self, value)
        key, jawaban = (list(value) + ["", ""])[:2]
        if not periksa(self.nama_form, key, jawaban, self.sesi):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return value


def _tanpa_simpan(response):
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def layani(request, nama_form):
    """The response to a captcha GET on a form's URL, or None for the form itself."""
    if request.method != "GET":
        return None
    baru, key = request.GET.get("captcha") == "baru", request.GET.get("captcha_suara")
    if not baru and key is None:
        return None
    if batas.lewat_batas("kodeaman", batas.kunci_alamat(request), *BATAS):
        response = HttpResponse(status=429)
        response["Retry-After"] = str(BATAS[1])
        return _tanpa_simpan(response)
    if baru:
        key = terbitkan(nama_form, sesi(request)).hashkey
        data = {
            "key": key,
            "image_url": reverse("captcha-image", kwargs={"key": key}),
            "audio_url": url_suara(key) if suara.tersedia() else None,
        }
        return _tanpa_simpan(JsonResponse(data))
    store = milik(nama_form, key, sesi(request))
    isi = suara.wav(store.challenge) if store else None
    if isi is None:
        return _tanpa_simpan(HttpResponse(status=404))
    response = HttpResponse(isi, content_type="audio/wav")
    response["Content-Disposition"] = 'inline; filename="kode-keamanan.wav"'
    return _tanpa_simpan(response)
