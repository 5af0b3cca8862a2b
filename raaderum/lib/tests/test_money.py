from decimal import Decimal
from typing import Any

import pytest

from raaderum.lib.money import (
    MESSAGES,
    UNITS,
    AmountError,
    format_kr,
    format_mio,
    format_number,
    format_tkr,
    parse_amount,
    parse_decimal,
    tkr_input_value,
)


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1234", "kr", 1234),
        ("1.234", "kr", 1234),
        ("1.234.567", "kr", 1_234_567),
        ("0", "kr", 0),
        ("007", "kr", 7),
        ("-250", "kr", -250),
        ("\u2212250", "kr", -250),  # real minus
        ("\u2013250", "kr", -250),  # en dash from a word processor
        ("- 250", "kr", -250),
        ("+250", "kr", 250),
        ("\u22120", "kr", 0),
        ("1 234", "kr", 1234),
        ("1\u00a0234", "kr", 1234),
        ("1\u202f234\u202f567", "kr", 1_234_567),
        ("  1.234  ", "kr", 1234),
        ("1.234 kr.", "kr", 1234),
        ("1.234 kr", "kr", 1234),
        ("1.234KR.", "kr", 1234),
        ("1234kr", "kr", 1234),
        ("1.234,00", "kr", 1234),
        ("0" * 30 + "1", "kr", 1),
        ("1," + "0" * 5000, "kr", 1),
        ("1.234,5", "tkr", 1_234_500),
        ("1.234,5 t.kr.", "tkr", 1_234_500),
        ("1.234 T.KR.", "tkr", 1_234_000),
        ("1.234 tkr", "tkr", 1_234_000),
        ("3.500", "tkr", 3_500_000),
        ("\u22122.946,6", "tkr", -2_946_600),
        ("0,001", "tkr", 1),
        ("-0,25", "tkr", -250),
        ("10.000.000.000", "tkr", 10**13),  # exactly the limit
        ("-10.000.000.000.000", "kr", -(10**13)),
        # Millions name their own scale, in a kr. grid and a 1.000 kr. grid alike.
        ("2,5 mio.", "kr", 2_500_000),
        ("-2,5 mio.", "tkr", -2_500_000),
        ("\u22121,25 mio. kr.", "tkr", -1_250_000),
        ("3 MIO", "kr", 3_000_000),
        ("0,000001 mio.", "kr", 1),
        ("1.250,5mio kr", "kr", 1_250_500_000),
        ("10.000.000 mio.", "kr", 10**13),  # exactly the limit
    ],
)
def test_parse_amount_reads_danish_input(text: str, unit: str, expected: int) -> None:
    assert parse_amount(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "code"),
    [
        ("", "kr", "empty"),
        ("   ", "kr", "empty"),
        ("\u00a0", "tkr", "empty"),
        ("abc", "kr", "invalid"),
        ("1,2,3", "kr", "invalid"),
        ("--5", "kr", "invalid"),
        ("-\u22125", "kr", "invalid"),
        ("-", "kr", "invalid"),
        ("1.2.3,4,5", "kr", "invalid"),
        ("1.23,5", "kr", "invalid"),  # a dot group must have three digits
        ("1.2.3", "kr", "invalid"),
        ("1.234.56", "kr", "invalid"),
        ("1 234.567", "kr", "invalid"),  # mixed separators
        ("1  234", "kr", "invalid"),
        ("1,", "kr", "invalid"),
        (",5", "kr", "invalid"),
        ("kr.", "kr", "invalid"),
        ("1e5", "kr", "invalid"),
        ("\u00b2", "kr", "invalid"),  # superscript two passes str.isdigit()
        ("1.5", "kr", "decimal_point"),
        ("1.23", "kr", "decimal_point"),
        ("1234.567", "kr", "decimal_point"),
        (".5", "tkr", "decimal_point"),
        ("250 t.kr.", "kr", "unit_mismatch"),  # pasted from a catalog into a kr. grid
        ("2,5 kr.", "tkr", "unit_mismatch"),
        ("1.000 tkr", "kr", "unit_mismatch"),
        ("-1.5 kr.", "kr", "decimal_point"),
        ("1,5", "kr", "not_whole_kroner"),
        ("-0,5", "kr", "not_whole_kroner"),
        ("0,0005", "tkr", "not_whole_kroner"),
        ("1,2345", "tkr", "not_whole_kroner"),
        ("10.000.000.000.001", "kr", "too_large"),
        ("-10.000.000.001", "tkr", "too_large"),
        ("99999999999999999999999999999999,5", "kr", "too_large"),
        ("9" * 5000, "kr", "too_large"),
        ("1," + "0" * 5000 + "1", "tkr", "not_whole_kroner"),
        ("1,0000005 mio.", "kr", "not_whole_kroner"),
        ("10.000.001 mio.", "tkr", "too_large"),
        ("mio.", "kr", "invalid"),
        ("2,5 mia.", "kr", "invalid"),  # milliards are not a budget line's size
        ("1.5 mio.", "kr", "decimal_point"),
    ],
)
def test_parse_amount_rejects_with_code(text: str, unit: str, code: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(text, unit)
    assert caught.value.code == code
    assert str(caught.value) == MESSAGES[code]


def test_parse_amount_allows_empty_when_asked() -> None:
    assert parse_amount("  ", allow_empty=True) is None
    assert parse_amount("", "tkr", allow_empty=True) is None


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("invalid", "Skriv et beløb som 1.234 eller −250,5."),
        ("decimal_point", "Brug komma som decimaltegn, fx 1,5."),
    ],
)
def test_error_messages_are_danish(code: str, message: str) -> None:
    assert str(AmountError(code)) == message
    assert isinstance(AmountError(code), ValueError)


