"""Budget formatting shared by the APBDes templates."""

from decimal import Decimal, InvalidOperation

from django import template

from sitecore.formatting import format_rupiah

register = template.Library()


@register.filter
def selisih(value):
    """Bertambah/(berkurang) as the Perkades prints it: a decrease in parentheses."""
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    if value < 0:
        return f"({format_rupiah(-value)})"
    return format_rupiah(value)
