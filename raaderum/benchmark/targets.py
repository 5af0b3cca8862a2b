"""The round's target spread across service areas: the weights of each method, and the table of
shares per committee and year. The rounding is decided in distribution.py."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from raaderum.benchmark import distribution
from raaderum.benchmark.distribution import Weight
from raaderum.benchmark.models import Method, TargetDistribution
from raaderum.organisation.models import Committee, ServiceArea, ServiceAreaBudget
from raaderum.rounds.models import BudgetRound


def budgets_by_year(
    areas: Sequence[ServiceArea], years: Sequence[int]
) -> dict[int, dict[int, int]]:
    """year -> area pk -> net operating budget (kr.)."""
    found: dict[int, dict[int, int]] = {year: {} for year in years}
    rows = ServiceAreaBudget.objects.filter(service_area__in=areas, year__in=years).values_list(
        "service_area_id", "year", "amount"
    )
    for area_id, year, amount in rows:
        found[year][area_id] = amount
    return found


def weights_for(
    method: str,
    years: Sequence[int],
    *,
    budgets: Mapping[int, Mapping[int, int]],
    potentials: Mapping[int, int],
    manual: Mapping[int, Decimal],
) -> dict[int, dict[int, Weight]]:
    """year -> area pk -> weight. A net budget below zero (an area that earns money) weighs 0."""
    if method == Method.UNIFORM:
        return {
            year: {area: max(amount, 0) for area, amount in budgets.get(year, {}).items()}
            for year in years
        }
    if method == Method.POTENTIAL:
        return distribution.same_every_year(
            years, {area: max(amount, 0) for area, amount in potentials.items()}
        )
    return distribution.same_every_year(years, dict(manual))


def compute_shares(
    targets: Mapping[int, int],
    areas: Sequence[ServiceArea],
    weights: Mapping[int, Mapping[int, Weight]],
    exempt: set[int],
) -> dict[int, dict[int, int]]:
    """year -> area pk -> kr.; raises distribution.NoWeight for a year nobody can carry."""
    return distribution.distribute(targets, [area.pk for area in areas], weights, exempt)


@dataclass
class AreaLine:
    area: ServiceArea
    amounts: list[int]
    exempt: bool = False
    budget_percent: list[Decimal | None] = field(default_factory=list)  # of the area's budget

    @property
    def cells(self) -> list[tuple[int, Decimal | None]]:
        percents = self.budget_percent or [None] * len(self.amounts)
        return list(zip(self.amounts, percents, strict=True))


@dataclass
class CommitteeBlock:
    committee: Committee
    areas: list[AreaLine]
    amounts: list[int]


@dataclass
class ShareTable:
    years: list[int]
    committees: list[CommitteeBlock]
    total: list[int]
    target: list[int]

    @property
    def matches_target(self) -> bool:
        return self.total == self.target


def share_table(
    years: Sequence[int],
    areas: Sequence[ServiceArea],
    shares: Mapping[int, Mapping[int, int]],
    targets: Mapping[int, int],
    *,
    exempt: set[int] | None = None,
    budgets: Mapping[int, Mapping[int, int]] | None = None,
) -> ShareTable:
    blocks: list[CommitteeBlock] = []
    for area in areas:
        amounts = [shares.get(year, {}).get(area.pk, 0) for year in years]
        percents = []
        if budgets is not None:
            for year, amount in zip(years, amounts, strict=True):
                budget = budgets.get(year, {}).get(area.pk)
                percents.append(None if not budget or budget < 0 else _percent(amount, budget))
        line = AreaLine(area, amounts, area.pk in (exempt or set()), percents)
        if not blocks or blocks[-1].committee.pk != area.committee_id:
            blocks.append(CommitteeBlock(area.committee, [], [0] * len(years)))
        blocks[-1].areas.append(line)
        blocks[-1].amounts = [a + b for a, b in zip(blocks[-1].amounts, amounts, strict=True)]
    total = [sum(block.amounts[i] for block in blocks) for i in range(len(years))]
    return ShareTable(
        years=list(years),
        committees=blocks,
        total=total,
        target=[targets.get(year, 0) for year in years],
    )


def _percent(part: int, whole: int) -> Decimal | None:
    exact = distribution.percent_of(part, whole)
    if exact is None:
        return None
    return Decimal(exact.numerator) / Decimal(exact.denominator)  # shown with 2 decimals


def saved_table(budget_round: BudgetRound) -> tuple[TargetDistribution | None, ShareTable | None]:
    """The saved distribution of a round as a table, against the round's target now."""
    saved = TargetDistribution.objects.filter(round=budget_round).select_related("saved_by").first()
    if saved is None:
        return None, None
    areas = list(ServiceArea.objects.of_municipality(budget_round.municipality))
    shares: dict[int, dict[int, int]] = {}
    for area_id, year, amount in saved.shares.values_list("service_area_id", "year", "amount"):
        shares.setdefault(year, {})[area_id] = amount
    exempt = set(saved.areas.filter(exempt=True).values_list("service_area_id", flat=True))
    years = budget_round.years
    return saved, share_table(
        years,
        areas,
        shares,
        budget_round.target_by_year(),
        exempt=exempt,
        budgets=budgets_by_year(areas, years) if saved.method == Method.UNIFORM else None,
    )
