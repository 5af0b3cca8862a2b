import random
from decimal import Decimal
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
        # Exact quotas need no remainder.
        (300, {"a": 1, "b": 1, "c": 1}, {"a": 100, "b": 100, "c": 100}),
        # 100 / 3: 33,33 each; the krone left over goes to the first (equal remainders).
        (100, {"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}),
        # 101 / 3: 33,67 each; two kroner left go to the first two.
        (101, {"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 34, "c": 33}),
        # Largest remainder wins over the order: quotas 14,29 / 28,57 / 57,14.
        (100, {"a": 1, "b": 2, "c": 4}, {"a": 14, "b": 29, "c": 57}),
        # Budgets as weights: 30 mio. over 338 / 234 / 186 mio.: quotas 13.377.308,70 /
        # 9.261.213,72 / 7.361.477,57; two kroner left go to the remainders 0,72 and 0,70.
        (
            30_000_000,
            {"schools": 338_000_000, "daycare": 234_000_000, "elderly": 186_000_000},
            {"schools": 13_377_309, "daycare": 9_261_214, "elderly": 7_361_477},
        ),
        # A weight of 0 gets nothing, even when kroner are left over.
        (10, {"a": 1, "b": 0, "c": 2}, {"a": 3, "b": 0, "c": 7}),
        # Decimal and Fraction weights (typed percentages, exact ratios).
        (1_000, {"a": Decimal("12.5"), "b": Decimal("87.5")}, {"a": 125, "b": 875}),
        (10, {"a": Fraction(1, 3), "b": Fraction(2, 3)}, {"a": 3, "b": 7}),
        # Nothing to spread.
        (0, {"a": 1, "b": 2}, {"a": 0, "b": 0}),
        (0, {"a": 0, "b": 0}, {"a": 0, "b": 0}),
        # A negative total is spread like its positive, with the sign.
        (-100, {"a": 1, "b": 1, "c": 1}, {"a": -34, "b": -33, "c": -33}),
    ],
)
def test_largest_remainder_to_the_krone(
    total: int, weights: dict[str, int], expected: dict[str, int]
) -> None:
    result = largest_remainder(total, list(weights), weights)
    assert result == expected
    assert sum(result.values()) == total


def test_equal_remainders_go_in_the_given_order_not_by_name() -> None:
    weights = {"c": 1, "a": 1, "b": 1}
    assert largest_remainder(100, ["c", "a", "b"], weights) == {"c": 34, "a": 33, "b": 33}
    assert largest_remainder(100, ["b", "c", "a"], weights) == {"b": 34, "c": 33, "a": 33}


def test_a_key_missing_from_the_weights_weighs_nothing() -> None:
    assert largest_remainder(9, ["a", "b", "c"], {"a": 1, "c": 2}) == {"a": 3, "b": 0, "c": 6}


@pytest.mark.parametrize(
    ("order", "weights", "message"),
    [
        (["a", "a"], {"a": 1}, "once"),
        (["a", "b"], {"a": 1, "b": -1}, "negative"),
        (["a", "b"], {"a": 0, "b": 0}, "no key has a weight"),
    ],
)
def test_largest_remainder_refuses_nonsense(
    order: list[str], weights: dict[str, int], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        largest_remainder(100, order, weights)


def test_every_year_is_distributed_on_its_own_and_exempt_areas_get_nothing() -> None:
    targets = {2027: 3_500_000, 2028: 30_000_000, 2029: 30_000_000, 2030: 30_000_000}
    budgets = {
        2027: {"adm": 188_000_000, "schools": 338_000_000, "cash": 292_000_000},
        2028: {"adm": 188_000_000, "schools": 336_000_000, "cash": 292_000_000},
        2029: {"adm": 188_000_000, "schools": 334_000_000, "cash": 292_000_000},
        2030: {"adm": 188_000_000, "schools": 333_000_000, "cash": 292_000_000},
    }
    result = distribute(targets, ["adm", "schools", "cash"], budgets, exempt={"cash"})
    # 2027: 3.500.000 × 188/526 = 1.250.950,57 and × 338/526 = 2.249.049,43: the krone left
    # goes to the larger remainder (0,57).
    assert result == {
        2027: {"adm": 1_250_951, "schools": 2_249_049, "cash": 0},
        2028: {"adm": 10_763_359, "schools": 19_236_641, "cash": 0},
        2029: {"adm": 10_804_598, "schools": 19_195_402, "cash": 0},
        2030: {"adm": 10_825_336, "schools": 19_174_664, "cash": 0},
    }
    for year, target in targets.items():
        assert sum(result[year].values()) == target


def test_a_year_nobody_can_carry_is_named() -> None:
    targets = {2027: 0, 2028: 1_000}
    weights = {2027: {}, 2028: {"a": 5}}
    with pytest.raises(NoWeight) as caught:
        distribute(targets, ["a"], weights, exempt={"a"})
    assert caught.value.year == 2028
    # A year without a target needs no weight.
    assert distribute({2027: 0}, ["a"], {}) == {2027: {"a": 0}}


def test_same_every_year_copies_the_weights() -> None:
    assert same_every_year([2027, 2028], {"a": 1}) == {2027: {"a": 1}, 2028: {"a": 1}}


def test_percent_of() -> None:
    assert percent_of(1_000, 100_000) == 1
    assert percent_of(1, 3) == Fraction(100, 3)
    assert percent_of(5, 0) is None


@pytest.mark.parametrize("seed", range(200))
def test_property_the_parts_add_up_and_stay_next_to_their_quota(seed: int) -> None:
    rng = random.Random(seed)
    keys = [f"area-{i}" for i in range(rng.randint(1, 25))]
    weights = {key: rng.choice([0, rng.randint(1, 10**9), rng.randint(1, 10)]) for key in keys}
    if not any(weights.values()):
        weights[keys[0]] = 1
    total = rng.choice([rng.randint(0, 10**9), rng.randint(0, 50), -rng.randint(0, 10**6)])
    result = largest_remainder(total, keys, weights)
    assert list(result) == keys
    assert sum(result.values()) == total
    weight_sum = sum(weights.values())
    for key in keys:
        quota = Fraction(total * weights[key], weight_sum)
        assert abs(result[key] - quota) < 1, key  # rounded down or up, never further
        if weights[key] == 0:
            assert result[key] == 0
    # Deterministic: the same input gives the same parts.
    assert largest_remainder(total, keys, dict(reversed(list(weights.items())))) == result


@pytest.mark.parametrize("seed", range(50))
def test_property_ties_are_broken_by_the_order(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.randint(2, 12)
    keys = list(range(size))
    total = rng.randint(1, 1_000)
    result = largest_remainder(total, keys, dict.fromkeys(keys, 1))
    # Equal weights: the first `total mod size` keys get one krone more than the rest.
    extra = total % size
    assert [result[key] for key in keys] == [total // size + (key < extra) for key in keys]
