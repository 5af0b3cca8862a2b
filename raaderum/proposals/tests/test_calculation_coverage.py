"""calculation's remaining branches and boundaries, to the krone. Pure: no database."""

import pytest

from raaderum.proposals.calculation import (
    CatalogItem,
    Payback,
    catalog_totals,
    full_year_effect,
    payback,
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
