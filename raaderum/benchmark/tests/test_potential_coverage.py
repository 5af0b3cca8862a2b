"""The benchmark potential at its boundaries, to the krone. Pure: no database."""

from fractions import Fraction

import pytest

from raaderum.benchmark.potential import (
    Figure,
    Result,
    potential,
    reference,
    round_half_away,
    totals,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Fraction(5, 2), 3), (Fraction(-5, 2), -3), (Fraction(-7, 3), -2), (Fraction(1, 3), 0)],
)
def test_round_half_away_from_zero(value: Fraction, expected: int) -> None:
    assert round_half_away(value) == expected


OWN = Figure(707, 10_000_000, 1_000)  # 10.000 kr. per inhabitant
GROUP = [Figure(101, 8_000_000, 1_000), Figure(147, 9_000_000, 1_000), Figure(999, 5, 0)]


@pytest.mark.parametrize(
    ("realism", "raw", "realistic"),
    [(0, 2_000_000, 0), (100, 2_000_000, 2_000_000), (33, 2_000_000, 660_000)],
)
def test_the_realism_factor_from_0_to_100_percent(realism: int, raw: int, realistic: int) -> None:
    result = potential(OWN, GROUP, 1, realism)
    assert (result.raw, result.realistic) == (raw, realistic)
    assert result.reference == GROUP[0]
    assert (result.rank, result.ranked, result.n_used) == (3, 3, 1)


@pytest.mark.parametrize("realism", [-1, 101])
def test_a_realism_factor_outside_0_to_100_is_refused(realism: int) -> None:
    with pytest.raises(ValueError, match="realism factor must be 0–100 %"):
        potential(OWN, GROUP, 1, realism)


def test_the_nth_cheapest_or_the_last_one_when_the_group_is_smaller() -> None:
    assert reference(GROUP, 2) == (GROUP[1], 2)
    assert reference(GROUP, 9) == (GROUP[1], 2)  # the kommune without inhabitants is left out
    assert reference([*GROUP, OWN], 9, own_code=707) == (GROUP[1], 2)
    with pytest.raises(ValueError, match=r"^N must be at least 1, not 0$"):
        reference(GROUP, 0)
    with pytest.raises(ValueError, match=r"^the comparison group has no figures$"):
        reference([Figure(999, 5, 0)], 1)


def test_spending_the_same_as_the_reference_is_already_cheap_with_no_potential() -> None:
    same = potential(OWN, [Figure(101, 10_000_000, 1_000)], 1, 100)
    assert (same.raw, same.realistic, same.already_cheap) == (0, 0, True)
    dearer = potential(OWN, [Figure(101, 10_001_000, 1_000)], 1, 100)
    assert dearer.already_cheap is True
    cheaper = potential(OWN, [Figure(101, 9_999_000, 1_000)], 1, 100)
    assert (cheaper.raw, cheaper.already_cheap) == (1_000, False)


def test_totals_add_the_rounded_figures() -> None:
    results = [potential(OWN, GROUP, 1, 33), potential(OWN, GROUP, 2, 50)]
    assert totals(results) == (3_000_000, 1_160_000)
    assert totals([]) == (0, 0)
    assert isinstance(results[0], Result)


def test_the_whole_result_without_and_at_the_reference() -> None:
    alone = potential(OWN, [Figure(999, 5, 0)], 3, 50)
    assert alone == Result(OWN, None, 3, 0, 1, 1, 0, 0, False)
    assert alone.fewer_than_requested is False
    same = Figure(101, 10_000_000, 1_000)
    assert potential(OWN, [same], 2, 50) == Result(
        OWN, same, 2, 1, 2, 2, 0, 0, True
    )  # a tie ranks by number
    cheaper = Figure(101, 8_000_000, 1_000)
    result = potential(OWN, [cheaper], 2, 50)
    assert result == Result(OWN, cheaper, 2, 1, 2, 2, 2_000_000, 1_000_000, False)
    assert result.fewer_than_requested is True


def test_half_a_krone_of_potential_is_a_krone_not_already_cheap() -> None:
    own = Figure(1, 10, 1)  # 10 kr. for one inhabitant
    result = potential(own, [Figure(2, 19, 2)], 1, 100)  # 9,50 kr. each
    assert (result.raw, result.realistic, result.already_cheap) == (1, 1, False)


def test_the_own_kommune_needs_inhabitants() -> None:
    with pytest.raises(ValueError, match=r"^the own kommune has no units to measure against$"):
        potential(Figure(707, 5, 0), GROUP, 1, 50)
