def desa(request):
    """`desa`: the current village's profile (None on the installation directory)."""
    return {"desa": getattr(request, "desa_profil", None)}
