"""Key figures per service area from the imported statistics; the numbers come from potential.py.

An area's spend in a kommune is the sum of its kontoplan functions that year (a function the
kommune has no row for counts 0, as long as it has a row for one of them). Its units are the
kommune's inhabitants in the area's age group on 1 January of that year.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.utils.translation import gettext as _

from raaderum.benchmark import potential
from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.models import (
    UNIT_AGES,
    AreaUnit,
    BenchmarkSettings,
    ComparisonGroup,
    Dataset,
    PopulationFigure,
    SpendingFigure,
    Table,
    Unit,
    default_unit,
)
from raaderum.organisation.models import Municipality, ServiceArea

SIMILAR_SIZE = 15  # the default comparison group: the kommuner closest in inhabitants


def kommune_names(codes: Iterable[int], municipality: Municipality) -> dict[int, str]:
    """Names by number; a number that is no real kommune (the demo's) by its municipality."""
    codes = set(codes)
    names = {code: KOMMUNER[code] for code in codes if code in KOMMUNER}
    unknown = codes - set(names)
    if unknown:
        names.update(
            Municipality.objects.filter(code__in=unknown).values_list("code", "name").iterator()
        )
    names.update({code: str(code) for code in codes if code not in names})
    if municipality.code in codes:
        names[municipality.code] = municipality.name
    return names


def settings_for(municipality: Municipality) -> BenchmarkSettings:
    found = (
        BenchmarkSettings.objects.filter(municipality=municipality)
        .select_related("comparison_group")
        .first()
    )
    return found or BenchmarkSettings(municipality=municipality)


def area_units(areas: list[ServiceArea]) -> dict[int, str]:
    """The unit of each area: the budget office's choice, else the default of its functions."""
    chosen = dict(
        AreaUnit.objects.filter(service_area__in=areas).values_list("service_area_id", "unit")
    )
    return {
        area.pk: chosen.get(area.pk) or default_unit(area.function_code_list()) for area in areas
    }


def available_years(municipality: Municipality) -> list[int]:
    """Years with both expenditure and inhabitants of the municipality's own kommune."""
    spending = set(
        SpendingFigure.objects.filter(municipality=municipality, kommune=municipality.code)
        .values_list("year", flat=True)
        .distinct()
    )
    population = set(
        PopulationFigure.objects.filter(municipality=municipality, kommune=municipality.code)
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted(spending & population, reverse=True)


def population_by_unit(municipality: Municipality, year: int) -> dict[str, dict[int, int]]:
    """Inhabitants per kommune for every unit; the total is FOLK1A's IALT, else the ages summed."""
    totals: dict[int, int] = {}
    by_age: dict[int, dict[int, int]] = defaultdict(dict)
    rows = PopulationFigure.objects.filter(municipality=municipality, year=year).values_list(
        "kommune", "age", "count"
    )
    for kommune, age, count in rows:
        if age is None:
            totals[kommune] = count
        else:
            by_age[kommune][age] = count
    result: dict[str, dict[int, int]] = {}
    for unit, ages in UNIT_AGES.items():
        counts: dict[int, int] = {}
        for kommune in set(totals) | set(by_age):
            if ages is None:
                counts[kommune] = totals.get(kommune, sum(by_age[kommune].values()))
            elif by_age.get(kommune):
                low, high = ages
                counts[kommune] = sum(n for age, n in by_age[kommune].items() if low <= age <= high)
        result[unit] = counts
    return result


def similar_size(own: int, inhabitants: dict[int, int], size: int = SIMILAR_SIZE) -> list[int]:
    """The `size` kommuner closest to the own in inhabitants (ties: the lower number)."""
    if own not in inhabitants:
        return []
    others = [code for code in inhabitants if code != own]
    others.sort(key=lambda code: (abs(inhabitants[code] - inhabitants[own]), code))
    return sorted(others[:size])


@dataclass
class AreaRow:
    area: ServiceArea
    unit: str
    figures: list[potential.Figure] = field(default_factory=list)  # own and group, cheapest first
    result: potential.Result | None = None
    problem: str = ""
    reference_name: str = ""

    @property
    def own_per_unit(self) -> int | None:
        return potential.per_unit_kr(self.result.own) if self.result else None

    @property
    def reference_per_unit(self) -> int | None:
        if self.result is None or self.result.reference is None:
            return None
        return potential.per_unit_kr(self.result.reference)

    @property
    def unit_label(self) -> str:
        return str(Unit(self.unit).label)

    @property
    def functions(self) -> str:
        return ", ".join(self.area.function_code_list())


@dataclass
class Overview:
    municipality: Municipality
    year: int | None
    years: list[int]
    group_codes: list[int]
    group: ComparisonGroup | None  # None: similar size
    rank: int
    realism_percent: int
    rows: list[AreaRow]
    datasets: list[Dataset]
    names: dict[int, str] = field(default_factory=dict)

    def name(self, code: int) -> str:
        return self.names.get(code, str(code))

    @property
    def with_result(self) -> list[AreaRow]:
        return [row for row in self.rows if row.result is not None]

    @property
    def without_result(self) -> list[AreaRow]:
        return [row for row in self.rows if row.result is None]

    @property
    def total_raw(self) -> int:
        return potential.totals(r.result for r in self.with_result if r.result)[0]

    @property
    def total_realistic(self) -> int:
        return potential.totals(r.result for r in self.with_result if r.result)[1]

    @property
    def group_names(self) -> list[str]:
        return [self.name(code) for code in self.group_codes]

    def row_for(self, area_id: int) -> AreaRow | None:
        return next((row for row in self.rows if row.area.pk == area_id), None)


def build_overview(
    municipality: Municipality,
    *,
    year: int | None,
    group: ComparisonGroup | None,
    rank: int,
    realism_percent: int,
    areas: list[ServiceArea] | None = None,
    years: list[int] | None = None,
) -> Overview:
    if areas is None:
        areas = list(ServiceArea.objects.of_municipality(municipality))
    if years is None:
        years = available_years(municipality)
    if year not in years:
        year = years[0] if years else None
    units = area_units(areas)
    rows = [AreaRow(area=area, unit=units[area.pk]) for area in areas]
    overview = Overview(
        municipality=municipality,
        year=year,
        years=years,
        group_codes=[],
        group=group,
        rank=rank,
        realism_percent=realism_percent,
        rows=rows,
        datasets=latest_datasets(municipality),
    )
    if year is None:
        for row in rows:
            row.problem = _("No figures yet.")
        return overview
    population = population_by_unit(municipality, year)
    own = municipality.code
    if group is not None:
        overview.group_codes = [code for code in group.codes() if code != own]
    else:
        overview.group_codes = similar_size(own, population[Unit.INHABITANTS])
    wanted = {own, *overview.group_codes}
    overview.names = kommune_names(wanted, municipality)
    functions = {code for area in areas for code in area.function_code_list()}
    spend: dict[tuple[int, str], int] = {
        (kommune, function): amount
        for kommune, function, amount in SpendingFigure.objects.filter(
            municipality=municipality, year=year, function__in=functions, kommune__in=wanted
        ).values_list("kommune", "function", "amount")
    }
    for row in rows:
        codes = row.area.function_code_list()
        if not codes:
            row.problem = _("The area has no kontoplan functions.")
            continue
        units_by_kommune = population[row.unit]
        figures = []
        for kommune in sorted(wanted):
            amounts = [spend[(kommune, code)] for code in codes if (kommune, code) in spend]
            if amounts and units_by_kommune.get(kommune, 0) > 0:
                figures.append(potential.Figure(kommune, sum(amounts), units_by_kommune[kommune]))
        row.figures = potential.ranked(figures)
        own_figure = next((f for f in figures if f.code == own), None)
        if own_figure is None:
            row.problem = _("No figures for your own kommune in %(year)s.") % {"year": year}
            continue
        if not any(f.code != own for f in figures):
            row.problem = _("No figures for the comparison group in %(year)s.") % {"year": year}
            continue
        row.result = potential.potential(own_figure, figures, rank, realism_percent)
        if row.result.reference is not None:
            row.reference_name = overview.name(row.result.reference.code)
    return overview


def latest_datasets(municipality: Municipality) -> list[Dataset]:
    """The newest import of each table, for the source line under the figures."""
    found = []
    for table in Table.values:
        dataset = Dataset.objects.filter(municipality=municipality, table=table).first()
        if dataset is not None:
            found.append(dataset)
    return found


def data_years(municipality: Municipality) -> dict[str, tuple[int | None, int | None]]:
    """The first and last year held for each table (for the data page)."""
    spending = SpendingFigure.objects.filter(municipality=municipality).aggregate(
        first=Min("year"), last=Max("year")
    )
    population = PopulationFigure.objects.filter(municipality=municipality).aggregate(
        first=Min("year"), last=Max("year")
    )
    return {
        Table.REGK31: (spending["first"], spending["last"]),
        Table.FOLK1A: (population["first"], population["last"]),
    }
