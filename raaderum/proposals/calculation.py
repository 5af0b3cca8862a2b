"""The numbers of a budget round: headroom, totals, target gap, payback and sanity warnings.

Plain ints in, plain ints out, so the catalog page, the Excel export and the PDF all reconcile
to the krone. Effects are signed as in the accounts (negative frees money); headroom (råderum)
is the negated sum, so a saving shows as a positive figure the way catalogs print it.
"""

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

PERIOD_LENGTH = 4  # the budget year and three outlying years (overslagsår)

SAVING = "saving"
EFFICIENCY = "efficiency"
INVESTMENT = "investment"
EXPANSION = "expansion"
PROPOSAL_TYPES = (SAVING, EFFICIENCY, INVESTMENT, EXPANSION)

NO_EFFECTS = "no_effects"
EXPANSION_FREES_MONEY = "expansion_frees_money"
SAVING_COSTS_MONEY = "saving_costs_money"
INVESTMENT_WITHOUT_OUTLAY = "investment_without_outlay"
INVESTMENT_NO_PAYBACK = "investment_no_payback"
CROSS_CUTTING_WITHOUT_DIRECTOR = "cross_cutting_without_director"

ALL_WARNINGS = (
    NO_EFFECTS,
    EXPANSION_FREES_MONEY,
    SAVING_COSTS_MONEY,
    INVESTMENT_WITHOUT_OUTLAY,
    INVESTMENT_NO_PAYBACK,
    CROSS_CUTTING_WITHOUT_DIRECTOR,
)


def _check_amount(amount: int) -> None:
    # A float or Decimal slipping in from a form would silently break reconciliation.
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise TypeError(f"amounts are whole kroner as int, got {amount!r}")


def period_years(budget_year: int) -> list[int]:
    """The years every figure of a round is shown for."""
    return [budget_year + offset for offset in range(PERIOD_LENGTH)]


def headroom_by_year(effects: Iterable[tuple[int, int]], years: Sequence[int]) -> dict[int, int]:
    """Negate the accounts' sign; an effect outside the period is an error, not a silent drop."""
    result = dict.fromkeys(years, 0)
    for year, amount in effects:
        _check_amount(amount)
        if year not in result:
            raise ValueError(f"effect in {year} is outside the period {list(years)}")
        result[year] -= amount
    return result


def sum_by_year(rows: Iterable[Mapping[int, int]], years: Sequence[int]) -> dict[int, int]:
    """Totals with every year present, so tables never have holes."""
    result = dict.fromkeys(years, 0)
    for row in rows:
        for year, amount in row.items():
            _check_amount(amount)
            if year not in result:
                raise ValueError(f"amount in {year} is outside the period {list(years)}")
            result[year] += amount
    return result


def target_by_year(
    years: Sequence[int],
    target: int,
    full_effect_year: int,
    explicit: Mapping[int, int] | None = None,
) -> dict[int, int]:
    """Rounds often phase the target in; explicit per-year targets override the simple rule."""
    explicit = explicit or {}
    if unknown := set(explicit) - set(years):
        raise ValueError(f"targets for {sorted(unknown)} are outside the period")
    return {year: explicit.get(year, target if year >= full_effect_year else 0) for year in years}


def gap_by_year(headroom: Mapping[int, int], target: Mapping[int, int]) -> dict[int, int]:
    """What is still missing each year; zero or negative means met or over-fulfilled."""
    if unknown := set(headroom) - set(target):
        raise ValueError(f"headroom for {sorted(unknown)} has no target year")
    return {year: target[year] - headroom.get(year, 0) for year in target}


def target_met(headroom: int, target: int) -> bool:
    """The one rule for "the target is met" in a year, used by every page and the optimiser.

    Met when nothing is missing: the råderum is at least the target. A year with target 0 (a
    year before the full effect) is therefore met only when the råderum is not negative: a
    selection that costs money that year leaves a hole in the budget. A negative target allows
    spending up to that much. A year without a target has no rule; callers list the years.
    """
    _check_amount(headroom)
    _check_amount(target)
    return target - headroom <= 0


@dataclass(frozen=True)
class YearStatus:
    year: int
    headroom: int
    target: int
    gap: int
    met: bool


