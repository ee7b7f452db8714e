"""The plan page's admin form: an activity may only take up its own village's proposals."""

from wagtail.admin.forms import WagtailAdminPageForm

from pengaduan.models.pengaduan import Jenis, Pengaduan


def pilihan_usulan(site):
    """Proposals of `site` an editor may link: those in the public register."""
    return (
        Pengaduan.objects.filter(site=site, jenis=Jenis.ASPIRASI)
        .publik()
        .select_related("kategori", "dusun")
        .order_by("-diterima_pada")
    )


def label_usulan(p):
    # The register's title: the reporter's own words may carry names.
    return f"{p.kode} – {p.judul_register}"


class RencanaPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        site = page.get_site() if page.pk else None
        if site is None and self.parent_page is not None:
            site = self.parent_page.get_site()
        formset = self.formsets.get("kegiatan")
        if formset is None:
            return
        # A per-request subclass: the activity forms (and the empty template form the
        # "add activity" button clones) list this village's proposals only.
        base = formset.form
        fields = {name: field for name, field in base.base_fields.items()}
        usulan = fields["usulan"].__deepcopy__({})
        usulan.queryset = pilihan_usulan(site) if site else Pengaduan.objects.none()
        usulan.label_from_instance = label_usulan
        fields["usulan"] = usulan
        # Set after creation: ModelForm's metaclass would rebuild base_fields.
        formset.form = type(base.__name__, (base,), {})
        formset.form.base_fields = fields
        for form in formset.__dict__.get("forms", []):
            form.fields["usulan"].queryset = usulan.queryset
            form.fields["usulan"].label_from_instance = label_usulan
