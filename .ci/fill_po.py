"""Fill a .po catalogue from a {msgid: msgstr} JSON/py dict (developer helper, not CI).

Usage: python .ci/fill_po.py path/to/django.po translations.json
Plural entries take a [singular, plural] list. Existing translations are kept unless
the dict gives a new one. Prints the msgids still untranslated.
"""

import json
import sys

import polib


def main(po_path, json_path):
    po = polib.pofile(po_path)
    with open(json_path, encoding="utf-8") as fh:
        table = json.load(fh)
    for entry in po:
        if entry.obsolete:
            continue
        value = table.get(entry.msgid)
        if value is None:
            continue
        if entry.msgid_plural:
            singular, plural = value if isinstance(value, list) else (value, value)
            entry.msgstr_plural = {0: singular, 1: plural}
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    missing = [
        e.msgid
        for e in po
        if not e.obsolete
        and (not e.msgstr if not e.msgid_plural else not all(e.msgstr_plural.values()))
    ]
    for msgid in missing:
        print("UNTRANSLATED:", msgid)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
