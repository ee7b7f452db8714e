"""Admin form for events: local times of the village, its dusun and its categories."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from sitecore.models import DesaProfil


class AgendaPageForm(WagtailAdminPageForm):
    """Interprets entered times in the village's zone, whatever the admin user's zone.

    Django's form fields read and show datetimes in the active zone (the admin
    user's); an editor in Jakarta posting for a village in Lombok means WITA.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        site = parent.get_site() if parent is not None else None
        profil = DesaProfil.objects.filter(site=site).first() if site else None
        self.zona_waktu = profil.zona_waktu if profil else "Asia/Jakarta"
        self.instance.zona_waktu = self.zona_waktu
        tz = self.instance.tzinfo
        abbr = self.instance.zona_singkat

        for name in ("mulai", "selesai"):
            if name not in self.fields:
                continue
            self.fields[name].help_text = _("Jam setempat desa (%(zona)s).") % {"zona": abbr}
            value = getattr(self.instance, name, None)
            if value is not None and not self.is_bound:
                # Shown as naive local wall time, which the widget displays as is.
                self.initial[name] = value.astimezone(tz).replace(tzinfo=None)

        if "dusun" in self.fields:
            names = list(profil.dusun.values_list("nama", flat=True)) if profil else []
            current = self.instance.dusun
            if current and current not in names:
                names.append(current)
            self.fields["dusun"] = forms.ChoiceField(
                label=_("dusun"),
                required=False,
                choices=[("", _("— pilih dusun —"))] + [(n, n) for n in names],
            )
            self.initial.setdefault("dusun", current)

        if "kategori" in self.fields and parent is not None:
            from agenda.models.kategori import KategoriAgenda

            self.fields["kategori"].queryset = KategoriAgenda.objects.filter(page_id=parent.pk)

    def _lokal(self, value):
        """Re-read a value parsed in the active zone as wall time of the village."""
        if value is None:
            return None
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value.replace(tzinfo=self.instance.tzinfo)

    def clean_mulai(self):
        return self._lokal(self.cleaned_data.get("mulai"))

    def clean_selesai(self):
        return self._lokal(self.cleaned_data.get("selesai"))
