from fractions import Fraction

import pytest

from raaderum.benchmark.potential import (
    Figure,
    per_unit_kr,
    potential,
    ranked,
    reference,
    round_half_away,
    totals,
)


def group(*per_unit: int, units: int = 1_000, first_code: int = 101) -> list[Figure]:
    """Kommuner 101, 102, ... spending `per_unit` kr. on each of `units` units."""
    return [
        Figure(first_code + index, amount * units, units) for index, amount in enumerate(per_unit)
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Fraction(5, 2), 3),
        (Fraction(-5, 2), -3),
        (Fraction(7, 3), 2),
        (Fraction(-7, 3), -2),
        (Fraction(3, 2), 2),
        (Fraction(1, 2), 1),
        (Fraction(-1, 2), -1),
        (Fraction(49, 100), 0),
        (Fraction(0), 0),
        (Fraction(12_345_678_901, 1), 12_345_678_901),
    ],
)
def test_rounding_is_half_away_from_zero(value: Fraction, expected: int) -> None:
    assert round_half_away(value) == expected


def test_ranking_is_by_spend_per_unit_then_kommune_number() -> None:
    figures = [
        Figure(707, 3_000, 2),  # 1.500
        Figure(101, 1_000, 1),  # 1.000
        Figure(706, 4_500, 3),  # 1.500: ties with 707, the lower number first
        Figure(999, 5, 0),  # no units: cannot be ranked
    ]
    assert [f.code for f in ranked(figures)] == [101, 706, 707]
    assert [f.code for f in ranked(reversed(figures))] == [101, 706, 707]


@pytest.mark.parametrize(
    ("per_unit", "n", "expected_per_unit", "expected_n"),
    [
        ((10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120), 10, 100, 10),
        ((120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20, 10), 10, 100, 10),  # order is irrelevant
        ((10, 20, 30), 10, 30, 3),  # a small group: its most expensive, and N says 3
        ((10, 20, 30), 1, 10, 1),
        ((50,), 10, 50, 1),
    ],
)
def test_reference_is_the_nth_cheapest_or_fewer(
    per_unit: tuple[int, ...], n: int, expected_per_unit: int, expected_n: int
) -> None:
    found, used = reference(group(*per_unit), n)
    assert (found.per_unit, used) == (expected_per_unit, expected_n)


def test_the_own_kommune_is_never_its_own_reference() -> None:
    figures = group(10, 20, 30)
    found, used = reference(figures, 1, own_code=101)
    assert (found.code, used) == (102, 1)


def test_reference_needs_a_group_and_a_positive_n() -> None:
    with pytest.raises(ValueError, match="no figures"):
        reference([], 10)
    with pytest.raises(ValueError, match="at least 1"):
        reference(group(10), 0)


# own spend, own units, group's spend per unit (1.000 units each), N, realism %,
# expected (raw, realistic, already cheap, N used, rank, ranked)
CASES = [
    pytest.param(
        # 12 kommuner at 10..120 kr.; the 10th cheapest is 100. Own: 130 kr. × 2.000 units.
        (260_000, 2_000, (10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120), 10, 100),
        (60_000, 60_000, False, 10, 13, 13),
        id="tenth-cheapest-full-realism",
    ),
    pytest.param(
        (260_000, 2_000, (10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120), 10, 25),
        (60_000, 15_000, False, 10, 13, 13),
        id="realism-quarter",
    ),
    pytest.param(
        # A group of 4: the 4th cheapest (40 kr.) is used instead of the 10th.
        (100_000, 1_000, (10, 20, 30, 40), 10, 100),
        (60_000, 60_000, False, 4, 5, 5),
        id="smaller-group",
    ),
    pytest.param(
        # Own spend 50 kr. per unit is below the 10th cheapest (100): shown as 0.
        (50_000, 1_000, (10, 20, 30, 40, 60, 70, 80, 90, 95, 100, 110, 120), 10, 80),
        (0, 0, True, 10, 5, 13),
        id="already-among-the-cheapest",
    ),
    pytest.param(
        # Exactly at the reference: nothing to find, and already cheap. The tie with kommune
        # 110 goes to the lower number, so the own kommune (999) is 11th.
        (100_000, 1_000, (10, 20, 30, 40, 50, 60, 70, 80, 90, 100), 10, 100),
        (0, 0, True, 10, 11, 11),
        id="at-the-reference",
    ),
    pytest.param(
        # 1.000.001 kr. on 3 units against 1 kr. per unit: 1.000.001 − 3 = 999.998 exactly.
        (1_000_001, 3, (1,), 1, 100),
        (999_998, 999_998, False, 1, 2, 2),
        id="exact-thirds",
    ),
    pytest.param(
        # 1.000 kr. on 3 units against 100 per unit: 1.000 − 300 = 700; × 33 % = 231.
        (1_000, 3, (100,), 1, 33),
        (700, 231, False, 1, 2, 2),
        id="whole-kroner",
    ),
    pytest.param(
        # 10 kr. on 4 units vs 1 kr.: 6 kr.; × 25 % = 1,5 → 2 (half away from zero).
        (10, 4, (1,), 1, 25),
        (6, 2, False, 1, 2, 2),
        id="half-rounds-up",
    ),
    pytest.param(
        # 10 kr. on 4 units vs 1 kr.: 6 kr.; × 41 % = 2,46 → 2.
        (10, 4, (1,), 1, 41),
        (6, 2, False, 1, 2, 2),
        id="below-half-rounds-down",
    ),
    pytest.param(
        # Realism 0 %: a raw potential, nothing realistic.
        (200_000, 1_000, (100,), 1, 0),
        (100_000, 0, False, 1, 2, 2),
        id="realism-zero",
    ),
]


