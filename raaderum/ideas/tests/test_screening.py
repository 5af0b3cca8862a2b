"""The standard criteria decided on plain values: no database."""

import pytest

from raaderum.ideas import screening


@pytest.mark.parametrize(
    ("estimate", "minimum", "expected"),
    [
        (500_000, 500_000, True),  # exactly the minimum is enough
        (499_999, 500_000, False),
        (2_000_000, 0, True),
        (-100_000, 0, False),  # costs money: never meets a minimum
        (None, 500_000, None),  # not estimated yet
        (500_000, None, None),  # the round has no minimum
    ],
)
def test_amount(estimate, minimum, expected):
    assert screening.amount_met(estimate, minimum) is expected


@pytest.mark.parametrize(
    ("year", "latest", "expected"),
    [
        (2028, 2028, True),
        (2027, 2028, True),
        (2029, 2028, False),
        (None, 2028, None),
        (2030, None, None),
    ],
)
def test_full_effect(year, latest, expected):
    assert screening.full_effect_met(year, latest) is expected


def test_standard_results_in_page_order():
    results = screening.standard_results(
        estimate=1_000_000,
        minimum=500_000,
        full_effect_year=2030,
        latest_year=2028,
        needs_political_decision=True,
    )
    assert results == [
        screening.Result(screening.AMOUNT, True),
        screening.Result(screening.FULL_EFFECT, False),
        screening.Result(screening.POLITICAL_DECISION, True),
    ]


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([True, True, True], True),
        ([True, None, True], None),
        ([True, None, False], False),  # one "no" decides, whatever is still open
        ([], True),
    ],
)
def test_overall(answers, expected):
    assert screening.overall(answers) is expected
