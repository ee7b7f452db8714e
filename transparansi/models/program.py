"""RPJMDes programmes (the plan's matrix) and the dated progress history of activities.

Programmes are rows of the RPJMDes page, saved through its revisions like any child. The
progress history is kept outside revisions: recording an entry never touches the page, and
republishing the plan keeps every entry (its activity rows keep their primary keys).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable

from transparansi.data.kode_rekening import BIDANG
from transparansi.rencana import aturan

from .apbdes import SUMBER_DANA_CHOICES
from .rencana import FotoBlock

SUB_BIDANG_CHOICES = [(k, f"{k} {v}") for k, v in BIDANG.items() if k.count(".") == 1]
TAHUN_KE = [f"tahun_{i}" for i in range(1, aturan.TAHUN_RPJMDES + 1)]


class ProgramRPJMDes(Orderable):
    """One row of the RPJMDes matrix: what, where, for whom, which years, how much."""

    page = ParentalKey("transparansi.RPJMDesPage", related_name="program", on_delete=models.CASCADE)
    sub_bidang = models.CharField(_("sub bidang"), max_length=5, choices=SUB_BIDANG_CHOICES)
    nama = models.CharField(_("program / jenis kegiatan"), max_length=250)
    lokasi = models.CharField(_("lokasi"), max_length=150, blank=True)
    sasaran = models.CharField(
        _("volume dan sasaran"),
        max_length=250,
        blank=True,
        help_text=_("Indikator yang hendak dicapai, misalnya “2.400 m; 320 KK petani”."),
    )
    tahun_1 = models.BooleanField(_("tahun ke-1"), default=False)
    tahun_2 = models.BooleanField(_("tahun ke-2"), default=False)
    tahun_3 = models.BooleanField(_("tahun ke-3"), default=False)
    tahun_4 = models.BooleanField(_("tahun ke-4"), default=False)
    tahun_5 = models.BooleanField(_("tahun ke-5"), default=False)
    tahun_6 = models.BooleanField(_("tahun ke-6"), default=False)
    biaya = models.DecimalField(
        _("prakiraan biaya (Rp)"), max_digits=15, decimal_places=2, default=0
    )
    sumber_dana = models.CharField(
        _("sumber dana"), max_length=3, choices=SUMBER_DANA_CHOICES, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("sub_bidang"), FieldPanel("nama")]),
        FieldRowPanel([FieldPanel("lokasi"), FieldPanel("sasaran")]),
        FieldRowPanel([FieldPanel(f) for f in TAHUN_KE], heading=_("Tahun pelaksanaan")),
        FieldRowPanel([FieldPanel("biaya"), FieldPanel("sumber_dana")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("program RPJMDes")
        verbose_name_plural = _("program RPJMDes")

    def __str__(self):
        return self.nama

    @property
    def bidang(self):
        return self.sub_bidang.split(".")[0]

    def get_bidang_display(self):
        return f"{self.bidang}. {BIDANG.get(self.bidang, '')}"

    @property
    def daftar_tahun(self):
        return aturan.tahun_program(self.page.tahun_mulai, [getattr(self, f) for f in TAHUN_KE])


class ProgresKegiatan(models.Model):
    """One dated report of an activity's progress; the latest one is its progress."""

    kegiatan = models.ForeignKey(
        "transparansi.KegiatanRencana",
        verbose_name=_("kegiatan"),
        on_delete=models.CASCADE,
        related_name="riwayat_progres",
    )
    tanggal = models.DateField(_("tanggal"))
    persen = models.PositiveSmallIntegerField(_("progres (%)"))
    catatan = models.TextField(_("catatan"), blank=True)
    foto = StreamField([("foto", FotoBlock())], verbose_name=_("foto"), blank=True)
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dicatat_pada = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("tanggal"), FieldPanel("persen")]),
        FieldPanel("catatan"),
        FieldPanel("foto"),
    ]

    class Meta:
        verbose_name = _("progres kegiatan")
        verbose_name_plural = _("riwayat progres kegiatan")
        ordering = ["-tanggal", "-pk"]

    def __str__(self):
        return f"{self.tanggal:%Y-%m-%d} {self.persen}%"

    @property
    def pencatat(self):
        """The recorder as the public reads it: a full name, never a login name."""
        return self.dicatat_oleh.get_full_name() if self.dicatat_oleh_id else ""
