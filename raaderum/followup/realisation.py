"""The numbers of follow-up: realisation rates and risk-adjusted totals. Pure: no Django.

A *line* is one initiative's year: the expected råderum (positive = money freed) and the realised
råderum once the budget office approved the owner's assessment (None until then). A rate is only
computed over assessed years – a year nobody has assessed yet says nothing about realisation.

The rate is realised / expected over the assessed years, as an exact fraction. Years with nothing
expected still count their realised amount (a gain where none was planned), but a group whose
assessed years expected nothing in total has no rate (None), never a division by zero.

Risk adjustment: expected × historical rate, capped at 100 % (a history of exceeded gains does not
make a new catalog promise more than its proposals say), rounded half away from zero to the krone.
Only gains are adjusted: a year where a proposal costs money (an investment's outlay, an expansion)
keeps its amount, because a history of unrealised savings does not make spending smaller.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Line:
    year: int
    expected: int
    realised: int | None  # None: not assessed (or not yet approved)


@dataclass(frozen=True)
class Totals:
    expected: int  # over every line
    assessed_expected: int  # over the assessed lines only
    realised: int  # over the assessed lines
    rate: Fraction | None  # realised / assessed_expected; None when nothing to compare
    assessed: int = 0  # how many lines were assessed (0: nothing realised can be shown)

    @property
    def shortfall(self) -> int:
        """Expected but not realised in the assessed years (negative when exceeded)."""
        return self.assessed_expected - self.realised


def rate(assessed_expected: int, realised: int) -> Fraction | None:
    if assessed_expected <= 0:
        return None
    return Fraction(realised, assessed_expected)


def totals(lines: Iterable[Line]) -> Totals:
    expected = assessed_expected = realised = assessed = 0
    for line in lines:
        expected += line.expected
        if line.realised is not None:
            assessed_expected += line.expected
            realised += line.realised
            assessed += 1
    return Totals(
        expected, assessed_expected, realised, rate(assessed_expected, realised), assessed
    )


def totals_by(groups: Iterable[tuple[K, Line]]) -> dict[K, Totals]:
    """Totals per key (type, committee, round...) from (key, line) pairs, in the order seen."""
    collected: dict[K, list[Line]] = {}
    for key, line in groups:
        collected.setdefault(key, []).append(line)
    return {key: totals(lines) for key, lines in collected.items()}


def by_year(lines: Iterable[Line]) -> dict[int, Totals]:
    """Expected against realised per year, years ascending."""
    found = totals_by((line.year, line) for line in lines)
    return {year: found[year] for year in sorted(found)}


def round_half_away(value: Fraction) -> int:
    whole = abs(value.numerator) * 2 + value.denominator
    magnitude = whole // (2 * value.denominator)
    return magnitude if value >= 0 else -magnitude


def risk_adjusted(expected: int, historical_rate: Fraction | None) -> int:
    """Expected råderum scaled by the historical rate (capped at 100 %); no history or a cost
    (negative råderum): unchanged."""
    if historical_rate is None or expected <= 0:
        return expected
    factor = min(max(historical_rate, Fraction(0)), Fraction(1))
    return round_half_away(expected * factor)


def risk_adjusted_by_year(
    expected: Mapping[int, int], historical_rate: Fraction | None
) -> dict[int, int]:
    return {
        year: risk_adjusted(amount, historical_rate) for year, amount in sorted(expected.items())
    }


def percent(value: Fraction | None) -> int | None:
    """A rate as a whole percentage for display (half away from zero); None stays None."""
    return None if value is None else round_half_away(value * 100)


def first_rate(*rates: Fraction | None) -> Fraction | None:
    """The most specific rate known: e.g. (type and committee, type, committee, all)."""
    return next((found for found in rates if found is not None), None)


def risk_adjusted_total(
    items: Iterable[tuple[Mapping[int, int], Fraction | None]], years: Iterable[int]
) -> dict[int, int]:
    """Sum per year of each item's expected råderum risk-adjusted by its own rate.

    Each item is rounded to the krone on its own before summing, so the total is the sum of
    the figures a reader could check line by line.
    """
    result = dict.fromkeys(years, 0)
    for expected, historical_rate in items:
        for year in result:
            result[year] += risk_adjusted(expected.get(year, 0), historical_rate)
    return result
