"""The figures of an evaluation's summary, table-driven and without a database."""

from decimal import Decimal

import pytest

from raaderum.evaluation import summary


@pytest.mark.parametrize(
    ("values", "counts", "answered", "mean"),
    [
        ([], {1: 0, 2: 0, 3: 0, 4: 0, 5: 0}, 0, None),
        ([5], {1: 0, 2: 0, 3: 0, 4: 0, 5: 1}, 1, Decimal("5.0")),
        ([5, 4, 4, 3, 4, 3], {1: 0, 2: 0, 3: 2, 4: 3, 5: 1}, 6, Decimal("3.8")),  # 23/6 = 3.83
        ([1, 2], {1: 1, 2: 1, 3: 0, 4: 0, 5: 0}, 2, Decimal("1.5")),
        ([1, 1, 2, 2, 2, 2, 2, 2], {1: 2, 2: 6, 3: 0, 4: 0, 5: 0}, 8, Decimal("1.8")),  # 1.75 up
        ([3, 4, 4], {1: 0, 2: 0, 3: 1, 4: 2, 5: 0}, 3, Decimal("3.7")),  # 3.666...
    ],
)
def test_counts_and_mean_with_one_decimal_halves_up(values, counts, answered, mean):
    result = summary.scale_summary(values)
    assert (result.counts, result.answered, result.mean) == (counts, answered, mean)


def test_shares_are_whole_per_cent_of_those_who_answered():
    result = summary.scale_summary([3, 3, 4, 4, 4, 5])
    assert [result.share(value) for value in summary.SCALE_VALUES] == [0, 0, 33, 50, 17]
    assert summary.scale_summary([]).share(3) == 0


def test_a_value_outside_the_scale_is_refused():
    with pytest.raises(ValueError, match="not a value of the scale: 6"):
        summary.scale_summary([6])


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(6, 11, 55), (1, 8, 13), (1, 3, 33), (0, 5, 0), (3, 0, None)],
)
def test_percent(part, whole, expected):
    assert summary.percent(part, whole) == expected


def test_answers_are_shown_from_three_responses():
    assert [summary.may_show_answers(n) for n in (0, 1, 2, 3, 4)] == [
        False,
        False,
        False,
        True,
        True,
    ]
