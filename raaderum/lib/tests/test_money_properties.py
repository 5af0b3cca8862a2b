"""Property-based tests of the Danish number parser: no crash, exact round trips, Danish errors.

The table-driven tests in test_money.py pin the cases people actually type; these try thousands
of generated ones, including text nobody would type, to show the parser never answers with
anything but a whole krone amount or an AmountError with a Danish message.
"""

from decimal import Decimal

from hypothesis import example, given
from hypothesis import strategies as st

from raaderum.lib.money import (
    MAX_AMOUNT,
    MESSAGES,
    AmountError,
    format_kr,
    format_number,
    parse_amount,
    parse_decimal,
    tkr_input_value,
)

amounts = st.integers(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT)
# Characters people paste into amount fields, and some they shouldn't.
typed = st.text(
    alphabet=st.sampled_from(list("0123456789.,-+ kKrRtT\u2212\u2013\u00a0\u202f²٣eE_'")),
    max_size=24,
)


@given(amounts)
def test_what_we_print_parses_back_to_the_same_kroner(amount):
    assert parse_amount(format_number(amount)) == amount
    assert parse_amount(format_kr(amount)) == amount


@given(amounts)
def test_the_value_put_back_in_an_input_re_parses_exactly(amount):
    assert parse_amount(tkr_input_value(amount, "kr"), "kr") == amount
    assert parse_amount(tkr_input_value(amount, "tkr"), "tkr") == amount


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_thousands_are_a_factor_of_exactly_1000(thousands):
    assert parse_amount(format_number(thousands), "tkr") == thousands * 1000


@given(typed, st.sampled_from(["kr", "tkr"]))
@example("1.5", "kr")
@example("1,2,3", "kr")
@example("9" * 5000, "kr")
@example("t.kr.", "tkr")
def test_any_text_gives_whole_kroner_or_a_danish_error(text, unit):
    try:
        result = parse_amount(text, unit, allow_empty=True)
    except AmountError as error:
        assert error.code in MESSAGES
        assert str(error) == MESSAGES[error.code]
        return
    if result is not None:
        assert isinstance(result, int)
        assert abs(result) <= MAX_AMOUNT


@given(typed)
def test_any_text_gives_a_decimal_or_a_danish_error(text):
    try:
        result = parse_decimal(text, max_decimals=2)
    except AmountError as error:
        assert error.code in MESSAGES
        return
    if result is not None:
        assert isinstance(result, Decimal)
        assert result == result.quantize(Decimal("0.01"))


@given(st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False))
def test_fte_printed_with_a_comma_parses_back(value):
    assert parse_decimal(format_number(value, 2)) == value


@given(amounts)
def test_printed_amounts_use_danish_separators_only(amount):
    text = format_number(amount)
    assert "," not in text  # whole kroner have no decimals
    assert text.replace(".", "").lstrip("\u2212").isdigit()
    assert (amount < 0) == text.startswith("\u2212")
