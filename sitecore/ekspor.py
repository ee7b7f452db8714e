"""Spreadsheet-safe export cells (CSV/XLSX formula injection, CWE-1236).

A text cell that starts with `=`, `+`, `-`, `@`, tab or CR is run as a formula by
spreadsheet programs; public titles and labels come from villagers, so every export
prefixes such text with `'`. Only strings are touched: numeric columns keep their
negative numbers.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def aman_csv(value):
    """`value` neutralised for a spreadsheet cell (strings only)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def aman_baris(row):
    """Every cell of a row (list) or record (dict) through `aman_csv`."""
    if isinstance(row, dict):
        return {key: aman_csv(value) for key, value in row.items()}
    return [aman_csv(value) for value in row]


def buang_awalan(value):
    """Undo `aman_csv` on import, so an export reads back unchanged."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value
