"""Interface strings are written in Indonesian; every one needs its English translation."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    p
    for p in ROOT.glob("**/locale/en/LC_MESSAGES/django.po")
    if ".venv" not in p.parts and ".tools" not in p.parts
)


def test_every_app_has_an_english_catalogue():
    apps = {p.relative_to(ROOT).parts[0] for p in CATALOGUES}
    assert {"locale", "sitecore", "agenda", "pengaduan", "transparansi"} <= apps


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not all(entry.msgstr_plural.values()):
                problems.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"untranslated: {entry.msgid!r}")
    assert not problems, "\n".join(problems)


def test_english_interface_is_served(db):
    from django.utils import translation

    with translation.override("en"):
        assert translation.gettext("Langsung ke isi utama") == "Skip to main content"
    with translation.override("id"):
        assert translation.gettext("Langsung ke isi utama") == "Langsung ke isi utama"
