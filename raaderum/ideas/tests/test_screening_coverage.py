"""The standard screening criteria at their boundaries. Pure: no database."""

import pytest

from raaderum.ideas import screening


@pytest.mark.parametrize(
    ("estimate", "minimum", "met"),
    [
        (500_000, 500_000, True),
        (499_999, 500_000, False),
        (0, 0, True),
        (None, 1, None),
        (1, None, None),
    ],
)
def test_the_amount_at_the_minimum_is_met(
    estimate: int | None, minimum: int | None, met: bool | None
) -> None:
    assert screening.amount_met(estimate, minimum) is met


@pytest.mark.parametrize(
    ("year", "latest", "met"),
    [(2029, 2029, True), (2030, 2029, False), (None, 2029, None), (2029, None, None)],
)
def test_the_full_effect_in_the_latest_year_is_met(
    year: int | None, latest: int | None, met: bool | None
) -> None:
    assert screening.full_effect_met(year, latest) is met


def test_the_criteria_in_the_order_of_the_page() -> None:
    results = screening.standard_results(
        estimate=1,
        minimum=2,
        full_effect_year=2027,
        latest_year=2030,
        needs_political_decision=None,
    )
    assert results == [
        screening.Result(screening.AMOUNT, False),
        screening.Result(screening.FULL_EFFECT, True),
        screening.Result(screening.POLITICAL_DECISION, None),
    ]
    assert screening.overall([r.met for r in results]) is False
    assert screening.overall([True, None]) is None
    assert screening.overall([True, True]) is True
    assert screening.overall([]) is True
