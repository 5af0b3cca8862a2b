"""money's defaults and boundaries, to the krone. Pure: no database."""

from decimal import Decimal

import pytest

from raaderum.lib.money import MAX_AMOUNT, AmountError, format_tkr, parse_decimal


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
