"""Which villages a user may work on, by role. Used to scope model-level admin views."""

from wagtail.models import Site

from sitecore.models.roles import PeranDesa


def desa_sites_for_user(user, peran=None):
    """Sites the user works for (all of them for a superuser); `peran` narrows by role."""
    if not user.is_authenticated or not user.is_active:
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    roles = PeranDesa.objects.for_user(user)
    if peran is not None:
        roles = roles.filter(peran__in=[peran] if isinstance(peran, str) else peran)
    return Site.objects.filter(id__in=roles.values("site_id"))


def user_has_peran(user, site, peran):
    return desa_sites_for_user(user, peran).filter(pk=site.pk).exists()
