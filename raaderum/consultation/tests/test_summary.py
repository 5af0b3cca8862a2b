"""The summary's figures, without a database."""

from decimal import Decimal

import pytest

from raaderum.consultation.summary import chosen_counts, share


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [
        (0, 0, "0.0"),
        (0, 3, "0.0"),
        (1, 3, "33.3"),
        (2, 3, "66.7"),
        (1, 8, "12.5"),
        (1, 16, "6.3"),  # 6.25 rounds half up
        (3, 3, "100.0"),
    ],
)
def test_share(count, total, expected):
    assert share(count, total) == Decimal(expected)


@pytest.mark.parametrize(("count", "total"), [(4, 3), (-1, 3), (1, -1)])
def test_a_share_outside_0_to_100_is_an_error(count, total):
    with pytest.raises(ValueError):
        share(count, total)


def test_most_chosen_first_ties_in_catalog_order():
    rows = chosen_counts(["A", "B", "C", "D"], {"B": 2, "C": 2, "D": 3}, 4)
    assert [(r.key, r.count, r.share) for r in rows] == [
        ("D", 3, Decimal("75.0")),
        ("B", 2, Decimal("50.0")),
        ("C", 2, Decimal("50.0")),
        ("A", 0, Decimal("0.0")),
    ]


def test_a_count_outside_the_consultation_is_an_error():
    with pytest.raises(ValueError):
        chosen_counts(["A"], {"X": 1}, 1)
