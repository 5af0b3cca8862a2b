"""Template filters that show amounts the Danish way; the rounding lives in raaderum.lib.money."""

from decimal import Decimal

from django import template

from raaderum.lib import money

register = template.Library()


@register.filter
def kr(amount: int | None) -> str:
    return "" if amount is None else money.format_kr(int(amount))


@register.filter
def tkr(amount: int | None) -> str:
    return "" if amount is None else money.format_tkr(int(amount))


@register.filter
def mio(amount: int | None) -> str:
    return "" if amount is None else money.format_mio(int(amount))


@register.filter
def mio_or_kr(amount: int | None) -> str:
    """Millions for large amounts, kroner below a million (never "0,0 mio. kr.")."""
    if amount is None:
        return ""
    if abs(int(amount)) >= 1_000_000:
        return money.format_mio(int(amount))
    return money.format_kr(int(amount))


@register.filter
def number(value: int | Decimal | None, decimals: int = 0) -> str:
    return "" if value is None else money.format_number(value, decimals)


@register.filter
def lookup(mapping: dict[object, object] | None, key: object) -> object:
    """mapping[key] in a template, None when missing."""
    return None if mapping is None else mapping.get(key)


@register.filter
def negate(amount: int | None) -> int | None:
    """Flip the sign: effects are stored as in the accounts, råderum is minus that."""
    return None if amount is None else -int(amount)
