"""Learning across rounds: earlier rounds' realisation rates beside a new catalog, and the
lessons of earlier proposals beside a similar one being drafted.

Only approved assessments count, and only those of rounds before the one looked at.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from raaderum.followup import realisation as calc
from raaderum.followup.models import Initiative, Realisation, ReviewState
from raaderum.organisation.models import Committee
from raaderum.proposals.models import Proposal, ProposalType
from raaderum.rounds.models import BudgetRound

LESSONS_SHOWN = 5


@dataclass
class RateRow:
    label: str
    totals: calc.Totals

    @property
    def percent(self) -> int | None:
        return calc.percent(self.totals.rate)


@dataclass
class History:
    """Realisation rates of a municipality's earlier rounds, to weigh a new catalog by."""

    by_type_and_committee: dict[tuple[str, int], calc.Totals]
    by_type: dict[str, calc.Totals]
    by_committee: dict[int, calc.Totals]
    overall: calc.Totals

    def rate_for(self, type: str, committee_id: int) -> Fraction | None:
        """The most specific rate there is history for: type and committee, type, committee,
        all earlier rounds; None without any history."""

        def rate(totals: calc.Totals | None) -> Fraction | None:
            return None if totals is None else totals.rate

        return calc.first_rate(
            rate(self.by_type_and_committee.get((type, committee_id))),
            rate(self.by_type.get(type)),
            rate(self.by_committee.get(committee_id)),
            self.overall.rate,
        )

    @property
    def empty(self) -> bool:
        return self.overall.rate is None


def history_before(budget_round: BudgetRound) -> History:
    """One query: every approved year of the municipality's earlier rounds."""
    found = Realisation.objects.filter(
        state=ReviewState.APPROVED,
        realised__isnull=False,
        initiative__municipality_id=budget_round.municipality_id,
        initiative__decision__agreement__round__budget_year__lt=budget_round.budget_year,
    ).values_list(
        "year",
        "realised",
        "initiative__expected",
        "initiative__decision__published__type",
        "initiative__decision__published__committee_id",
    )
    pairs = []
    for year, realised, expected, type, committee_id in found:
        line = calc.Line(year, int(expected.get(str(year), 0)), realised)
        pairs.append(((type, committee_id), line))
    lines = [line for _key, line in pairs]
    return History(
        by_type_and_committee=calc.totals_by(pairs),
        by_type=calc.totals_by((key[0], line) for key, line in pairs),
        by_committee=calc.totals_by((key[1], line) for key, line in pairs),
        overall=calc.totals(lines),
    )


@dataclass
class RiskAdjustment:
    history: History
    total: dict[int, int]  # risk-adjusted råderum per year of the catalog's proposals
    type_rows: list[RateRow]
    committee_rows: list[RateRow]


def risk_adjustment(
    budget_round: BudgetRound,
    proposals: Iterable[tuple[str, int, Mapping[int, int]]],
    years: list[int],
) -> RiskAdjustment | None:
    """(type, committee id, råderum per year) per proposal shown -> the risk-adjusted total;
    None when the municipality has no approved follow-up of earlier rounds."""
    history = history_before(budget_round)
    if history.empty:
        return None
    total = calc.risk_adjusted_total(
        (
            (headroom, history.rate_for(type, committee_id))
            for type, committee_id, headroom in proposals
        ),
        years,
    )
    type_labels = dict(ProposalType.choices)
    committees = {c.pk: c for c in Committee.objects.filter(pk__in=list(history.by_committee))}
    return RiskAdjustment(
        history=history,
        total=total,
        type_rows=[
            RateRow(str(type_labels[value]), history.by_type[value])
            for value in ProposalType.values
            if value in history.by_type
        ],
        committee_rows=[
            RateRow(committee.name, history.by_committee[committee.pk])
            for committee in sorted(committees.values(), key=lambda c: (c.position, c.name))
        ],
    )


@dataclass
class Lesson:
    realisation: Realisation
    initiative: Initiative

    @property
    def code(self) -> str:
        return self.initiative.published.code

    @property
    def title(self) -> str:
        return self.initiative.published.title


def lessons_for(proposal: Proposal, limit: int = LESSONS_SHOWN) -> list[Lesson]:
    """What earlier adopted proposals of the same type, committee or service area learned.

    Most recent first: the latest accounts year, then the latest approval.
    """
    areas = set(proposal.effects.values_list("service_area__name", flat=True))
    candidates = (
        Realisation.objects.filter(
            state=ReviewState.APPROVED,
            initiative__municipality_id=proposal.round.municipality_id,
            initiative__decision__published__type=proposal.type,
            initiative__decision__agreement__round__budget_year__lt=proposal.round.budget_year,
        )
        .exclude(learning="")
        .exclude(initiative__decision__published__proposal=proposal)
        .select_related(
            "initiative__decision__published",
            "initiative__decision__agreement__round",
        )
        .order_by("-year", "-reviewed_at", "-pk")
    )
    lessons = []
    for realisation in candidates:
        published = realisation.initiative.decision.published
        same_area = bool(areas & {effect["area"] for effect in published.effects})
        if published.committee_id == proposal.committee_id or same_area:
            lessons.append(Lesson(realisation, realisation.initiative))
            if len(lessons) == limit:
                break
    return lessons
