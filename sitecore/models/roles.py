"""Which Django group plays which role in which village.

Wagtail scopes page and collection permissions by tree position, but model-level
permissions (complaints, comments, requests) are global. This table is what every
app uses to narrow those to the villages a user works for.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site


class Peran(models.TextChoices):
    EDITOR = "editor", _("Editor")
    PPID = "ppid", _("PPID")
    PETUGAS_PENGADUAN = "petugas_pengaduan", _("Petugas pengaduan")
    KOORDINATOR_PENGADUAN = "koordinator_pengaduan", _("Koordinator pengaduan")
    RELAWAN_JID = "relawan_jid", _("Relawan JID")


class PeranDesaQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(group__in=user.groups.all())


class PeranDesa(models.Model):
    site = models.ForeignKey(
        Site, verbose_name=_("desa"), on_delete=models.CASCADE, related_name="peran_desa"
    )
    group = models.OneToOneField(
        Group, verbose_name=_("grup"), on_delete=models.CASCADE, related_name="peran_desa"
    )
    peran = models.CharField(_("peran"), max_length=32, choices=Peran.choices)

    objects = PeranDesaQuerySet.as_manager()

    class Meta:
        verbose_name = _("peran desa")
        verbose_name_plural = _("peran desa")
        constraints = [
            models.UniqueConstraint(fields=["site", "peran"], name="satu_grup_per_peran_desa")
        ]

    def __str__(self):
        return f"{self.group.name}: {self.get_peran_display()} @ {self.site.site_name}"


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
