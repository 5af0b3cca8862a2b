"""rules' remaining branches, to the krone. Pure: no database."""

import pytest

from raaderum.decisions import rules

GOOD = {"area": "Skoler", "committee": "BU", "year": 2028, "amount": -5}


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "amount": -5.0},
        {**GOOD, "amount": "-5"},
        {**GOOD, "amount": None},
        {**GOOD, "year": "2028"},
        {**GOOD, "year": 2028.0},
    ],
)
def test_an_effect_that_is_not_whole_kroner_in_a_year_is_refused(bad: dict[str, object]) -> None:
    # A snapshot edited by hand must not reach the finance system as a rounded or text amount.
    with pytest.raises(TypeError, match="bad effect"):
        rules.adjustments([("BU-01", "A", [GOOD, bad])], {}, {})


def test_unknown_committees_and_areas_keep_their_names_and_have_no_functions() -> None:
    (row,) = rules.adjustments([("BU-01", "Færre vikarer", [GOOD])], {}, {})
    assert row == rules.Adjustment(
        committee="BU",
        area="Skoler",
        functions="",
        year=2028,
        amount=-5,
        code="BU-01",
        title="Færre vikarer",
    )


def test_a_zero_amount_is_left_out_but_the_proposal_s_other_amounts_are_not() -> None:
    zero, later = {**GOOD, "amount": 0}, {**GOOD, "year": 2029, "amount": 7}
    rows = rules.adjustments([("BU-01", "A", [zero, later, GOOD])], {}, {})
    assert [(row.year, row.amount) for row in rows] == [(2028, -5), (2029, 7)]


@pytest.mark.parametrize("amount", [1.0, True, "100"])
def test_only_whole_kroner_are_uprated(amount: object) -> None:
    with pytest.raises(TypeError) as refused:
        rules.uprate(amount, rules.MIN_INDEX)  # type: ignore[arg-type]
    assert str(refused.value) == f"amounts are whole kroner as int, got {amount!r}"
