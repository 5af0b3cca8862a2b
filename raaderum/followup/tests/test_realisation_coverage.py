"""Realisation figures at their boundaries, to the krone. Pure: no database."""

from fractions import Fraction

import pytest

from raaderum.followup.realisation import (
    Line,
    Totals,
    percent,
    rate,
    risk_adjusted,
    risk_adjusted_total,
    round_half_away,
    totals,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(5, 2), 3),
        (Fraction(-5, 2), -3),
        (Fraction(3, 2), 2),
        (Fraction(-3, 2), -2),
        (Fraction(7, 3), 2),
        (Fraction(-7, 3), -2),
        (Fraction(0), 0),
        (Fraction(-1, 2), -1),
    ],
)
def test_round_half_away_from_zero(value: Fraction, expected: int) -> None:
    assert round_half_away(value) == expected


@pytest.mark.parametrize(
    ("expected", "historical", "adjusted"),
    [
        (1_000_000, Fraction(3, 4), 750_000),
        (1_000_000, Fraction(5, 4), 1_000_000),  # more than realised before: capped at 100 %
        (1_000_000, Fraction(-1, 4), 0),  # a negative history: nothing, never a cost
        (1_000_000, Fraction(0), 0),
        (1_000_001, Fraction(1, 2), 500_001),  # half a krone rounds away from zero
        (1, Fraction(1, 2), 1),
        (1, Fraction(1, 4), 0),  # even the smallest amount is scaled
        (0, Fraction(1, 2), 0),
        (-400_000, Fraction(1, 2), -400_000),  # a cost is not scaled down
        (1_000_000, None, 1_000_000),
    ],
)
def test_risk_adjusted(expected: int, historical: Fraction | None, adjusted: int) -> None:
    assert risk_adjusted(expected, historical) == adjusted


def test_rates_and_percentages_need_something_expected() -> None:
    assert rate(0, 500) is None
    assert rate(-100, 50) is None
    assert rate(1, 1) == Fraction(1)
    assert percent(Fraction(1, 200)) == 1  # 0,5 % shows as 1 %
    assert percent(Fraction(-1, 200)) == -1
    assert percent(None) is None


def test_unassessed_lines_count_as_expected_only() -> None:
    lines = [Line(2027, 100_000, 80_000), Line(2027, 50_000, None), Line(2028, 0, 0)]
    assert totals(lines) == Totals(150_000, 100_000, 80_000, Fraction(4, 5), 2)
    assert totals([]) == Totals(0, 0, 0, None, 0)


def test_the_risk_adjusted_total_rounds_each_item_before_adding() -> None:
    items = [({2027: 3}, Fraction(1, 2)), ({2027: 3, 2029: 10}, Fraction(1, 2)), ({2030: 7}, None)]
    assert risk_adjusted_total(items, [2027, 2028, 2029, 2030]) == {
        2027: 4,  # 2 + 2, not round(3)
        2028: 0,
        2029: 5,
        2030: 7,
    }
