from collections.abc import Hashable, Mapping

import pytest

from raaderum.proposals.calculation import (
    CROSS_CUTTING_WITHOUT_DIRECTOR,
    EXPANSION_FREES_MONEY,
    INVESTMENT_NO_PAYBACK,
    INVESTMENT_WITHOUT_OUTLAY,
    NO_EFFECTS,
    SAVING_COSTS_MONEY,
    CatalogItem,
    Payback,
    YearStatus,
    catalog_totals,
    full_year_effect,
    gap_by_year,
    headroom_by_year,
    is_cross_cutting,
    payback,
    period_years,
    sum_by_year,
    target_by_year,
    target_met,
    target_status,
    warnings,
)

YEARS = [2027, 2028, 2029, 2030]


def by_year(*amounts: int) -> dict[int, int]:
    return dict(zip(YEARS, amounts, strict=True))


def test_period_years_is_budget_year_and_three_outlying_years() -> None:
    assert period_years(2027) == YEARS


@pytest.mark.parametrize(
    ("effects", "expected"),
    [
        ([], by_year(0, 0, 0, 0)),
        # a saving is a negative effect (mindreudgift) and positive headroom
        ([(2027, -3_500_000), (2028, -7_000_000)], by_year(3_500_000, 7_000_000, 0, 0)),
        # an expansion (merudgift) eats headroom
        ([(2029, 250_000)], by_year(0, 0, -250_000, 0)),
        # several service areas in one year add up exactly
        ([(2030, -1_234_567), (2030, -1), (2030, 400_000)], by_year(0, 0, 0, 834_568)),
        ([(2027, 1), (2027, -1)], by_year(0, 0, 0, 0)),
    ],
)
def test_headroom_is_negated_sum_of_effects(
    effects: list[tuple[int, int]], expected: dict[int, int]
) -> None:
    assert headroom_by_year(effects, YEARS) == expected


def test_headroom_rejects_year_outside_period() -> None:
    with pytest.raises(ValueError, match="2031"):
        headroom_by_year([(2031, -1)], YEARS)


def test_headroom_rejects_float_amounts() -> None:
    with pytest.raises(TypeError):
        headroom_by_year([(2027, 1.5)], YEARS)  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], by_year(0, 0, 0, 0)),
        ([by_year(1, 2, 3, 4)], by_year(1, 2, 3, 4)),
        (
            [by_year(1_234_567, 0, -1, 999_999), {2028: 7_654_321}, {2030: 1}],
            by_year(1_234_567, 7_654_321, -1, 1_000_000),
        ),
        # many small amounts that a float sum would get wrong
        ([{2027: 10**13 - 1}, {2027: 1}, {2027: -(10**13)}], by_year(0, 0, 0, 0)),
    ],
)
def test_sum_by_year_is_exact(rows: list[dict[int, int]], expected: dict[int, int]) -> None:
    assert sum_by_year(rows, YEARS) == expected


def test_sum_by_year_rejects_year_outside_period() -> None:
    with pytest.raises(ValueError, match="2026"):
        sum_by_year([{2026: 5}], YEARS)


@pytest.mark.parametrize(
    ("full_effect_year", "explicit", "expected"),
    [
        (2027, None, by_year(30_000_000, 30_000_000, 30_000_000, 30_000_000)),
        (2029, None, by_year(0, 0, 30_000_000, 30_000_000)),
        (2031, None, by_year(0, 0, 0, 0)),
        (
            2028,
            {2027: 10_000_000, 2028: 20_000_000},
            by_year(10_000_000, 20_000_000, 30_000_000, 30_000_000),
        ),
        (2028, {2030: 0}, by_year(0, 30_000_000, 30_000_000, 0)),
    ],
)
def test_target_by_year(
    full_effect_year: int, explicit: dict[int, int] | None, expected: dict[int, int]
) -> None:
    assert target_by_year(YEARS, 30_000_000, full_effect_year, explicit) == expected


def test_target_by_year_rejects_explicit_year_outside_period() -> None:
    with pytest.raises(ValueError, match="2032"):
        target_by_year(YEARS, 1, 2027, {2032: 5})


@pytest.mark.parametrize(
    ("headroom", "target", "expected"),
    [
        (by_year(0, 0, 0, 0), by_year(0, 30, 30, 30), by_year(0, 30, 30, 30)),
        (
            by_year(12_345_678, 29_999_999, 30_000_000, 31_000_001),
            by_year(30_000_000, 30_000_000, 30_000_000, 30_000_000),
            by_year(17_654_322, 1, 0, -1_000_001),
        ),
        # negative headroom (a net expansion) widens the gap
        (by_year(-500, 0, 0, 0), by_year(1_000, 0, 0, 0), by_year(1_500, 0, 0, 0)),
        ({2027: 5}, by_year(10, 10, 10, 10), by_year(5, 10, 10, 10)),
    ],
)
def test_gap_is_target_minus_headroom(
    headroom: dict[int, int], target: dict[int, int], expected: dict[int, int]
) -> None:
    assert gap_by_year(headroom, target) == expected


