"""Warnings the PPID editor sees before publishing a budget (never the public page)."""

from functools import cached_property

from django.utils.translation import gettext as _
from wagtail.admin.panels import Panel

from sitecore.formatting import format_rupiah
from transparansi import apbdes as hitung


def peringatan_defisit(ringkasan):
    """Messages for a deficit that financing does not cover (a negative SiLPA).

    SiLPA = pendapatan − belanja + pembiayaan netto (hitung.Ringkasan.silpa); checked for
    the budget and for its realisation.
    """
    pesan = []
    if ringkasan.silpa.anggaran < 0:
        pesan.append(
            _(
                "Anggaran defisit yang tidak tertutup pembiayaan: pendapatan %(pendapatan)s − "
                "belanja %(belanja)s + pembiayaan netto %(netto)s = SiLPA %(silpa)s. "
                "Periksa angka sebelum menerbitkan."
            )
            % {
                "pendapatan": format_rupiah(ringkasan.pendapatan.anggaran),
                "belanja": format_rupiah(ringkasan.belanja.anggaran),
                "netto": format_rupiah(ringkasan.pembiayaan_netto.anggaran),
                "silpa": format_rupiah(ringkasan.silpa.anggaran),
            }
        )
    if ringkasan.silpa.realisasi < 0:
        pesan.append(
            _(
                "Realisasi menghasilkan SiLPA negatif (%(silpa)s): belanja dan pengeluaran "
                "pembiayaan yang terealisasi melebihi pendapatan dan penerimaannya."
            )
            % {"silpa": format_rupiah(ringkasan.silpa.realisasi)}
        )
    return pesan


class PeringatanAnggaranPanel(Panel):
    """Read-only panel on the APBDes edit view: the draft's deficit warnings."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "transparansi/admin/peringatan_anggaran.html"

        @cached_property
        def pesan(self):
            baris = list(self.instance.baris.all()) if self.instance is not None else []
            return peringatan_defisit(hitung.ringkasan(baris))

        def is_shown(self):
            return bool(self.pesan)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["pesan"] = self.pesan
            return context
