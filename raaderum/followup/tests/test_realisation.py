"""The numbers of follow-up, to the krone: rates, totals per group and year, risk adjustment."""

from fractions import Fraction

import pytest

from raaderum.followup.realisation import (
    Line,
    Totals,
    by_year,
    first_rate,
    percent,
    rate,
    risk_adjusted,
    risk_adjusted_by_year,
    risk_adjusted_total,
    round_half_away,
    totals,
    totals_by,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # Nothing assessed yet: everything expected, nothing to compare.
        ([Line(2027, 1_000_000, None)], Totals(1_000_000, 0, 0, None, 0)),
        # On track to the krone.
        (
            [Line(2027, 1_000_200, 1_000_200)],
            Totals(1_000_200, 1_000_200, 1_000_200, Fraction(1), 1),
        ),
        # Exceeded: the rate goes above 1 and the shortfall is negative.
        (
            [Line(2027, 2_000_000, 2_500_000)],
            Totals(2_000_000, 2_000_000, 2_500_000, Fraction(5, 4), 1),
        ),
        # Not realised at all.
        ([Line(2027, 750_000, 0)], Totals(750_000, 750_000, 0, Fraction(0), 1)),
        # Only assessed years count in the rate; unassessed ones still count as expected.
        (
            [Line(2027, 1_000_000, 800_000), Line(2028, 3_000_000, None)],
            Totals(4_000_000, 1_000_000, 800_000, Fraction(4, 5), 1),
        ),
        # A gain where none was expected: realised counts, but zero expected has no rate.
        ([Line(2027, 0, 50_000)], Totals(0, 0, 50_000, None, 1)),
        # An investment's outlay year: negative expected assessed alone has no rate.
        ([Line(2027, -400_000, -380_000)], Totals(-400_000, -400_000, -380_000, None, 1)),
        # ... but over the whole period the outlay is netted against the gains.
        (
            [Line(2027, -400_000, -400_000), Line(2029, 900_000, 700_000)],
            Totals(500_000, 500_000, 300_000, Fraction(3, 5), 2),
        ),
        # No lines at all.
        ([], Totals(0, 0, 0, None, 0)),
    ],
)
def test_totals(lines, expected):
    assert totals(lines) == expected


def test_shortfall_is_expected_minus_realised_in_the_assessed_years():
    assert totals([Line(2027, 1_000_000, 800_000), Line(2028, 5, None)]).shortfall == 200_000
    assert totals([Line(2027, 2_000_000, 2_500_000)]).shortfall == -500_000


@pytest.mark.parametrize(
    ("assessed_expected", "realised", "expected"),
    [
        (1_000_000, 1_000_000, Fraction(1)),
        (3, 1, Fraction(1, 3)),
        (0, 100, None),
        (-5, 5, None),
        (100, -20, Fraction(-1, 5)),
    ],
)
def test_rate(assessed_expected, realised, expected):
    assert rate(assessed_expected, realised) == expected


def test_totals_by_keeps_the_order_seen_and_sums_each_group():
    found = totals_by(
        [
            ("saving", Line(2027, 100, 90)),
            ("investment", Line(2027, -50, -50)),
            ("saving", Line(2028, 200, None)),
            ("saving", Line(2027, 300, 330)),
        ]
    )
    assert list(found) == ["saving", "investment"]
    assert found["saving"] == Totals(600, 400, 420, Fraction(21, 20), 2)
    assert found["investment"] == Totals(-50, -50, -50, None, 1)


def test_by_year_sorts_the_years():
    found = by_year([Line(2029, 1, None), Line(2027, 10, 5), Line(2027, 30, 15)])
    assert list(found) == [2027, 2029]
    assert found[2027] == Totals(40, 40, 20, Fraction(1, 2), 2)
    assert found[2029] == Totals(1, 0, 0, None, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(1, 2), 1),
        (Fraction(-1, 2), -1),
        (Fraction(3, 2), 2),
        (Fraction(5, 2), 3),
        (Fraction(1, 3), 0),
        (Fraction(2, 3), 1),
        (Fraction(-2, 3), -1),
        (Fraction(0), 0),
        (Fraction(1_234_567), 1_234_567),
    ],
)
def test_round_half_away_from_zero(value, expected):
    assert round_half_away(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        (Fraction(1), 100),
        (Fraction(5, 4), 125),
        (Fraction(1, 3), 33),
        (Fraction(2, 3), 67),
        (Fraction(1, 200), 1),  # 0,5 % rounds up
        (Fraction(1, 201), 0),
        (Fraction(-1, 200), -1),
        (Fraction(0), 0),
    ],
)
def test_percent(value, expected):
    assert percent(value) == expected


@pytest.mark.parametrize(
    ("expected", "historical", "adjusted"),
    [
        (1_000_000, None, 1_000_000),  # no history: unchanged
        (1_000_000, Fraction(4, 5), 800_000),
        (1_000_000, Fraction(5, 4), 1_000_000),  # exceeded history is capped at 100 %
        (1_000_000, Fraction(-1, 10), 0),  # a history of losses frees nothing, not less
        (1_000_001, Fraction(1, 2), 500_001),  # 500.000,5 rounds half away from zero
        (333_333, Fraction(1, 3), 111_111),
        (2, Fraction(1, 3), 1),  # 0,67 -> 1
        (0, Fraction(1, 2), 0),
        (-400_000, Fraction(1, 2), -400_000),  # a cost is not made smaller by history
        (-1, None, -1),
    ],
)
def test_risk_adjusted(expected, historical, adjusted):
    assert risk_adjusted(expected, historical) == adjusted


def test_risk_adjusted_by_year_in_year_order():
    assert risk_adjusted_by_year({2028: 1_234_567, 2027: 1_000_200}, Fraction(9, 10)) == {
        2027: 900_180,
        2028: 1_111_110,  # 1.111.110,3
    }


def test_risk_adjusted_total_rounds_each_item_before_summing():
    items = [
        ({2027: 1, 2028: 3}, Fraction(1, 2)),  # 0,5 -> 1 and 1,5 -> 2
        ({2027: 1, 2028: 3}, Fraction(1, 2)),
        ({2027: -400_000}, Fraction(1, 2)),  # a cost: unchanged
        ({2028: 1_000_000}, None),  # no history: unchanged
    ]
    assert risk_adjusted_total(items, [2027, 2028, 2029]) == {
        2027: 2 - 400_000,
        2028: 4 + 1_000_000,
        2029: 0,
    }


def test_first_rate_takes_the_most_specific_known():
    assert first_rate(None, Fraction(1, 2), Fraction(1)) == Fraction(1, 2)
    assert first_rate(Fraction(0), Fraction(1)) == Fraction(0)  # 0 % is a rate, not "unknown"
    assert first_rate(None, None) is None
    assert first_rate() is None