def test_gap_rejects_headroom_without_target_year() -> None:
    with pytest.raises(ValueError, match="2031"):
        gap_by_year({2031: 1}, by_year(0, 0, 0, 0))


def test_target_status_marks_met_years() -> None:
    status = target_status(
        by_year(29_999_999, 30_000_000, 30_000_001, 0),
        by_year(30_000_000, 30_000_000, 30_000_000, 0),
    )
    assert status == [
        YearStatus(2027, 29_999_999, 30_000_000, 1, met=False),
        YearStatus(2028, 30_000_000, 30_000_000, 0, met=True),
        YearStatus(2029, 30_000_001, 30_000_000, -1, met=True),
        YearStatus(2030, 0, 0, 0, met=True),
    ]


@pytest.mark.parametrize(
    ("headroom", "target", "met"),
    [
        (30_000_000, 30_000_000, True),
        (29_999_999, 30_000_000, False),
        # A year with target 0 (before the full effect): a selection that costs money that year
        # misses it by what it costs; the optimiser must call it the same.
        (0, 0, True),
        (-1, 0, False),
        (1, 0, True),
        # A negative target allows spending that much, not a krone more.
        (-500, -500, True),
        (-501, -500, False),
    ],
)
def test_target_met_is_one_rule(headroom: int, target: int, met: bool) -> None:
    assert target_met(headroom, target) is met
    [status] = target_status({2027: headroom}, {2027: target})
    assert status.met is met
    assert (status.gap <= 0) is met


def test_target_met_rejects_floats() -> None:
    with pytest.raises(TypeError):
        target_met(1.0, 0)  # type: ignore[arg-type]


def test_a_year_with_target_0_and_negative_headroom_is_missing() -> None:
    status = target_status(
        by_year(-400_000, 30_000_000, 30_000_000, 30_000_000),
        by_year(0, 30_000_000, 30_000_000, 30_000_000),
    )
    assert status[0] == YearStatus(2027, -400_000, 0, 400_000, met=False)


@pytest.mark.parametrize(
    ("committee_ids", "expected"),
    [
        ([], False),
        ([1], False),
        ([1, 1, 1], False),
        ([1, 2], True),
        (["social", "skole", "social"], True),
    ],
)
def test_is_cross_cutting(committee_ids: list[Hashable], expected: bool) -> None:
    assert is_cross_cutting(committee_ids) is expected


@pytest.mark.parametrize(
    ("headroom", "expected"),
    [
        (by_year(3_500_000, 7_000_000, 7_000_000, 7_000_000), 7_000_000),
        ({2030: 1, 2027: 9}, 1),  # by year, not by insertion order
        (by_year(-2_000_000, 0, 0, 0), 0),
    ],
)
def test_full_year_effect_is_last_year(headroom: dict[int, int], expected: int) -> None:
    assert full_year_effect(headroom) == expected


@pytest.mark.parametrize(
    ("headroom", "expected"),
    [
        # within the period: -2.0m, -1.5m, -0.5m, +0.5m
        (
            by_year(-2_000_000, 500_000, 1_000_000, 1_000_000),
            Payback(2030, True, by_year(-2_000_000, -1_500_000, -500_000, 500_000)),
        ),
        # exactly zero counts as paid back
        (by_year(-1_000, 500, 500, 0), Payback(2029, True, by_year(-1_000, -500, 0, 0))),
        # extrapolated: -2m left after 2030 at +1m a year
        (
            by_year(-5_000_000, 1_000_000, 1_000_000, 1_000_000),
            Payback(2032, False, by_year(-5_000_000, -4_000_000, -3_000_000, -2_000_000)),
        ),
        # extrapolation rounds up to whole years: 2,000,001 left at 1m a year takes 3 years
        (
            by_year(-5_000_001, 1_000_000, 1_000_000, 1_000_000),
            Payback(2033, False, by_year(-5_000_001, -4_000_001, -3_000_001, -2_000_001)),
        ),
        # dipping below zero again is not a payback
        (
            by_year(-1_000, 2_000, -3_000, 1_000),
            Payback(2031, False, by_year(-1_000, 1_000, -2_000, -1_000)),
        ),
        # never: the last year frees nothing
        (by_year(-1_000, 500, 0, 0), Payback(None, False, by_year(-1_000, -500, -500, -500))),
        (by_year(-1_000, 500, 200, -100), Payback(None, False, by_year(-1_000, -500, -300, -400))),
        # no outlay: nothing to pay back
        (
            by_year(1_000, 1_000, 1_000, 1_000),
            Payback(None, True, by_year(1_000, 2_000, 3_000, 4_000)),
        ),
        (by_year(0, 0, 0, 0), Payback(None, True, by_year(0, 0, 0, 0))),
        ({}, Payback(None, True, {})),
    ],
)
def test_payback(headroom: dict[int, int], expected: Payback) -> None:
    assert payback(headroom) == expected


