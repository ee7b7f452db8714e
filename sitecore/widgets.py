"""sitecore's own sidebar widgets. Other apps register theirs the same way."""

from django.utils.translation import gettext_lazy as _


def _placeholder(title):
    def get_context(request, page):
        return {"judul": title}

    return get_context


def aparatur_context(request, page):
    profil = getattr(request, "desa_profil", None)
    if profil is None:
        return None
    officials = list(profil.aparatur.select_related("foto").all()[:6])
    return {"aparatur": officials} if officials else None


def kantor_context(request, page):
    profil = getattr(request, "desa_profil", None)
    if profil is None or not profil.peta_embed_url:
        return None
    return {"profil": profil}


artikel_terbaru_context = _placeholder(_("Artikel terbaru"))
statistik_context = _placeholder(_("Statistik penduduk"))
pengunjung_context = _placeholder(_("Statistik pengunjung"))
