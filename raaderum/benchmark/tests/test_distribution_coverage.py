"""Largest-remainder distribution at its boundaries, to the krone. Pure: no database."""

from fractions import Fraction

import pytest

from raaderum.benchmark.distribution import (
    NoWeight,
    distribute,
    largest_remainder,
    percent_of,
    same_every_year,
)


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10, {"a": 1, "b": 1, "c": 1}, {"a": 4, "b": 3, "c": 3}),  # the tie goes to the first
        (-10, {"a": 1, "b": 1, "c": 1}, {"a": -4, "b": -3, "c": -3}),  # and so for a negative
        (2, {"a": 1, "b": 2, "c": 3}, {"a": 0, "b": 1, "c": 1}),
        (7, {"a": Fraction(1, 3), "c": Fraction(2, 3)}, {"a": 2, "b": 0, "c": 5}),
        (0, {}, {"a": 0, "b": 0, "c": 0}),
        (1, {"c": 5}, {"a": 0, "b": 0, "c": 1}),
    ],
)
def test_largest_remainder(total: int, weights: dict[str, int], expected: dict[str, int]) -> None:
    parts = largest_remainder(total, ["a", "b", "c"], weights)
    assert parts == expected
    assert sum(parts.values()) == total


@pytest.mark.parametrize(
    ("order", "weights", "message"),
    [
        (["a", "a"], {"a": 1}, "every key must appear once in the order"),
        (["a", "b"], {"a": -1, "b": 2}, "weights must not be negative"),
        (["a", "b"], {}, "no key has a weight"),
    ],
)
def test_bad_orders_and_weights_are_refused(
    order: list[str], weights: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        largest_remainder(5, order, weights)


def test_an_exempt_area_gets_nothing_and_a_year_without_weight_is_named() -> None:
    weights = same_every_year([2027, 2028], {"a": 1, "b": 3})
    assert distribute({2027: 100, 2028: 0}, ["a", "b"], weights, exempt={"b"}) == {
        2027: {"a": 100, "b": 0},
        2028: {"a": 0, "b": 0},
    }
    with pytest.raises(NoWeight) as refused:
        distribute({2027: 0, 2028: 5}, ["a", "b"], {2027: {"a": 1}})
    assert refused.value.year == 2028
    with pytest.raises(NoWeight):  # a weight of 0 is no weight
        distribute({2027: 5}, ["a", "b"], {2027: {"a": 0, "b": 0}})
    # Weights below 1 are weights: shares, not counts.
    halves = {2027: {"a": Fraction(1, 2), "b": Fraction(1, 4)}}
    assert distribute({2027: 5}, ["a", "b"], halves) == {2027: {"a": 3, "b": 2}}
    assert str(refused.value) == "no area has a weight in 2028"


def test_percent_of() -> None:
    assert percent_of(1, 3) == Fraction(100, 3)
    assert percent_of(-5, 20) == Fraction(-25)
    assert percent_of(5, 0) is None
