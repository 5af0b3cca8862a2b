"""Expected against realised: the overview page and the political report read the same object.

Glue between the ORM and raaderum.followup.realisation, where every figure is decided. A year
counts as realised only once the budget office has approved its assessment, so the overview, the
report, the public page and the catalogs' risk adjustment all agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from raaderum.confidentiality import visibility
from raaderum.followup import realisation as calc
from raaderum.followup.models import Initiative, Realisation, ReviewState
from raaderum.organisation.models import Committee, Municipality
from raaderum.proposals.models import ProposalType
from raaderum.rounds.models import BudgetRound


@dataclass
class YearCell:
    year: int
    expected: int
    realisation: Realisation | None  # whatever state; shown to those who may see it

    @property
    def realised(self) -> int | None:
        """Counts only once approved."""
        r = self.realisation
        return r.realised if r is not None and r.state == ReviewState.APPROVED else None


@dataclass
class InitiativeRow:
    initiative: Initiative
    cells: list[YearCell]
    totals: calc.Totals

    @property
    def percent(self) -> int | None:
        return calc.percent(self.totals.rate)

    @property
    def approved(self) -> list[Realisation]:
        return [c.realisation for c in self.cells if c.realisation and c.realised is not None]


@dataclass
class Group:
    key: object
    label: str
    totals: calc.Totals

    @property
    def percent(self) -> int | None:
        return calc.percent(self.totals.rate)


@dataclass
class Overview:
    rows: list[InitiativeRow]
    years: list[int]
    by_year: dict[int, calc.Totals]
    by_type: list[Group]
    by_committee: list[Group]
    by_round: list[Group]
    total: calc.Totals
    committee: Committee | None = None
    round: BudgetRound | None = None
    committees: list[Committee] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        return calc.percent(self.total.rate)

    @property
    def year_rows(self) -> list[tuple[int, calc.Totals, int | None]]:
        return [(year, t, calc.percent(t.rate)) for year, t in self.by_year.items()]


def initiatives_of(
    municipality: Municipality,
    *,
    role: str | None,
    committee: Committee | None = None,
    budget_round: BudgetRound | None = None,
) -> list[Initiative]:
    """The initiatives the role may see: an adopted proposal held back from politicians by its
    own level (raaderum.confidentiality) stays with the administration."""
    initiatives = (
        Initiative.objects.filter(municipality=municipality)
        .select_related(
            "responsible",
            "decision__agreement__round",
            "decision__published__committee",
            "decision__published__proposal",
        )
        .prefetch_related(
            Prefetch(
                "realisations",
                queryset=Realisation.objects.order_by("year"),
            )
        )
        .order_by(
            "decision__agreement__round__budget_year",
            "decision__published__committee__position",
            "decision__published__position",
        )
    )
    if committee is not None:
        initiatives = initiatives.filter(decision__published__committee=committee)
    if budget_round is not None:
        initiatives = initiatives.filter(decision__agreement__round=budget_round)
    return list(visibility.visible_published(initiatives, role, prefix="decision__published__"))


def row_for(initiative: Initiative) -> InitiativeRow:
    realisations = {r.year: r for r in initiative.realisations.all()}
    cells = [
        YearCell(year, amount, realisations.get(year))
        for year, amount in sorted(initiative.expected_by_year().items())
    ]
    lines = [calc.Line(c.year, c.expected, c.realised) for c in cells]
    return InitiativeRow(initiative, cells, calc.totals(lines))


Order = dict[object, tuple[int, str]]


def _groups(pairs: list[tuple[object, str, calc.Line]], order: Order) -> list[Group]:
    labels = {key: label for key, label, _line in pairs}
    found = calc.totals_by((key, line) for key, _label, line in pairs)
    keys = sorted(found, key=lambda key: order[key])
    return [Group(key, labels[key], found[key]) for key in keys]


def build_overview(
    municipality: Municipality,
    *,
    role: str | None,
    committee: Committee | None = None,
    budget_round: BudgetRound | None = None,
) -> Overview:
    initiatives = initiatives_of(
        municipality, role=role, committee=committee, budget_round=budget_round
    )
    rows = [row_for(initiative) for initiative in initiatives]
    type_labels = {value: str(label) for value, label in ProposalType.choices}
    type_order: Order = {value: (n, "") for n, value in enumerate(ProposalType.values)}
    by_type: list[tuple[object, str, calc.Line]] = []
    by_committee: list[tuple[object, str, calc.Line]] = []
    by_round: list[tuple[object, str, calc.Line]] = []
    committee_order: Order = {}
    round_order: Order = {}
    lines = []
    for row in rows:
        published = row.initiative.published
        live = published.committee
        budget_round_of = row.initiative.round
        committee_order[live.pk] = (live.position, live.name)
        round_order[budget_round_of.pk] = (budget_round_of.budget_year, budget_round_of.name)
        for cell in row.cells:
            line = calc.Line(cell.year, cell.expected, cell.realised)
            lines.append(line)
            by_type.append((published.type, type_labels[published.type], line))
            by_committee.append((live.pk, live.name, line))
            by_round.append((budget_round_of.pk, budget_round_of.name, line))
    return Overview(
        rows=rows,
        years=sorted({line.year for line in lines}),
        by_year=calc.by_year(lines),
        by_type=_groups(by_type, type_order),
        by_committee=_groups(by_committee, committee_order),
        by_round=_groups(by_round, round_order),
        total=calc.totals(lines),
        committee=committee,
        round=budget_round,
    )
