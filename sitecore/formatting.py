"""Indonesian number, money and date formatting that does not depend on templates."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import translation


def _group(digits, sep):
    out = []
    while len(digits) > 3:
        out.insert(0, digits[-3:])
        digits = digits[:-3]
    out.insert(0, digits)
    return sep.join(out)


def format_angka(value, decimals=0, lang=None):
    """1250000 -> "1.250.000" (Indonesian) or "1,250,000" (English)."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return ""
    lang = lang or translation.get_language() or "id"
    thousands, decimal_sep = (",", ".") if lang.startswith("en") else (".", ",")
    quant = Decimal(1).scaleb(-decimals) if decimals else Decimal(1)
    number = number.quantize(quant, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, frac = text.partition(".")
    result = sign + _group(whole, thousands)
    if decimals:
        result += decimal_sep + frac.ljust(decimals, "0")
    return result


def format_rupiah(value, lang=None):
    """1250000 -> "Rp 1.250.000"; negative amounts read "-Rp 1.250.000"."""
    text = format_angka(value, 0, lang)
    if not text:
        return ""
    if text.startswith("-"):
        return "-Rp\u00a0" + text[1:]
    return "Rp\u00a0" + text


def format_persen(value, decimals=1, lang=None):
    text = format_angka(value, decimals, lang)
    return f"{text}%" if text else ""
