"""Audit log entries that know their village.

Wagtail keeps the history of plain models in `ModelLogEntry` and shows it to anyone
holding a permission on the model, whatever the object. Our village-scoped models
(complaints, comments, information requests, ...) each carry a `site`: their entries
are written here instead, with that site, so the site history report, its filters and
every object history show a user only the villages they work for. An app opts a model
in from its `register_log_actions` hook: `actions.register_model(Model, DesaLogEntry)`.
"""

from functools import partial

from django.contrib.auth.models import Permission
from django.db import migrations, models
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, Site
from wagtail.models.audit_log import ModelLogEntryManager

from sitecore.models.roles import desa_sites_for_user


class DesaLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.setdefault("site_id", getattr(instance, "site_id", None))
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        """Entries of the user's villages, for models they hold any permission on."""
        if user.is_superuser:
            return self.all()
        return self.filter(
            content_type_id__in=self._permitted_content_type_ids(user),
            site__in=desa_sites_for_user(user),
        )

    def _permitted_content_type_ids(self, user):
        # Wagtail's own version caches its answer on the user under a name shared by
        # every log model, so the first model asked would decide for all: keep our own.
        if not hasattr(user, "_desa_log_content_type_ids"):
            used = self.values_list("content_type_id", flat=True).distinct()
            user._desa_log_content_type_ids = {
                perm.content_type_id
                for perm in Permission.objects.filter(content_type_id__in=used).select_related(
                    "content_type"
                )
                if user.has_perm(f"{perm.content_type.app_label}.{perm.codename}")
            }
        return user._desa_log_content_type_ids


class DesaLogEntry(BaseLogEntry):
    object_id = models.CharField(max_length=255, db_index=True)
    # Entries outlive their village only for superusers (a deleted site leaves NULL).
    site = models.ForeignKey(
        Site, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DesaLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("catatan riwayat desa")
        verbose_name_plural = _("catatan riwayat desa")

    def __str__(self):
        return f"DesaLogEntry {self.pk}: '{self.action}' on {self.object_id}"


def move_log_entries(apps, labels, reverse=False):
    """Data-migration helper: move the entries of `labels` ("app.Model") from Wagtail's
    ModelLogEntry to DesaLogEntry, setting the village (or back, when reversing)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    models_ = [
        apps.get_model("wagtailcore", "ModelLogEntry"),
        apps.get_model("sitecore", "DesaLogEntry"),
    ]
    source, target = reversed(models_) if reverse else models_
    fields = [f.attname for f in source._meta.concrete_fields if f.attname not in ("id", "site_id")]
    for label in labels:
        app_label, name = label.split(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=name.lower()).first()
        if content_type is None:
            continue
        model = apps.get_model(app_label, name)
        sites = {str(pk): site for pk, site in model.objects.values_list("pk", "site_id")}
        entries = source.objects.filter(content_type=content_type)
        moved = []
        for entry in entries.iterator():
            row = target(**{f: getattr(entry, f) for f in fields})
            if not reverse:
                row.site_id = sites.get(entry.object_id)
            moved.append(row)
        target.objects.bulk_create(moved, batch_size=500)
        entries.delete()


def move_log_entries_operation(*labels):
    """The data migration step for an app whose models now log to DesaLogEntry."""
    return migrations.RunPython(
        partial(_run_move, labels=labels, reverse=False),
        partial(_run_move, labels=labels, reverse=True),
    )


def _run_move(apps, schema_editor, labels, reverse):
    move_log_entries(apps, labels, reverse=reverse)
