"""calculation's remaining branches and boundaries, to the krone. Pure: no database."""

import pytest

from raaderum.proposals.calculation import (
    CatalogItem,
    Payback,
    YearStatus,
    catalog_totals,
    full_year_effect,
    headroom_by_year,
    payback,
    target_status,
)


def test_full_year_effect_of_no_years_is_an_error_not_zero() -> None:
    # Zero would read as "frees nothing"; an empty headroom is a caller's mistake.
    with pytest.raises(ValueError, match=r"^no years$"):
        full_year_effect({})


@pytest.mark.parametrize(
    ("headroom", "expected"),
    [
        # One krone a year is still a payback, however late: 2 kr. left after 2030.
        (
            {2027: -3, 2028: 0, 2029: 0, 2030: 1},
            Payback(2032, False, {2027: -3, 2028: -3, 2029: -3, 2030: -2}),
        ),
        (
            {2027: -3, 2028: 0, 2029: 0, 2030: 0},
            Payback(None, False, {2027: -3, 2028: -3, 2029: -3, 2030: -3}),
        ),
    ],
)
def test_payback_at_the_smallest_yearly_amounts(
    headroom: dict[int, int], expected: Payback
) -> None:
    assert payback(headroom) == expected


def test_a_proposal_counted_twice_is_named() -> None:
    items = [CatalogItem("BU-01", "BU", {2027: 1}), CatalogItem("BU-01", "SU", {2027: 2})]
    with pytest.raises(ValueError, match=r"^proposal 'BU-01' appears twice$"):
        catalog_totals(items, [2027])


def test_a_target_year_without_headroom_has_none() -> None:
    assert target_status({2027: 5}, {2027: 0, 2028: 10}) == [
        YearStatus(2027, 5, 0, -5, True),
        YearStatus(2028, 0, 10, 10, False),
    ]
    assert target_status({}, {2029: 0}) == [YearStatus(2029, 0, 0, 0, True)]


def test_a_target_year_without_headroom_misses_a_target_above_zero() -> None:
    assert target_status({}, {2029: 1}) == [YearStatus(2029, 0, 1, 1, False)]


def test_an_amount_that_is_not_whole_kroner_is_named() -> None:
    with pytest.raises(TypeError) as refused:
        headroom_by_year([(2027, 1.5)], [2027])  # type: ignore[list-item]
    assert str(refused.value) == "amounts are whole kroner as int, got 1.5"
