"""Image hygiene shared by every upload path: a pixel limit read from the header before
anything is decoded, and removal of where a photo was taken.

Two ways to drop the location, one per kind of upload:

- `encode_ulang` (complaint attachments, pengaduan): the image is rebuilt from its pixels
  only, which drops EXIF (GPS included), XMP, comments, ICC tricks and any trailing
  payload of a polyglot. Lossy, and fine for evidence photos.
- `tanpa_lokasi` (Wagtail images: articles, galleries, agenda posters): the published
  original keeps its quality. JPEG, PNG and WebP are edited container by container
  without decoding a pixel: the EXIF GPS directory and maker notes go (the rest of
  EXIF stays, orientation included), so do XMP packets that mention GPS and anything
  after the end of the image (motion-photo videos, polyglot payloads). Other formats
  (AVIF) are re-encoded at high quality only when they carry a location.

Both raise `GambarDitolak` subclasses; callers turn them into their own messages.
"""

import io
import struct
import zlib

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

GPS = ExifTags.IFD.GPSInfo
EXIF_IFD = ExifTags.IFD.Exif
INTEROP_IFD = ExifTags.IFD.Interop
MAKER_NOTE = ExifTags.Base.MakerNote
ORIENTATION = ExifTags.Base.Orientation
XMP_JPEG = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_JPEG_EXT = b"http://ns.adobe.com/xmp/extension/\x00"
_RUSAK = (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, struct.error)


class GambarDitolak(Exception):
    """The data is refused as an image."""


class BukanGambar(GambarDitolak):
    """Not an image of an accepted format, or a broken one."""


class TerlaluBesar(GambarDitolak):
    """More pixels than allowed; `piksel` is None when Pillow refused the header itself."""

    def __init__(self, piksel=None):
        super().__init__(piksel)
        self.piksel = piksel


def periksa_header(data, maks_piksel, formats=None):
    """(format, (width, height)) from the header alone, or GambarDitolak.

    The pixel check runs before any decoding, so a bomb costs nothing; `verify()`
    then walks the file's structure without decoding pixels either."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format
            size = probe.size
            if formats is not None and fmt not in formats:
                raise BukanGambar(fmt)
            if size[0] * size[1] > maks_piksel:
                raise TerlaluBesar(size[0] * size[1])
            probe.verify()
    except Image.DecompressionBombError:
        raise TerlaluBesar() from None
    except _RUSAK:
        raise BukanGambar() from None
    return fmt, size


def encode_ulang(data, fmt, maks_sisi):
    """Rebuild the image from its pixels only (call `periksa_header` first)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)  # keep the visible orientation
            if max(image.size) > maks_sisi:
                image.thumbnail((maks_sisi, maks_sisi))
            # Copy pixels into a fresh image: no info dict, EXIF, XMP or comments survive.
            mode = "RGBA" if image.mode in ("RGBA", "LA", "P") and fmt != "JPEG" else "RGB"
            clean = Image.new(mode, image.size)
            clean.paste(image.convert(mode))
    except Image.DecompressionBombError:
        raise TerlaluBesar() from None
    except _RUSAK:
        raise BukanGambar() from None
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, "JPEG", quality=85, optimize=True)
    elif fmt == "PNG":
        clean.save(out, "PNG", optimize=True)
    else:
        clean.save(out, "WEBP", quality=85)
    return out.getvalue()


# --- tanpa_lokasi: lossless removal of the location ------------------------------------


def tanpa_lokasi(data, maks_piksel=None):
    """The same image without GPS, maker notes or XMP that mentions GPS.

    Returns `data` itself when there was nothing to remove. JPEG, PNG and WebP are
    never decoded; other formats are re-encoded only when they carry a location
    (after the pixel check when `maks_piksel` is given)."""
    try:
        if data.startswith(b"\xff\xd8"):
            return _jpeg(data)
        if data.startswith(b"\x89PNG\r\n\x1a\n"):
            return _png(data)
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp(data)
    except (BukanGambar, IndexError, struct.error):
        pass  # a container we cannot walk: Pillow decides below, re-encoding if needed
    return _format_lain(data, maks_piksel)


