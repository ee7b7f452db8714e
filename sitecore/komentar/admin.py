"""Comment moderation in the Wagtail admin, scoped to the editor's own villages.

Wagtail's generic views load objects by primary key and only check model permissions,
so every view here narrows to `desa_sites_for_user(user, EDITOR)`: another village's
comment is a 404, not a 403 that would confirm it exists.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from sitecore.komentar.models import Komentar
from sitecore.models.roles import Peran, desa_sites_for_user


def komentar_for_user(user):
    return Komentar.objects.filter(site__in=desa_sites_for_user(user, Peran.EDITOR))


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is not None and not komentar_for_user(self.request.user).filter(pk=obj.pk).exists():
            raise Http404
        return obj


class KomentarIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(site__in=desa_sites_for_user(self.request.user, Peran.EDITOR))
            .select_related("page", "site")
        )


class KomentarEditView(ScopedObjectMixin, generic.EditView):
    pass


class KomentarDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class KomentarInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class KomentarHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class KomentarUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class KomentarCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class KomentarViewSet(ModelViewSet):
    model = Komentar
    icon = "comment"
    menu_label = _("Komentar")
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "komentar"
    name = "komentar"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["nama", "pesan", "page", "status", "dibuat"]
    list_filter = ["status"]
    search_fields = ["nama", "pesan"]
    ordering = ["-dibuat"]
    inspect_view_fields = ["site", "page", "nama", "telepon", "email", "pesan", "status", "dibuat"]
    panels = [
        FieldPanel("status"),
        FieldPanel("nama", read_only=True),
        FieldPanel("pesan", read_only=True),
        FieldPanel("telepon", read_only=True),
        FieldPanel("email", read_only=True),
    ]
    index_view_class = KomentarIndexView
    edit_view_class = KomentarEditView
    delete_view_class = KomentarDeleteView
    inspect_view_class = KomentarInspectView
    history_view_class = KomentarHistoryView
    usage_view_class = KomentarUsageView
    copy_view_class = KomentarCopyView