@pytest.mark.parametrize(
    ("proposal_type", "headroom", "has_director", "committee_ids", "expected"),
    [
        ("saving", by_year(0, 0, 0, 0), False, [], [NO_EFFECTS]),
        ("investment", {}, False, [], [NO_EFFECTS]),
        ("saving", by_year(3_500, 7_000, 7_000, 7_000), False, [1], []),
        ("saving", by_year(-1, 0, 0, 0), False, [1], [SAVING_COSTS_MONEY]),
        ("efficiency", by_year(-500, 100, 100, 100), False, [1], [SAVING_COSTS_MONEY]),
        ("efficiency", by_year(-300, 100, 100, 100), False, [1], []),
        ("expansion", by_year(-100, -100, -100, -100), False, [1], []),
        ("expansion", by_year(1, 0, 0, 0), False, [1], [EXPANSION_FREES_MONEY]),
        ("expansion", by_year(-100, 50, 50, 0), False, [1], []),
        ("investment", by_year(0, 100, 100, 100), False, [1], [INVESTMENT_WITHOUT_OUTLAY]),
        # Frees money first, then costs less than it freed: never a net outlay to pay back.
        ("investment", by_year(100, -50, 0, 0), False, [1], [INVESTMENT_WITHOUT_OUTLAY]),
        ("investment", by_year(-2_000, 500, 1_000, 1_000), False, [1], []),
        ("investment", by_year(-5_000, 1_000, 1_000, 1_000), False, [1], []),  # extrapolated
        ("investment", by_year(-1_000, 500, 0, 0), False, [1], [INVESTMENT_NO_PAYBACK]),
        ("saving", by_year(100, 100, 100, 100), False, [1, 2], [CROSS_CUTTING_WITHOUT_DIRECTOR]),
        ("saving", by_year(100, 100, 100, 100), True, [1, 2], []),
        (
            "investment",
            by_year(-1_000, 0, 0, 0),
            False,
            ["skole", "social"],
            [INVESTMENT_NO_PAYBACK, CROSS_CUTTING_WITHOUT_DIRECTOR],
        ),
        (
            "expansion",
            by_year(100, 0, 0, 0),
            False,
            [1, 2],
            [EXPANSION_FREES_MONEY, CROSS_CUTTING_WITHOUT_DIRECTOR],
        ),
    ],
)
def test_warnings(
    proposal_type: str,
    headroom: Mapping[int, int],
    has_director: bool,
    committee_ids: list[Hashable],
    expected: list[str],
) -> None:
    codes = warnings(
        proposal_type, headroom, has_director=has_director, committee_ids=committee_ids
    )
    assert codes == expected


def test_warnings_reject_unknown_type() -> None:
    with pytest.raises(ValueError, match="besparelse"):
        warnings("besparelse", by_year(1, 1, 1, 1), has_director=True, committee_ids=[])


def test_catalog_totals_by_group_in_order_of_appearance() -> None:
    items = [
        CatalogItem("P1", "Børn og unge", by_year(1_234_567, 2_345_678, 2_345_678, 2_345_678)),
        CatalogItem("P2", "Social og sundhed", by_year(500_001, 500_001, 500_001, 500_001)),
        CatalogItem("P3", "Børn og unge", {2029: -1, 2030: 999_999}),
        CatalogItem("P4", "Teknik", {}),
    ]
    totals = catalog_totals(items, YEARS)
    assert totals.years == tuple(YEARS)
    assert list(totals.groups) == ["Børn og unge", "Social og sundhed", "Teknik"]
    assert totals.groups == {
        "Børn og unge": by_year(1_234_567, 2_345_678, 2_345_677, 3_345_677),
        "Social og sundhed": by_year(500_001, 500_001, 500_001, 500_001),
        "Teknik": by_year(0, 0, 0, 0),
    }
    assert totals.keys == {
        "Børn og unge": ["P1", "P3"],
        "Social og sundhed": ["P2"],
        "Teknik": ["P4"],
    }
    assert totals.total == by_year(1_734_568, 2_845_679, 2_845_678, 3_845_678)


def test_catalog_totals_of_nothing_are_zero() -> None:
    totals = catalog_totals([], YEARS)
    assert totals.groups == {}
    assert totals.total == by_year(0, 0, 0, 0)


@pytest.mark.parametrize(
    "items",
    [
        [CatalogItem("P1", "A", {2027: 1}), CatalogItem("P1", "B", {2027: 1})],
        [CatalogItem("P1", "A", {2026: 1})],
    ],
)
def test_catalog_totals_reject_double_counting_and_stray_years(items: list[CatalogItem]) -> None:
    with pytest.raises(ValueError):
        catalog_totals(items, YEARS)