def bersihkan_exif(payload):
    """EXIF bytes (TIFF, optionally after b"Exif\\0\\0") without the GPS directory and
    the maker note; `payload` itself when neither is there, None to drop it all."""
    prefix = b"Exif\x00\x00" if payload.startswith(b"Exif\x00\x00") else b""
    try:
        exif = Image.Exif()
        exif.load(payload)
        sub = exif.get_ifd(EXIF_IFD)
        if GPS not in exif and MAKER_NOTE not in sub:
            return payload
        clean = Image.Exif()
        for tag, value in exif.items():
            if tag == GPS:
                continue
            if tag == EXIF_IFD:
                value = {k: v for k, v in sub.items() if k != MAKER_NOTE}
                if INTEROP_IFD in value:
                    value[INTEROP_IFD] = exif.get_ifd(INTEROP_IFD)
            clean[tag] = value
        # The thumbnail directory (IFD1) is not written: it may show the uncropped photo.
        return prefix + clean.tobytes()[6:]
    except _RUSAK + (KeyError, TypeError):
        # Unreadable EXIF: keep only the orientation a viewer needs, when it can be read.
        try:
            orientation = exif.get(ORIENTATION)
        except Exception:  # noqa: BLE001 - a broken directory, nothing to keep
            orientation = None
        if not orientation:
            return None
        minimal = Image.Exif()
        minimal[ORIENTATION] = orientation
        return prefix + minimal.tobytes()[6:]


def _xmp_berlokasi(xmp):
    return b"GPS" in xmp or b"gps" in xmp


def _jpeg(data):
    out = [data[:2]]
    changed = False
    mpf = None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise BukanGambar()
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            out.append(data[i : i + 2])
            i += 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image
            end = data.find(b"\xff\xd9", i) if marker == 0xDA else i
            if end == -1:
                out.append(data[i:])
            else:
                out.append(data[i : end + 2])
                # Anything after the end of the image (a motion photo's video with its own
                # location, further MPF pictures, a polyglot payload) is not published.
                changed |= end + 2 < len(data)
            break
        (length,) = struct.unpack(">H", data[i + 2 : i + 4])
        segment = data[i : i + 2 + length]
        payload = segment[4:]
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            clean = bersihkan_exif(payload)
            if clean is not payload:
                changed = True
                segment = b"" if clean is None else _jpeg_segmen(0xE1, clean)
        elif marker == 0xE1 and payload.startswith((XMP_JPEG, XMP_JPEG_EXT)):
            if _xmp_berlokasi(payload):
                changed = True
                segment = b""
        elif marker == 0xE2 and payload.startswith(b"MPF\x00"):
            mpf = len(out)  # points at pictures after the end of the image
        out.append(segment)
        i += 2 + length
    else:
        raise BukanGambar()
    if not changed:
        return data
    if mpf is not None:
        out[mpf] = b""
    return b"".join(out)


def _jpeg_segmen(marker, payload):
    if len(payload) + 2 > 0xFFFF:
        return b""
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _png_chunk(kind, body):
    crc = zlib.crc32(kind + body)
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _png(data):
    out = [data[:8]]
    changed = False
    i = 8
    while True:
        if i + 8 > len(data):
            raise BukanGambar()
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > len(data):
            raise BukanGambar()
        chunk = data[i:end]
        body = data[i + 8 : i + 8 + length]
        if kind == b"eXIf":
            clean = bersihkan_exif(body)
            if clean is not body:
                changed = True
                chunk = b"" if clean is None else _png_chunk(b"eXIf", clean)
        elif kind in (b"tEXt", b"zTXt", b"iTXt"):
            keyword = body.split(b"\x00", 1)[0]
            if keyword.startswith(b"Raw profile type") and keyword[17:].lower() in (
                b"exif",
                b"app1",
                b"xmp",
            ):
                # ImageMagick's hex copy of EXIF/XMP, compressed: dropped unread.
                changed = True
                chunk = b""
            elif keyword == b"XML:com.adobe.xmp" and _xmp_berlokasi(_png_teks(kind, body)):
                changed = True
                chunk = b""
        out.append(chunk)
        i = end
        if kind == b"IEND":
            changed |= i < len(data)
            break
    return b"".join(out) if changed else data


