"""The plan page's admin form: an activity may only take up its own village's proposals
and implement its own village's RPJMDes programmes."""

from django.utils.translation import gettext_lazy as _
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


def pilihan_program(queryset, section):
    """RPJMDes programmes on plan pages next to this one (same village, same language)."""
    if section is None:
        return queryset.none()
    return (
        queryset.filter(
            page__path__startswith=section.path,
            page__depth=section.depth + 1,
            page__alias_of__isnull=True,
        )
        .select_related("page")
        .order_by("-page__tahun_mulai", "sub_bidang", "sort_order", "pk")
    )


def label_program(p):
    return f"RPJMDes {p.page.tahun_mulai}–{p.page.tahun_selesai}: {p.sub_bidang} {p.nama}"


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
        section = page.get_parent() if page.pk else self.parent_page
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
        if "program" in fields:
            program = fields["program"].__deepcopy__({})
            program.queryset = pilihan_program(program.queryset, section)
            program.label_from_instance = label_program
            program.error_messages["invalid_choice"] = _(
                "Pilih program dari RPJMDes desa ini sendiri."
            )
            fields["program"] = program
        # Set after creation: ModelForm's metaclass would rebuild base_fields.
        formset.form = type(base.__name__, (base,), {})
        formset.form.base_fields = fields
        for form in formset.__dict__.get("forms", []):
            form.fields["usulan"].queryset = usulan.queryset
            form.fields["usulan"].label_from_instance = label_usulan
            if "program" in fields:
                form.fields["program"].queryset = fields["program"].queryset
                form.fields["program"].label_from_instance = label_program
                form.fields["program"].error_messages = fields["program"].error_messages