def target_status(headroom: Mapping[int, int], target: Mapping[int, int]) -> list[YearStatus]:
    """One row per year of `target` for the target bar; met as `target_met` decides."""
    gaps = gap_by_year(headroom, target)
    return [
        YearStatus(
            year,
            headroom.get(year, 0),
            target[year],
            gaps[year],
            target_met(headroom.get(year, 0), target[year]),
        )
        for year in sorted(target)
    ]


def is_cross_cutting(committee_ids: Iterable[Hashable]) -> bool:
    """Cross-cutting proposals need a director as owner (Norddjurs' evaluation)."""
    return len(set(committee_ids)) > 1


def full_year_effect(headroom: Mapping[int, int]) -> int:
    """The last year is where a phase-in has reached its permanent level."""
    if not headroom:
        raise ValueError("no years")
    return headroom[max(headroom)]


@dataclass(frozen=True)
class Payback:
    year: int | None
    within_period: bool
    cumulative: dict[int, int]


def payback(headroom_by_year: Mapping[int, int]) -> Payback:
    """When an investment has earned back its outlay.

    The payback year is the year after the last year with negative cumulative headroom, so a
    proposal that dips below zero again is not reported as paid back. Beyond the period the
    last year's headroom is assumed to repeat, as a full-year effect would.
    """
    cumulative: dict[int, int] = {}
    running = 0
    last_negative: int | None = None
    for year in sorted(headroom_by_year):
        _check_amount(headroom_by_year[year])
        running += headroom_by_year[year]
        cumulative[year] = running
        if running < 0:
            last_negative = year
    if last_negative is None:
        return Payback(None, True, cumulative)  # no outlay: nothing to pay back
    last_year = max(cumulative)
    if last_negative < last_year:
        return Payback(min(y for y in cumulative if y > last_negative), True, cumulative)
    yearly = headroom_by_year[last_year]
    if yearly <= 0:
        return Payback(None, False, cumulative)
    return Payback(last_year - (running // yearly), False, cumulative)  # ceil(-running / yearly)


def warnings(
    proposal_type: str,
    headroom: Mapping[int, int],
    *,
    has_director: bool,
    committee_ids: Iterable[Hashable],
) -> list[str]:
    """Cheap checks for the mistakes rushed calculations make: wrong sign, wrong type, no owner.

    When there are no effects at all the sign checks would only add noise, so they are skipped.
    """
    if proposal_type not in PROPOSAL_TYPES:
        raise ValueError(f"unknown proposal type {proposal_type!r}")
    codes: list[str] = []
    total = sum(headroom.values())
    if all(amount == 0 for amount in headroom.values()):
        codes.append(NO_EFFECTS)
    elif proposal_type == EXPANSION and total > 0:
        codes.append(EXPANSION_FREES_MONEY)
    elif proposal_type in (SAVING, EFFICIENCY) and total < 0:
        codes.append(SAVING_COSTS_MONEY)
    elif proposal_type == INVESTMENT:
        # Judged on the running total, as payback() is, so the page never says both
        # "no outlay to pay back" and "does not pay back".
        result = payback(headroom)
        if result.year is None and result.within_period:
            codes.append(INVESTMENT_WITHOUT_OUTLAY)
        elif result.year is None:
            codes.append(INVESTMENT_NO_PAYBACK)
    if is_cross_cutting(committee_ids) and not has_director:
        codes.append(CROSS_CUTTING_WITHOUT_DIRECTOR)
    return codes


@dataclass(frozen=True)
class CatalogItem:
    key: Hashable
    group: Hashable
    headroom: Mapping[int, int]


@dataclass(frozen=True)
class CatalogTotals:
    years: tuple[int, ...]
    groups: dict[Hashable, dict[int, int]]  # subtotals, in order of first appearance
    keys: dict[Hashable, list[Hashable]]  # which items make up each subtotal, for tracing
    total: dict[int, int]


def catalog_totals(proposals: Iterable[CatalogItem], years: Sequence[int]) -> CatalogTotals:
    """Subtotals per group and the grand total; a proposal counted twice is an error."""
    groups: dict[Hashable, dict[int, int]] = {}
    keys: dict[Hashable, list[Hashable]] = {}
    seen: set[Hashable] = set()
    for item in proposals:
        if item.key in seen:
            raise ValueError(f"proposal {item.key!r} appears twice")
        seen.add(item.key)
        groups[item.group] = sum_by_year([groups.get(item.group, {}), item.headroom], years)
        keys.setdefault(item.group, []).append(item.key)
    return CatalogTotals(tuple(years), groups, keys, sum_by_year(groups.values(), years))
