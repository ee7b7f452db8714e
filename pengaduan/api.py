"""JSON intake for other systems (WhatsApp bot, SMS gateway, IVR).

Authentication uses Wagtail's API tokens (hashed, created and revoked by admins under
Settings → API tokens, or `manage.py api_tokens`). The token's user must be a complaint
officer of the village the request's Host names. See pengaduan/README_API.md.
"""

import json

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.models import Site

from pengaduan import layanan, pembatas
from pengaduan.models.kategori import Kategori
from pengaduan.models.pengaduan import Jenis, Kanal
from pengaduan.petugas.akses import situs_petugas
from sitecore.models import Dusun

KANAL_API = {Kanal.SMS, Kanal.WHATSAPP, Kanal.IVR, Kanal.TELEPON, Kanal.MEDIA_SOSIAL, Kanal.API}


def _error(status, errors):
    return JsonResponse({"errors": errors}, status=status)


def _authenticate(request):
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    request.user = AnonymousUser()
    api_token = BearerTokenAuth().authenticate(request, token.strip())
    return api_token


@csrf_exempt
@require_POST
def intake(request):
    site = Site.find_for_request(request)
    api_token = _authenticate(request)
    if api_token is None:
        return _error(401, {"auth": [_("Token tidak sah atau sudah dicabut.")]})
    if site is None or not situs_petugas(request.user).filter(pk=site.pk).exists():
        return _error(403, {"auth": [_("Token ini tidak berlaku untuk desa ini.")]})
    if pembatas.lewat_batas("api", api_token.pk, *pembatas.BATAS_API):
        response = _error(429, {"rate": [_("Terlalu banyak permintaan; coba lagi sebentar.")]})
        response["Retry-After"] = str(pembatas.BATAS_API[1])
        return response
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return _error(400, {"body": [_("Isi permintaan harus JSON yang sah.")]})
    if not isinstance(payload, dict):
        return _error(400, {"body": [_("Isi permintaan harus objek JSON.")]})
    data, errors = _validate(site, payload)
    if errors:
        return _error(400, errors)
    ref = payload.get("ref")
    token_form = f"api:{api_token.pk}:{ref}"[:64] if ref else None
    item, pin, created = layanan.buat_pengaduan(
        site=site, data=data, token_form=token_form, dicatat_oleh=api_token.user
    )
    body = {
        "kode": item.kode,
        "status": item.status,
        "diterima_pada": item.diterima_pada.isoformat(),
        "tenggat_tanggapan": item.tenggat_tanggapan.isoformat(),
        "tenggat_selesai": item.tenggat_selesai.isoformat(),
        "duplikat": not created,
    }
    if pin:
        body["pin"] = pin
    return JsonResponse(body, status=201 if created else 200)


def _validate(site, p):
    errors, data = {}, {}

    def need(name, maxlen):
        value = p.get(name)
        if not isinstance(value, str) or not value.strip():
            errors[name] = [_("Wajib diisi.")]
        elif len(value) > maxlen:
            errors[name] = [_("Paling banyak %(n)s karakter.") % {"n": maxlen}]
        else:
            data[name] = value.strip()

    def optional(name, maxlen):
        value = p.get(name, "")
        if value in (None, ""):
            data[name] = ""
        elif not isinstance(value, str) or len(value) > maxlen:
            errors[name] = [_("Paling banyak %(n)s karakter.") % {"n": maxlen}]
        else:
            data[name] = value.strip()

    need("judul", 150)
    need("uraian", 5000)
    for name, maxlen in (("nama", 100), ("telepon", 30), ("email", 254), ("lokasi_detail", 200)):
        optional(name, maxlen)
    jenis = p.get("jenis", Jenis.PENGADUAN)
    if jenis not in Jenis.values:
        errors["jenis"] = [_("Pilihan: %(v)s.") % {"v": ", ".join(Jenis.values)}]
    data["jenis"] = jenis
    kanal = p.get("kanal", Kanal.API)
    if kanal not in {k.value for k in KANAL_API}:
        errors["kanal"] = [
            _("Pilihan: %(v)s.") % {"v": ", ".join(sorted(k.value for k in KANAL_API))}
        ]
    data["kanal"] = kanal
    if p.get("kategori"):
        kategori = Kategori.objects.filter(site=site, nama__iexact=str(p["kategori"])).first()
        if kategori is None:
            errors["kategori"] = [_("Kategori tidak dikenal di desa ini.")]
        data["kategori"] = kategori
    if p.get("dusun"):
        dusun = Dusun.objects.filter(profil__site=site, nama__iexact=str(p["dusun"])).first()
        if dusun is None:
            errors["dusun"] = [_("Dusun tidak dikenal di desa ini.")]
        data["dusun"] = dusun
    for flag in ("rahasiakan_identitas", "laporan_rahasia"):
        value = p.get(flag, False)
        if not isinstance(value, bool):
            errors[flag] = [_("Harus true atau false.")]
        data[flag] = bool(value)
    if data.get("email"):
        from django.core.validators import validate_email

        try:
            validate_email(data["email"])
        except Exception:  # noqa: BLE001
            errors["email"] = [_("Alamat email tidak benar.")]
    data["persetujuan"] = True
    return data, errors