def _png_teks(kind, body):
    """The text of a tEXt/zTXt/iTXt chunk (decompressed), for the GPS check."""
    try:
        if kind == b"tEXt":
            return body
        if kind == b"zTXt":
            return zlib.decompressobj().decompress(body.split(b"\x00", 1)[1][1:], 1 << 20)
        keyword, rest = body.split(b"\x00", 1)
        compressed = rest[0]
        text = rest[2:].split(b"\x00", 2)[2]  # after language tag and translated keyword
        return zlib.decompressobj().decompress(text, 1 << 20) if compressed else text
    except (IndexError, zlib.error):
        return b"GPS"  # unreadable: treated as carrying a location, so dropped


def _webp(data):
    (riff_size,) = struct.unpack("<I", data[4:8])
    end = min(len(data), 8 + riff_size)
    chunks = []
    changed = end < len(data)
    dropped_flags = 0
    i = 12
    while i + 8 <= end:
        kind = data[i : i + 4]
        (length,) = struct.unpack("<I", data[i + 4 : i + 8])
        body = data[i + 8 : i + 8 + length]
        if len(body) < length:
            raise BukanGambar()
        chunk = data[i : i + 8 + length + (length & 1)]
        if kind == b"EXIF":
            clean = bersihkan_exif(body)
            if clean is not body:
                changed = True
                if clean is None:
                    chunk = b""
                    dropped_flags |= 0x08
                else:
                    chunk = _webp_chunk(b"EXIF", clean)
        elif kind == b"XMP " and _xmp_berlokasi(body):
            changed = True
            chunk = b""
            dropped_flags |= 0x04
        chunks.append([kind, chunk])
        i += 8 + length + (length & 1)
    if not changed:
        return data
    for pair in chunks:
        if pair[0] == b"VP8X" and dropped_flags:
            vp8x = bytearray(pair[1])
            vp8x[8] &= ~dropped_flags & 0xFF
            pair[1] = bytes(vp8x)
    body = b"WEBP" + b"".join(chunk for _kind, chunk in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _webp_chunk(kind, body):
    return kind + struct.pack("<I", len(body)) + body + (b"\x00" if len(body) & 1 else b"")


def _format_lain(data, maks_piksel):
    """Formats without a container we edit (AVIF, GIF…): re-encoded only with a location."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            exif = image.getexif()
            xmp = image.info.get("xmp") or b""
            if isinstance(xmp, str):
                xmp = xmp.encode()
            raw_exif = exif.tobytes() if len(exif) else b""
            clean_exif = bersihkan_exif(raw_exif) if raw_exif else b""
            if clean_exif is raw_exif and not _xmp_berlokasi(xmp):
                return data
            if maks_piksel is not None:
                if image.size[0] * image.size[1] * getattr(image, "n_frames", 1) > maks_piksel:
                    raise TerlaluBesar(image.size[0] * image.size[1])
            fmt = image.format
            # Pillow would copy the source's XMP unless told otherwise.
            options = {"exif": clean_exif or b"", "xmp": b"" if _xmp_berlokasi(xmp) else xmp}
            if image.info.get("icc_profile"):
                options["icc_profile"] = image.info["icc_profile"]
            if fmt in ("AVIF", "WEBP", "JPEG", "HEIF"):
                options["quality"] = 92
            if getattr(image, "n_frames", 1) > 1:
                options["save_all"] = True
            out = io.BytesIO()
            image.save(out, fmt, **options)
            return out.getvalue()
    except Image.DecompressionBombError:
        raise TerlaluBesar() from None
    except _RUSAK:
        raise BukanGambar() from None
