"""Spread a round's target across service areas so the parts add up to it exactly. Pure: no Django.

Largest remainder (Hamilton's method), year by year: an area's exact quota is
target × its weight / the sum of the weights. Every area first gets its quota rounded down to
whole kroner; the kroner left over go one each to the areas with the largest remainders. Equal
remainders go to the area that comes first in the given order (the catalog's order of committees
and areas), so the same input always gives the same result. Exempt areas and areas with weight 0
get nothing, and every part is its quota rounded down or up – never further off.

The weight is the area's net operating budget that year (a uniform percentage of the budget), its
benchmark potential (differentiated), or a share typed by the budget office (by hand).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

Weight = int | Decimal | Fraction


class NoWeight(ValueError):
    """A year has a target but no area with a weight to carry it."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"no area has a weight in {year}")


def largest_remainder(total: int, order: Sequence[K], weights: Mapping[K, Weight]) -> dict[K, int]:
    """`total` split over the keys in `order` in proportion to their weights (missing: 0)."""
    if len(set(order)) != len(order):
        raise ValueError("every key must appear once in the order")
    exact = {key: Fraction(weights.get(key, 0)) for key in order}
    if any(weight < 0 for weight in exact.values()):
        raise ValueError("weights must not be negative")
    if total < 0:
        return {key: -part for key, part in largest_remainder(-total, order, weights).items()}
    weight_sum = sum(exact.values(), Fraction(0))
    if weight_sum == 0:
        if total == 0:
            return dict.fromkeys(order, 0)
        raise ValueError("no key has a weight")
    parts: dict[K, int] = {}
    remainders: list[tuple[Fraction, int, K]] = []
    for position, key in enumerate(order):
        quota = total * exact[key] / weight_sum
        parts[key] = quota.numerator // quota.denominator
        remainders.append((quota - parts[key], position, key))
    left = total - sum(parts.values())
    # Largest remainder first; among equals the earlier key. The remainders add up to `left`
    # and each is below 1, so the first `left` of them are all above 0: a key without weight
    # never gets a krone.
    remainders.sort(key=lambda item: (-item[0], item[1]))
    for _remainder, _position, key in remainders[:left]:
        parts[key] += 1
    return parts


def distribute(
    targets: Mapping[int, int],
    order: Sequence[K],
    weights: Mapping[int, Mapping[K, Weight]],
    exempt: Collection[K] = (),
) -> dict[int, dict[K, int]]:
    """Each year's target over the areas in `order` by that year's weights; exempt areas get 0.

    Raises NoWeight for the first year whose target is not 0 while no area that is not exempt
    has a weight that year.
    """
    result: dict[int, dict[K, int]] = {}
    for year in sorted(targets):
        year_weights = {
            key: weight for key, weight in weights.get(year, {}).items() if key not in exempt
        }
        if targets[year] != 0 and not any(Fraction(w) > 0 for w in year_weights.values()):
            raise NoWeight(year)
        result[year] = largest_remainder(targets[year], order, year_weights)
    return result


def same_every_year(
    years: Sequence[int], weights: Mapping[K, Weight]
) -> dict[int, dict[K, Weight]]:
    """The potential and typed shares weigh the same in every year."""
    return {year: dict(weights) for year in years}


def percent_of(part: int, whole: int) -> Fraction | None:
    """part / whole × 100, exact; None when there is nothing to measure against."""
    return None if whole == 0 else Fraction(part * 100, whole)
