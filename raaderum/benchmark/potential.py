"""Benchmark potential: what a service area would free at the level of the Nth cheapest kommune.
Pure: no Django.

A *figure* is one kommune's net operating expenditure on a service area in one year (whole kroner,
signed as in the accounts) and its number of *units*: inhabitants, or inhabitants of the age group
the area serves. Spend per unit is an exact fraction; only what is shown or summed is rounded,
half away from zero, to whole kroner.

The reference is the Nth cheapest of the comparison kommuner by spend per unit. The own kommune is
never its own reference (it is left out of the group if listed). With fewer than N comparison
kommuner the most expensive of them is the reference, and the result says which N was used.
Equal spend per unit is ordered by kommune number, so the ranking never depends on input order.

    potential = (own spend per unit − reference spend per unit) × own units
    realistic = potential × realism factor (%)

Each is rounded once, from the exact value. A potential below zero (the kommune already spends
less per unit than the reference) counts as 0 and `already_cheap` says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

DEFAULT_RANK = 10


@dataclass(frozen=True)
class Figure:
    code: int  # Danmarks Statistik's kommune number
    spend: int  # kr., net operating expenditure
    units: int  # inhabitants (of the age group)

    @property
    def per_unit(self) -> Fraction:
        return Fraction(self.spend, self.units)


@dataclass(frozen=True)
class Result:
    own: Figure
    reference: Figure | None  # None: no comparison kommune has figures
    n_requested: int
    n_used: int  # the reference's place among the comparison kommuner (≤ n_requested)
    rank: int  # the own kommune's place among itself and the group, 1 = cheapest
    ranked: int  # how many kommuner that ranking holds
    raw: int  # kr., the potential before the realism factor, never below 0
    realistic: int  # kr., raw × realism factor
    already_cheap: bool  # own spend per unit is at or below the reference's

    @property
    def fewer_than_requested(self) -> bool:
        return self.reference is not None and self.n_used < self.n_requested


def round_half_away(value: Fraction) -> int:
    """Whole kroner, halves away from zero (2.5 → 3, −2.5 → −3)."""
    magnitude = (2 * abs(value.numerator) + value.denominator) // (2 * value.denominator)
    return magnitude if value >= 0 else -magnitude


def per_unit_kr(figure: Figure) -> int:
    """Spend per unit as shown: whole kroner."""
    return round_half_away(figure.per_unit)


def ranked(figures: Iterable[Figure]) -> list[Figure]:
    """Cheapest first; kommuner without units cannot be ranked and are left out."""
    return sorted((f for f in figures if f.units > 0), key=lambda f: (f.per_unit, f.code))


def reference(group: Iterable[Figure], n: int, own_code: int | None = None) -> tuple[Figure, int]:
    """The Nth cheapest of the group (the last one if it is smaller) and the N used."""
    if n < 1:
        raise ValueError(f"N must be at least 1, not {n}")
    candidates = ranked(f for f in group if f.code != own_code)
    if not candidates:
        raise ValueError("the comparison group has no figures")
    used = min(n, len(candidates))
    return candidates[used - 1], used


def potential(own: Figure, group: Iterable[Figure], n: int, realism_percent: int) -> Result:
    if own.units <= 0:
        raise ValueError("the own kommune has no units to measure against")
    if not 0 <= realism_percent <= 100:
        raise ValueError(f"the realism factor must be 0–100 %, not {realism_percent}")
    if n < 1:
        raise ValueError(f"N must be at least 1, not {n}")
    others = [f for f in group if f.code != own.code]
    order = ranked([own, *others])
    rank = next(place for place, f in enumerate(order, start=1) if f.code == own.code)
    usable = [f for f in others if f.units > 0]
    if not usable:
        return Result(own, None, n, 0, rank, len(order), 0, 0, False)
    ref, used = reference(usable, n)
    exact = (own.per_unit - ref.per_unit) * own.units
    if exact <= 0:
        return Result(own, ref, n, used, rank, len(order), 0, 0, True)
    realistic = exact * Fraction(realism_percent, 100)
    return Result(
        own,
        ref,
        n,
        used,
        rank,
        len(order),
        round_half_away(exact),
        round_half_away(realistic),
        False,
    )


def totals(results: Iterable[Result]) -> tuple[int, int]:
    """(raw, realistic) over the areas: the sums of the rounded figures shown per area."""
    raw = realistic = 0
    for result in results:
        raw += result.raw
        realistic += result.realistic
    return raw, realistic
