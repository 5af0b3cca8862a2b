"""Danish amounts: parse what people type, show what catalogs print.

Money is whole kroner as ``int`` everywhere. Parsing is exact integer arithmetic, and display
rounding happens here and only here, so a table, an export and a PDF round the same way.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

MINUS = "\u2212"  # typographic minus: what Danish print uses for negative figures
MAX_AMOUNT = 10**13  # far above any kommune's budget; catches pasted garbage and typos
UNITS = {"kr": 1, "tkr": 1000}
MILLION = 1_000_000  # "2,5 mio." names its own scale: the same kroner in any grid unit

# Keyed by code so the form layer can translate by code instead of by message text.
MESSAGES = {
    "empty": "Skriv et beløb.",
    "invalid": "Skriv et beløb som 1.234 eller −250,5.",
    "decimal_point": "Brug komma som decimaltegn, fx 1,5.",
    "not_whole_kroner": "Beløbet skal gå op i hele kroner.",
    "too_large": "Beløbet er for stort. Det højeste tilladte er 10.000 mia. kr.",
    "too_many_decimals": "Skriv færre decimaler, fx 2,5.",
    "unit_mismatch": "Beløbet er skrevet i en anden enhed end den valgte.",
}

_SIGNS = "+-\u2212\u2013"  # en dash too: word processors turn "-250" into "–250"
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})  # nbsp, narrow nbsp from spreadsheets
_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() would accept "²" and "٣"
_SUFFIX = re.compile(r"(?<=\S)\s*(?P<unit>mio\.?(?:\s?kr)?|t\.?\s?kr|kr)\.?$", re.IGNORECASE)


class AmountError(ValueError):
    """A typed amount the user must correct; ``code`` is stable, the message is Danish."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(MESSAGES[code])


def _is_digits(text: str) -> bool:
    return _DIGITS.fullmatch(text) is not None


def _integer_part(text: str, has_comma: bool) -> str:
    """Digits of the part before the comma; a lone dot with no comma is an English decimal."""
    if "." in text and " " in text:
        raise AmountError("invalid")
    groups = text.split("." if "." in text else " ")
    if (
        all(_is_digits(g) for g in groups)
        and (len(groups) == 1 or len(groups[0]) <= 3)
        and all(len(g) == 3 for g in groups[1:])
    ):
        return "".join(groups)
    english_decimal = (
        len(groups) == 2 and _is_digits(groups[1]) and not groups[0].strip("0123456789")
    )
    if "." in text and not has_comma and english_decimal:
        raise AmountError("decimal_point")
    raise AmountError("invalid")


def _split(text: str) -> tuple[int, str, str] | None:
    """(sign, integer digits, fraction digits), or None for blank input."""
    text = text.translate(_SPACES).strip()
    if not text:
        return None
    sign = 1
    if text[0] in _SIGNS:
        sign = 1 if text[0] == "+" else -1
        text = text[1:].lstrip()
        if not text or text[0] in _SIGNS:
            raise AmountError("invalid")
    integer, comma, fraction = text.partition(",")
    if comma and not _is_digits(fraction):
        raise AmountError("invalid")  # also "1,2,3" and "1,"
    return sign, _integer_part(integer, bool(comma)), fraction


def parse_amount(text: str, unit: str = "kr", *, allow_empty: bool = False) -> int | None:
    """Whole kroner from Danish input in ``unit``.

    A unit typed after the number ("250 t.kr.", pasted from a catalog) must agree with ``unit``:
    a silent factor of 1,000 is the costliest mistake a grid can make. Millions ("2,5 mio.",
    "−1,25 mio. kr.", as budget officers write them) name their scale, so they are read as
    that many kroner whatever ``unit`` is.
    """
    factor = UNITS[unit]
    text = text.strip()
    suffix = _SUFFIX.search(text)
    if suffix:
        typed = suffix.group("unit").lower()
        if typed.startswith("m"):
            factor = MILLION
        elif ("tkr" if typed.startswith("t") else "kr") != unit:
            raise AmountError("unit_mismatch")
        text = text[: suffix.start()]
    parts = _split(text)
    if parts is None:
        if allow_empty:
            return None
        raise AmountError("empty")
    sign, integer, fraction = parts
    if len(integer.lstrip("0")) > len(str(MAX_AMOUNT)):
        raise AmountError("too_large")  # before int(): huge pastes exceed int's digit limit
    fraction = fraction.rstrip("0")
    if len(fraction) >= len(str(factor)):
        raise AmountError("not_whole_kroner")
    scale: int = 10 ** len(fraction)  # int ** int is typed Any: a negative power is a float
    scaled = int(integer + fraction) * factor  # exact: no float, no Decimal context rounding
    if scaled > MAX_AMOUNT * scale:
        raise AmountError("too_large")
    # Exact: every factor is a power of ten with more zeros than the fraction has digits.
    return sign * (scaled // scale)


def parse_decimal(text: str, *, max_decimals: int = 2, allow_empty: bool = True) -> Decimal | None:
    """A Danish decimal such as an FTE count ("2,5"), exact, with the amount error codes."""
    parts = _split(text)
    if parts is None:
        if allow_empty:
            return None
        raise AmountError("empty")
    sign, integer, fraction = parts
    if len(fraction) > max_decimals:
        raise AmountError("too_many_decimals")
    value = Decimal(f"{'-' if sign < 0 else ''}{integer}.{fraction or '0'}")
    if abs(value) > MAX_AMOUNT:
        raise AmountError("too_large")
    return value


def format_number(value: int | Decimal, decimals: int = 0) -> str:
    """The one place display rounding happens: halves away from zero, never "−0"."""
    with localcontext() as context:
        context.prec = 60  # quantize must not round away digits of large amounts
        rounded = Decimal(value).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    integer, _, fraction = f"{abs(rounded):f}".partition(".")
    text = f"{int(integer):,}".replace(",", ".")
    if fraction:
        text += "," + fraction
    return MINUS + text if rounded < 0 else text  # -0.0 compares equal to 0, so no "−0"


def format_kr(amount: int) -> str:
    """Whole kroner with unit, as in running text: "1.234.567 kr."."""
    return f"{format_number(amount)} kr."


def format_tkr(amount: int, decimals: int = 0) -> str:
    """Thousands of kroner without unit, because catalog tables state the unit in the header."""
    return format_number(Decimal(amount).scaleb(-3), decimals)


def format_mio(amount: int) -> str:
    """Millions with one decimal, the way targets are talked about: "2,6 mio. kr."."""
    return f"{format_number(Decimal(amount).scaleb(-6), 1)} mio. kr."


def tkr_input_value(amount: int | None, unit: str) -> str:
    """What to put back in an input so it re-parses to the same kroner (ASCII minus: typeable)."""
    if amount is None:
        return ""
    whole, rest = divmod(abs(amount), UNITS[unit])
    text = f"{whole:,}".replace(",", ".")
    if rest:
        width = len(str(UNITS[unit])) - 1
        text += "," + str(rest).rjust(width, "0").rstrip("0")
    return "-" + text if amount < 0 else text