@pytest.mark.parametrize(("given", "expected"), CASES)
def test_potential_to_the_krone(
    given: tuple[int, int, tuple[int, ...], int, int],
    expected: tuple[int, int, bool, int, int, int],
) -> None:
    own_spend, own_units, per_unit, n, realism = given
    own = Figure(999, own_spend, own_units)
    result = potential(own, group(*per_unit), n, realism)
    assert (
        result.raw,
        result.realistic,
        result.already_cheap,
        result.n_used,
        result.rank,
        result.ranked,
    ) == expected


def test_potential_uses_the_exact_reference_not_a_rounded_one() -> None:
    # The reference spends 1.000 kr. on 3 units: 333,33 kr. per unit, shown as 333 kr.
    # Own: 400.000 kr. on 1.000 units. Exact: 400.000 − 333.333,33 = 66.666,67 → 66.667.
    own = Figure(999, 400_000, 1_000)
    result = potential(own, [Figure(101, 1_000, 3)], 1, 100)
    assert per_unit_kr(Figure(101, 1_000, 3)) == 333
    assert result.raw == 66_667


def test_the_own_kommune_listed_in_its_group_is_left_out_of_the_reference() -> None:
    own = Figure(999, 300_000, 1_000)
    result = potential(own, [own, *group(100, 200)], 1, 100)
    assert result.reference == Figure(101, 100_000, 1_000)
    assert (result.raw, result.ranked) == (200_000, 3)


def test_a_group_without_figures_has_no_reference() -> None:
    own = Figure(999, 300_000, 1_000)
    result = potential(own, [Figure(101, 5, 0)], 10, 100)
    assert result.reference is None
    assert (result.raw, result.realistic, result.n_used, result.already_cheap) == (0, 0, 0, False)


@pytest.mark.parametrize(
    ("own", "n", "realism", "message"),
    [
        (Figure(999, 1, 0), 10, 100, "no units"),
        (Figure(999, 1, 1), 0, 100, "at least 1"),
        (Figure(999, 1, 1), 10, 101, "0–100"),
        (Figure(999, 1, 1), 10, -1, "0–100"),
    ],
)
def test_it_refuses_nonsense(own: Figure, n: int, realism: int, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        potential(own, group(10), n, realism)


def test_totals_are_the_sums_of_the_rounded_areas() -> None:
    own = Figure(999, 10, 4)
    first = potential(own, [Figure(101, 1, 1)], 1, 25)  # 6 → 1,5 → 2
    second = potential(own, [Figure(101, 1, 1)], 1, 25)
    cheap = potential(Figure(999, 1, 1), [Figure(101, 5, 1)], 1, 100)
    assert totals([first, second, cheap]) == (12, 4)
    assert totals([]) == (0, 0)


def test_fewer_than_requested_is_reported() -> None:
    own = Figure(999, 1_000_000, 1_000)
    assert potential(own, group(10, 20), 10, 100).fewer_than_requested
    assert not potential(own, group(10, 20), 2, 100).fewer_than_requested