def test_parse_amount_rejects_unknown_unit() -> None:
    with pytest.raises(KeyError):
        parse_amount("1", "mio")


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("2,5", {}, Decimal("2.5")),
        ("\u22121,25", {}, Decimal("-1.25")),
        ("1.000,5", {}, Decimal("1000.5")),
        ("37", {}, Decimal(37)),
        ("0,333", {"max_decimals": 3}, Decimal("0.333")),
        ("", {}, None),
        ("  ", {}, None),
    ],
)
def test_parse_decimal_reads_fte(text: str, kwargs: dict[str, Any], expected: Decimal) -> None:
    assert parse_decimal(text, **kwargs) == expected


@pytest.mark.parametrize(
    ("text", "kwargs", "code"),
    [
        ("", {"allow_empty": False}, "empty"),
        ("2.5", {}, "decimal_point"),
        ("x", {}, "invalid"),
        ("1,2,3", {}, "invalid"),
        ("1,255", {}, "too_many_decimals"),
        ("1,5", {"max_decimals": 0}, "too_many_decimals"),
        ("10.000.000.000.001", {}, "too_large"),
    ],
)
def test_parse_decimal_rejects_with_code(text: str, kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_decimal(text, **kwargs)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (-1_234_567, 0, "\u22121.234.567"),
        (Decimal("2.5"), 1, "2,5"),
        (Decimal("2.5"), 0, "3"),  # half away from zero, not banker's rounding
        (Decimal("-2.5"), 0, "\u22123"),
        (Decimal("0.5"), 0, "1"),
        (Decimal("-0.5"), 0, "\u22121"),
        (Decimal("-0.4"), 0, "0"),  # never "−0"
        (Decimal("-0.04"), 1, "0,0"),
        (Decimal("1234.565"), 2, "1.234,57"),
        (Decimal("-1234.565"), 2, "\u22121.234,57"),
        (7, 2, "7,00"),
        (10**13, 0, "10.000.000.000.000"),
    ],
)
def test_format_number(value: int | Decimal, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1_234_567, "1.234.567 kr."),
        (-250, "\u2212250 kr."),
        (0, "0 kr."),
        (1000, "1.000 kr."),
    ],
)
def test_format_kr(amount: int, expected: str) -> None:
    assert format_kr(amount) == expected


@pytest.mark.parametrize(
    ("amount", "decimals", "expected"),
    [
        (1_234_567, 0, "1.235"),
        (1_234_499, 0, "1.234"),
        (1_234_500, 0, "1.235"),
        (-1_234_500, 0, "\u22121.235"),
        (-1500, 0, "\u22122"),
        (1500, 0, "2"),
        (2500, 0, "3"),
        (499, 0, "0"),
        (-499, 0, "0"),
        (-500, 0, "\u22121"),
        (0, 0, "0"),
        (1_234_567, 1, "1.234,6"),
        (-1_234_550, 1, "\u22121.234,6"),
        (-49, 1, "0,0"),
        (3_500_000, 0, "3.500"),
    ],
)
def test_format_tkr(amount: int, decimals: int, expected: str) -> None:
    assert format_tkr(amount, decimals) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (2_600_000, "2,6 mio. kr."),
        (30_000_000, "30,0 mio. kr."),
        (-2_650_000, "\u22122,7 mio. kr."),
        (2_650_000, "2,7 mio. kr."),
        (2_649_999, "2,6 mio. kr."),
        (-49_999, "0,0 mio. kr."),
        (1_250_000_000, "1.250,0 mio. kr."),
    ],
)
def test_format_mio(amount: int, expected: str) -> None:
    assert format_mio(amount) == expected


@pytest.mark.parametrize(
    ("amount", "unit", "expected"),
    [
        (1_234_500, "tkr", "1.234,5"),
        (1_234_000, "tkr", "1.234"),
        (1_234_567, "tkr", "1.234,567"),
        (1_234_050, "tkr", "1.234,05"),
        (1, "tkr", "0,001"),
        (-250, "tkr", "-0,25"),
        (-250, "kr", "-250"),
        (1_234_567, "kr", "1.234.567"),
        (0, "kr", "0"),
        (0, "tkr", "0"),
        (None, "kr", ""),
        (None, "tkr", ""),
    ],
)
def test_tkr_input_value(amount: int | None, unit: str, expected: str) -> None:
    assert tkr_input_value(amount, unit) == expected


SAMPLES = [
    0,
    1,
    -1,
    7,
    999,
    1000,
    -1000,
    1001,
    12_345,
    -250,
    1_234_500,
    -2_946_600,
    1_234_567,
    30_000_000,
    -99_999_999,
    10**13,
    -(10**13),
]


@pytest.mark.parametrize("unit", sorted(UNITS))
@pytest.mark.parametrize("amount", SAMPLES)
def test_input_value_round_trips(amount: int, unit: str) -> None:
    assert parse_amount(tkr_input_value(amount, unit), unit) == amount
