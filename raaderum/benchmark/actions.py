"""Imports of statistics and the saving of a target distribution: all or nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from raaderum.benchmark import statbank
from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.models import (
    AreaUnit,
    BenchmarkSettings,
    Dataset,
    DistributionArea,
    PopulationFigure,
    Source,
    SpendingFigure,
    TargetDistribution,
    TargetShare,
)
from raaderum.organisation.models import Municipality, ServiceArea, User
from raaderum.rounds.models import BudgetRound

BATCH = 2000


def known_kommuner() -> set[int]:
    """The 98 kommuner, and the municipalities of this installation (the demo's is made up)."""
    return set(KOMMUNER) | set(Municipality.objects.values_list("code", flat=True))


def parse(content: bytes) -> statbank.ParsedTable:
    return statbank.parse_csv(content, known_kommuner())


def do_import_statistics(
    municipality: Municipality,
    content: bytes,
    *,
    source: str = Source.FILE,
    file_name: str = "",
    note: str = "",
    user: User | None = None,
) -> Dataset:
    """Parse and store one CSV; StatbankError (and nothing stored) if any row is wrong."""
    parsed = parse(content)
    with transaction.atomic():
        return _store(municipality, parsed, content, source, file_name, note, user)


def do_fetch_statistics(
    municipality: Municipality,
    years: Sequence[int],
    *,
    user: User | None = None,
    url: str | None = None,
    timeout: float = statbank.TIMEOUT_SECONDS,
) -> list[Dataset]:
    """Expenditure on the areas' functions and inhabitants by age, for every kommune.

    Both answers are fetched and read before anything is stored; either both are stored or none.
    """
    functions = sorted(
        {
            code
            for area in ServiceArea.objects.of_municipality(municipality)
            for code in area.function_code_list()
        }
    )
    requests = [statbank.population_request(years)]
    if functions:
        requests.insert(0, statbank.spending_request(functions, years))
    answers: list[tuple[bytes, statbank.ParsedTable]] = []
    for body in requests:
        content = statbank.fetch(body, url=url or statbank.API_URL, timeout=timeout)
        try:
            parsed = parse(content)
        except statbank.StatbankError as error:
            raise statbank.invalid_answer(error) from error
        if parsed.table != body["table"]:
            raise statbank.invalid_answer(statbank.StatbankError([str(parsed.table)]))
        answers.append((content, parsed))
    with transaction.atomic():
        return [
            _store(municipality, parsed, content, Source.API, "", "", user)
            for content, parsed in answers
        ]


def _store(
    municipality: Municipality,
    parsed: statbank.ParsedTable,
    content: bytes,
    source: str,
    file_name: str,
    note: str,
    user: User | None,
) -> Dataset:
    years = parsed.years
    dataset = Dataset.objects.create(
        municipality=municipality,
        table=parsed.table,
        source=source,
        file_name=file_name[:200],
        note=note[:300],
        sha256=hashlib.sha256(content).hexdigest(),
        first_year=years[0],
        last_year=years[-1],
        rows=parsed.rows,
        kommuner=len(parsed.kommuner),
        imported_at=timezone.now(),
        imported_by=user,
    )
    if parsed.table == statbank.SPENDING:
        _replace(
            SpendingFigure.objects.filter(
                municipality=municipality,
                year__in=years,
                kommune__in=parsed.kommuner,
                function__in=parsed.functions,
            ).values_list("pk", "kommune", "function", "year"),
            {(row.kommune, row.function, row.year) for row in parsed.spending},
            SpendingFigure,
        )
        SpendingFigure.objects.bulk_create(
            (
                SpendingFigure(
                    municipality=municipality,
                    dataset=dataset,
                    kommune=row.kommune,
                    function=row.function,
                    year=row.year,
                    amount=row.amount,
                )
                for row in parsed.spending
            ),
            batch_size=BATCH,
        )
    else:
        _replace(
            PopulationFigure.objects.filter(
                municipality=municipality, year__in=years, kommune__in=parsed.kommuner
            ).values_list("pk", "kommune", "year", "age"),
            {(row.kommune, row.year, row.age) for row in parsed.population},
            PopulationFigure,
        )
        PopulationFigure.objects.bulk_create(
            (
                PopulationFigure(
                    municipality=municipality,
                    dataset=dataset,
                    kommune=row.kommune,
                    year=row.year,
                    age=row.age,
                    count=row.count,
                )
                for row in parsed.population
            ),
            batch_size=BATCH,
        )
    return dataset


def _replace(
    existing: Iterable[tuple[object, ...]],
    new_keys: set[tuple[object, ...]],
    model: type[SpendingFigure] | type[PopulationFigure],
) -> None:
    """Delete the stored figures the import brings anew (same kommune, function/age and year)."""
    stale = [row[0] for row in existing if tuple(row[1:]) in new_keys]
    for start in range(0, len(stale), BATCH):
        model.objects.filter(pk__in=stale[start : start + BATCH]).delete()


@dataclass(frozen=True)
class AreaChoice:
    """What the budget office decided for one area when distributing the target."""

    area: ServiceArea
    exempt: bool
    share_percent: Decimal | None
    potential: int | None


def do_save_distribution(
    budget_round: BudgetRound,
    method: str,
    choices: Sequence[AreaChoice],
    shares: Mapping[int, Mapping[int, int]],  # year -> area pk -> kr.
    *,
    basis: str = "",
    user: User | None = None,
) -> TargetDistribution:
    """Replace the round's distribution with this one."""
    with transaction.atomic():
        TargetDistribution.objects.filter(round=budget_round).delete()
        distribution = TargetDistribution.objects.create(
            round=budget_round,
            method=method,
            basis=basis[:300],
            saved_at=timezone.now(),
            saved_by=user,
        )
        DistributionArea.objects.bulk_create(
            DistributionArea(
                distribution=distribution,
                service_area=choice.area,
                exempt=choice.exempt,
                share_percent=choice.share_percent,
                potential=choice.potential,
            )
            for choice in choices
        )
        TargetShare.objects.bulk_create(
            TargetShare(
                distribution=distribution, service_area_id=area_id, year=year, amount=amount
            )
            for year, parts in shares.items()
            for area_id, amount in parts.items()
        )
    return distribution


def do_save_settings(settings: BenchmarkSettings, units: Mapping[int, str]) -> None:
    """The municipality's defaults and the unit of each service area."""
    with transaction.atomic():
        settings.save()
        for area_id, unit in units.items():
            AreaUnit.objects.update_or_create(service_area_id=area_id, defaults={"unit": unit})
