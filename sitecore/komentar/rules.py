"""Comment rules: link cap, rate limit and which comments are shown."""

import re

from sitecore import batas
from sitecore.komentar.models import Komentar

MAX_LINKS = 2
RATE_LIMIT = 3  # comments per client
RATE_WINDOW = 15 * 60  # seconds
KOMENTAR_DITAMPILKAN = 50

LINK_RE = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|xyz|info|top|id|ru)\b", re.I)


def hitung_tautan(text):
    return len(LINK_RE.findall(text or ""))


def melebihi_batas(client_key):
    """True when this client already sent RATE_LIMIT comments in the window."""
    return batas.hitungan("komentar", client_key) >= RATE_LIMIT


def catat_kiriman(client_key):
    # The window starts at the first comment.
    batas.lewat_batas("komentar", client_key, RATE_LIMIT, RATE_WINDOW)


def komentar_disetujui(page, limit=KOMENTAR_DITAMPILKAN):
    return list(
        # One conversation per article: the English page shows what villagers wrote on
        # the Indonesian one, and the other way round.
        Komentar.objects.filter(
            page__translation_key=page.translation_key, status=Komentar.Status.DISETUJUI
        )
        .only("nama", "pesan", "dibuat")
        .order_by("dibuat")[:limit]
    )
