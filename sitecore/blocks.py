"""StreamField blocks shared by every content page of a village site."""

import re
from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class HeadingBlock(blocks.StructBlock):
    teks = blocks.CharBlock(label=_("teks judul"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("tingkat"),
        choices=[("h2", _("Judul bagian (H2)")), ("h3", _("Subjudul (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Judul")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    gambar = ImageChooserBlock(label=_("gambar"))
    keterangan = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)
    teks_alternatif = blocks.CharBlock(
        label=_("teks alternatif"),
        required=False,
        max_length=250,
        help_text=_("Deskripsi gambar untuk pembaca layar. Kosongkan untuk memakai judul gambar."),
    )

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    kutipan = blocks.TextBlock(label=_("kutipan"))
    sumber = blocks.CharBlock(label=_("sumber"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "blocks/quote_block.html"


class DocumentBlock(blocks.StructBlock):
    dokumen = DocumentChooserBlock(label=_("dokumen"))
    judul = blocks.CharBlock(
        label=_("judul tautan"),
        required=False,
        max_length=200,
        help_text=_("Kosongkan untuk memakai judul dokumen."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Unduh Lampiran")
        template = "blocks/document_block.html"


def video_embed_url(url):
    """The privacy-friendly embed address of a YouTube or Vimeo link, or "" if unknown."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host == "youtu.be":
        video_id = parsed.path.strip("/").split("/")[0]
    elif host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            video_id = parse_qs(parsed.query).get("v", [""])[0]
        elif parsed.path.startswith(("/embed/", "/shorts/", "/live/")):
            video_id = parsed.path.split("/")[2]
    elif host in {"vimeo.com", "player.vimeo.com"}:
        last = parsed.path.rstrip("/").split("/")[-1]
        if last.isdigit():
            return f"https://player.vimeo.com/video/{last}"
        return ""
    if video_id and re.fullmatch(r"[A-Za-z0-9_-]{6,20}", video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    return ""


class VideoBlock(blocks.StructBlock):
    """A YouTube/Vimeo video that loads nothing from the provider until the reader asks."""

    url = blocks.URLBlock(label=_("alamat video"), help_text=_("Tautan YouTube atau Vimeo."))
    judul = blocks.CharBlock(label=_("judul video"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"

    def clean(self, value):
        value = super().clean(value)
        if not video_embed_url(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Gunakan tautan video YouTube atau Vimeo yang lengkap.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_url"] = video_embed_url(value.get("url"))
        return context


class BaseStreamBlock(blocks.StreamBlock):
    paragraf = blocks.RichTextBlock(
        label=_("Paragraf"), features=RICH_TEXT_FEATURES, icon="pilcrow"
    )
    judul = HeadingBlock()
    gambar = ImageBlock()
    kutipan = QuoteBlock()
    tabel = TableBlock(label=_("Tabel"), template="blocks/table_block.html")
    video = VideoBlock()
    lampiran = DocumentBlock()


class StrukturOrganisasiBlock(blocks.StructBlock):
    """The organisation chart, drawn from the officials listed in the village profile."""

    judul = blocks.CharBlock(label=_("judul"), required=False, max_length=120)

    class Meta:
        icon = "group"
        label = _("Struktur organisasi")
        template = "sitecore/blocks/struktur_organisasi_block.html"
        help_text = _("Menampilkan aparatur dari Profil desa (foto dan jabatan).")


class PetaWilayahBlock(blocks.StructBlock):
    """A map picture of the village area, with an optional link to OpenStreetMap."""

    gambar = ImageChooserBlock(label=_("gambar peta"))
    keterangan = blocks.CharBlock(label=_("keterangan"), required=False, max_length=250)
    tautan_osm = blocks.URLBlock(
        label=_("tautan OpenStreetMap"),
        required=False,
        help_text=_("Tautan ke peta interaktif; dibuka hanya bila pengunjung memilihnya."),
    )

    class Meta:
        icon = "site"
        label = _("Peta wilayah")
        template = "sitecore/blocks/peta_wilayah_block.html"


class LembagaBlock(blocks.StructBlock):
    nama = blocks.CharBlock(label=_("nama lembaga"), max_length=150)
    ketua = blocks.CharBlock(label=_("ketua"), required=False, max_length=120)
    tugas = blocks.TextBlock(label=_("tugas dan fungsi"), required=False)

    class Meta:
        icon = "group"
        label = _("Lembaga desa")
        template = "sitecore/blocks/lembaga_block.html"


class ProfilStreamBlock(BaseStreamBlock):
    """Content of village profile pages: the shared blocks plus profile-only ones."""

    struktur_organisasi = StrukturOrganisasiBlock()
    peta_wilayah = PetaWilayahBlock()
    lembaga = LembagaBlock()
