"""The round's standard screening criteria, decided on plain values (no ORM).

A criterion is met (True), not met (False) or cannot be told (None): the rule is not set, or the
screener has not entered the value it needs. Amounts are whole kroner a year, positive = frees
money, the way the idea's estimate is typed.
"""

from __future__ import annotations

from dataclasses import dataclass

AMOUNT = "amount"
FULL_EFFECT = "full_effect"
POLITICAL_DECISION = "political_decision"


@dataclass(frozen=True)
class Result:
    code: str
    met: bool | None


def amount_met(estimate: int | None, minimum: int | None) -> bool | None:
    """The idea frees at least the minimum a year."""
    if minimum is None or estimate is None:
        return None
    return estimate >= minimum


def full_effect_met(year: int | None, latest: int | None) -> bool | None:
    """The idea has its full effect no later than the latest year."""
    if latest is None or year is None:
        return None
    return year <= latest


def standard_results(
    *,
    estimate: int | None,
    minimum: int | None,
    full_effect_year: int | None,
    latest_year: int | None,
    needs_political_decision: bool | None,
) -> list[Result]:
    """The three standard criteria in the order the screening page shows them.

    An idea the administration can carry out without a political decision does not belong in
    the catalog, so "needs a political decision" is met when the answer is yes.
    """
    return [
        Result(AMOUNT, amount_met(estimate, minimum)),
        Result(FULL_EFFECT, full_effect_met(full_effect_year, latest_year)),
        Result(POLITICAL_DECISION, needs_political_decision),
    ]


def overall(answers: list[bool | None]) -> bool | None:
    """False if any criterion is not met, True if all are met, None while some are open."""
    if any(answer is False for answer in answers):
        return False
    if any(answer is None for answer in answers):
        return None
    return True
