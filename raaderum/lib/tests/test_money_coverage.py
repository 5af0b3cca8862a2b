"""money's defaults and boundaries, to the krone. Pure: no database."""

from decimal import Decimal

import pytest

from raaderum.lib.money import MAX_AMOUNT, AmountError, format_tkr, parse_amount, parse_decimal


def test_thousands_are_shown_without_decimals_unless_asked() -> None:
    assert format_tkr(1_234_567) == "1.235"
    assert format_tkr(-1_500) == "\u22122"  # halves away from zero
    assert format_tkr(1_234_567, 1) == "1.234,6"


def test_a_decimal_may_be_as_large_as_the_largest_amount_and_no_larger() -> None:
    assert parse_decimal("10.000.000.000.000") == Decimal(MAX_AMOUNT)
    assert parse_decimal("−10.000.000.000.000") == -Decimal(MAX_AMOUNT)
    with pytest.raises(AmountError) as refused:
        parse_decimal("10.000.000.000.000,01")
    assert refused.value.code == "too_large"


@pytest.mark.parametrize("text", ["a.50", "X.50", "1a.50", "−.5x"])
def test_letters_before_a_dot_are_no_english_decimal_point(text: str) -> None:
    # "1.5" gets the hint to use a comma; text that is no number at all gets the plain error.
    with pytest.raises(AmountError) as refused:
        parse_amount(text)
    assert refused.value.code == "invalid"
    with pytest.raises(AmountError) as hinted:
        parse_amount("12.5")
    assert hinted.value.code == "decimal_point"
