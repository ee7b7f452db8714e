"""The village profile's own widgets: officials and the office map. Each concern keeps its
widgets in its own package; other apps register theirs the same way."""


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
