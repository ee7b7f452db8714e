"""The officers' viewsets: complaints (list, filing, inspect, receipt), categories, templates.

Every view narrows to the user's villages through petugas.akses; another village's item is a 404.
"""

from datetime import timedelta

import django_filters
from django import forms
from django.conf import settings
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from pengaduan import layanan
from pengaduan.models.kategori import Kategori, TemplateTanggapan
from pengaduan.models.pengaduan import Jenis, Kanal, Pengaduan
from pengaduan.petugas.akses import (
    PERAN_PENGADUAN,
    DesaModelViewSet,
    ScopedIndexMixin,
    SiteLimitedForm,
    boleh_lihat_identitas,
    scoped,
)
from pengaduan.petugas.kolom import (
    KodeKeInspectMixin,
    WaktuDesaColumn,
    YaTidakColumn,
    dengan_zona,
)
from pengaduan.petugas.lampiran import lampiran_publik_view, lampiran_view, salinan_tersamar_view
from pengaduan.petugas.laporan import LaporanViewSet
from pengaduan.petugas.tanda_terima import tanda_terima_view
from pengaduan.petugas.tindak_lanjut import tindak_lanjut_view
from pengaduan.umpan_balik.viewsets import RekomendasiViewSet
from pengaduan.usulan.views import jalur_usulan_view
from pengaduan.workflow import CLOSED, Status
from sitecore.ekspor import aman_csv
from sitecore.models import DesaProfil, Dusun
from sitecore.models.profil import TIME_ZONE_ABBR
from sitecore.models.roles import Peran

# --- complaints -----------------------------------------------------------------


class PengaduanFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, widget=forms.CheckboxSelectMultiple, label=_("Status")
    )
    jenis = django_filters.ChoiceFilter(choices=Jenis.choices, label=_("Jenis"))
    kanal = django_filters.ChoiceFilter(choices=Kanal.choices, label=_("Kanal"))
    kategori = django_filters.CharFilter(field_name="kategori__nama", label=_("Kategori"))
    dusun = django_filters.CharFilter(field_name="dusun__nama", label=_("Dusun"))
    terlambat = django_filters.BooleanFilter(method="filter_terlambat", label=_("Lewat tenggat"))
    diterima_pada = django_filters.DateFromToRangeFilter(
        label=_("Tanggal diterima"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Pengaduan
        fields = []

    def filter_terlambat(self, queryset, name, value):
        late = queryset.exclude(status__in=CLOSED).filter(tenggat_selesai__lt=timezone.now())
        return late if value else queryset.exclude(pk__in=late.values("pk"))


class PengaduanCreateForm(SiteLimitedForm):
    class Meta:
        model = Pengaduan
        fields = [
            "site", "kanal", "diterima_pada", "jenis", "kategori", "judul", "uraian", "dusun",
            "rt", "rw", "lokasi_detail", "tanggal_kejadian", "nama", "telepon", "email",
            "rahasiakan_identitas", "laporan_rahasia", "gender", "kelompok_umur",
            "rentan_kk_perempuan", "rentan_disabilitas", "rentan_lansia", "persetujuan",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["diterima_pada"].initial = timezone.now()
        self.fields["diterima_pada"].help_text = _(
            "Tanggal dan jam asli laporan diterima, menurut waktu setempat desa."
        )
        self.fields["kanal"].initial = Kanal.KANTOR

    def clean(self):
        data = super().clean()
        site, waktu = data.get("site"), data.get("diterima_pada")
        if site is not None and waktu is not None:
            # The officer types the village's wall-clock time, whatever zone the admin
            # runs in (an officer of a WITA village on a WIB host means WITA).
            from zoneinfo import ZoneInfo

            from sitecore.models import DesaProfil

            profil = DesaProfil.objects.filter(site=site).first()
            if profil is not None:
                naive = timezone.localtime(waktu).replace(tzinfo=None)
                waktu = data["diterima_pada"] = naive.replace(tzinfo=ZoneInfo(profil.zona_waktu))
            if waktu > timezone.now() + timedelta(minutes=5):
                self.add_error("diterima_pada", _("Waktu diterima tidak boleh di masa depan."))
        return data


class PengaduanEditForm(SiteLimitedForm):
    class Meta:
        model = Pengaduan
        fields = [
            "kategori", "dusun", "urgensi", "lintas_instansi", "petugas",
            "judul_publik", "ringkasan_publik",
        ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        site = self.instance.site if self.instance.pk else None
        if site is not None:
            self.fields["kategori"].queryset = Kategori.objects.filter(site=site)
            self.fields["dusun"].queryset = Dusun.objects.filter(profil__site=site)
            from sitecore.models.roles import PeranDesa

            groups = PeranDesa.objects.filter(site=site, peran__in=PERAN_PENGADUAN).values("group")
            self.fields["petugas"].queryset = (
                get_user_model().objects.filter(groups__in=groups).distinct()
            )

    def save(self, commit=True):
        item = super().save(commit=False)
        layanan.perbarui_turunan(item)
        if commit:
            item.save()
        return item


class PengaduanCreateView(generic.CreateView):
    def save_instance(self):
        data = {
            k: v for k, v in self.form.cleaned_data.items() if k not in ("site", "diterima_pada")
        }
        item, pin, _created = layanan.buat_pengaduan(
            site=self.form.cleaned_data["site"],
            data=data,
            dicatat_oleh=self.request.user,
            diterima_pada=self.form.cleaned_data["diterima_pada"],
        )
        self.request.session["pengaduan_admin_pin"] = {str(item.pk): pin}
        return item

    def get_success_url(self):
        return reverse("pengaduan:tanda_terima", args=[self.object.pk])


class PengaduanIndexView(KodeKeInspectMixin, ScopedIndexMixin, generic.IndexView):
    def get_base_queryset(self):
        # The list shows the category: one join instead of a query per row; each row's
        # village zone comes in the same query (times show on the village's clock).
        return dengan_zona(super().get_base_queryset().select_related("kategori", "dusun"))

    def preprocess_field_value(self, field, value, export_format):
        # Wagtail only guards XLSX cells; public titles reach the CSV too.
        return aman_csv(super().preprocess_field_value(field, value, export_format))


class PengaduanInspectView(generic.InspectView):
    template_name = "pengaduan/admin/inspect.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        item = self.object
        ctx.update(
            p=item,
            events=item.tindak_lanjut.select_related("aktor", "berita_acara").order_by(
                "waktu", "id"
            ),
            lampiran=item.lampiran.all(),
            boleh_ubah=self.request.user.has_perm("pengaduan.change_pengaduan"),
            lihat_identitas=boleh_lihat_identitas(self.request.user, item),
            tindak_lanjut_url=reverse("pengaduan:tindak_lanjut", args=[item.pk]),
            tanda_terima_url=reverse("pengaduan:tanda_terima", args=[item.pk]),
            jalur=getattr(item, "jalur_usulan", None) if item.jenis == Jenis.ASPIRASI else None,
            sekarang=timezone.now(),
            # Times in the item's village zone, whichever host the admin runs on.
            zona_waktu=DesaProfil.objects.filter(site_id=item.site_id)
            .values_list("zona_waktu", flat=True)
            .first()
            or settings.TIME_ZONE,
        )
        ctx["zona"] = TIME_ZONE_ABBR.get(ctx["zona_waktu"], ctx["zona_waktu"])
        return ctx


class PengaduanViewSet(ModelViewSet):
    model = Pengaduan
    icon = "mail"
    menu_label = _("Pengaduan")
    name = "pengaduan"
    url_prefix = "pengaduan/item"
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "kode",
        Column("judul", label=_("Judul")),
        "jenis",
        "kategori",
        "status",
        WaktuDesaColumn("diterima_pada", label=_("Diterima")),
        WaktuDesaColumn("tenggat_tanggapan", label=_("Tenggat tanggapan")),
        WaktuDesaColumn("tenggat_selesai", label=_("Tenggat selesai")),
    ]
    list_export = [
        "kode", "jenis", "kategori", "kanal", "dusun", "judul_publik", "status", "urgensi",
        "diterima_pada", "ditanggapi_pada", "diselesaikan_pada", "tenggat_tanggapan",
        "tenggat_selesai", "hari_tanggapan", "hari_selesai", "tepat_tanggapan", "tepat_selesai",
        "hasil", "penilaian",
    ]  # fmt: skip
    export_filename = "pengaduan"
    filterset_class = PengaduanFilterSet
    search_fields = ["kode", "judul", "judul_publik", "uraian"]
    search_backend_name = None  # plain ORM search: the queryset is already scoped
    ordering = ["-diterima_pada"]

    index_view_class = PengaduanIndexView
    add_view_class = PengaduanCreateView
    edit_view_class = scoped(generic.EditView)
    delete_view_class = scoped(generic.DeleteView)
    inspect_view_class = scoped(PengaduanInspectView)
    history_view_class = scoped(history.HistoryView)
    usage_view_class = scoped(usage.UsageView)

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(
            panel=self._panel_create, form_class=self._panel_create.get_form_class(), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            panel=self._panel_edit, form_class=self._panel_edit.get_form_class(), **kwargs
        )

    @property
    def _panel_create(self):
        return ObjectList(
            [
                FieldPanel("site"),
                FieldRowPanel([FieldPanel("kanal"), FieldPanel("diterima_pada")]),
                FieldRowPanel([FieldPanel("jenis"), FieldPanel("kategori")]),
                FieldPanel("judul"),
                FieldPanel("uraian"),
                MultiFieldPanel(
                    [
                        FieldPanel("dusun"),
                        FieldRowPanel([FieldPanel("rt"), FieldPanel("rw")]),
                        FieldPanel("lokasi_detail"),
                        FieldPanel("tanggal_kejadian"),
                    ],
                    heading=_("Lokasi"),
                ),
                MultiFieldPanel(
                    [
                        FieldPanel("nama"),
                        FieldPanel("telepon"),
                        FieldPanel("email"),
                        FieldPanel("rahasiakan_identitas"),
                        FieldPanel("laporan_rahasia"),
                    ],
                    heading=_("Pelapor"),
                ),
                MultiFieldPanel(
                    [
                        FieldPanel("gender"),
                        FieldPanel("kelompok_umur"),
                        FieldPanel("rentan_kk_perempuan"),
                        FieldPanel("rentan_disabilitas"),
                        FieldPanel("rentan_lansia"),
                        FieldPanel("persetujuan"),
                    ],
                    heading=_("Data sukarela"),
                ),
            ],
            base_form_class=PengaduanCreateForm,
        ).bind_to_model(Pengaduan)

    @property
    def _panel_edit(self):
        return ObjectList(
            [
                FieldRowPanel([FieldPanel("kategori"), FieldPanel("dusun")]),
                FieldRowPanel([FieldPanel("urgensi"), FieldPanel("lintas_instansi")]),
                FieldPanel("petugas"),
                MultiFieldPanel(
                    [FieldPanel("judul_publik"), FieldPanel("ringkasan_publik")],
                    heading=_("Teks untuk publik (tanpa nama dan data pribadi)"),
                ),
            ],
            base_form_class=PengaduanEditForm,
        ).bind_to_model(Pengaduan)

    def get_form_class(self, for_update=False):
        return (self._panel_edit if for_update else self._panel_create).get_form_class()

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/tindak-lanjut/", tindak_lanjut_view, name="tindak_lanjut"),
            path("<int:pk>/tanda-terima/", tanda_terima_view, name="tanda_terima"),
            path("<int:pk>/jalur-usulan/", jalur_usulan_view, name="jalur_usulan"),
            path("lampiran/<int:pk>/", lampiran_view, name="lampiran"),
            path("lampiran/<int:pk>/tersamar/", salinan_tersamar_view, name="salinan_tersamar"),
            path("lampiran/<int:pk>/publik/", lampiran_publik_view, name="lampiran_publik"),
        ]


# --- lookups -----------------------------------------------------------------------


class KategoriViewSet(DesaModelViewSet):
    model = Kategori
    icon = "tag"
    menu_label = _("Kategori")
    name = "pengaduan_kategori"
    url_prefix = "pengaduan/kategori"
    list_display = [
        "nama",
        "site",
        "urutan",
        YaTidakColumn(
            "aktif", label=Kategori._meta.get_field("aktif").verbose_name, sort_key="aktif"
        ),
    ]
    form_fields = ["site", "nama", "urutan", "aktif"]
    peran = [Peran.KOORDINATOR_PENGADUAN, Peran.EDITOR, Peran.PETUGAS_PENGADUAN]


class TemplateTanggapanViewSet(KategoriViewSet):
    model = TemplateTanggapan
    icon = "doc-full"
    menu_label = _("Template tanggapan")
    name = "pengaduan_template"
    url_prefix = "pengaduan/template"
    list_display = ["judul", "status", "site"]
    form_fields = ["site", "status", "judul", "teks"]
    peran = PERAN_PENGADUAN


class PengaduanGroup(ModelViewSetGroup):
    menu_label = _("Pengaduan")
    menu_icon = "mail"
    menu_order = 250
    items = (
        PengaduanViewSet,
        KategoriViewSet,
        TemplateTanggapanViewSet,
        LaporanViewSet,
        RekomendasiViewSet,
    )
