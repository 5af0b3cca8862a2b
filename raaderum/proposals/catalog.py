"""The catalog of a round: proposals grouped by committee with råderum per year against target.

Glue between the ORM and the pure calculation module; every figure is decided in calculation.
The effects are read as plain tuples in one query: a catalog of 300 proposals has 2,400 effects,
and building a model instance for each costs more than the rest of the page.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING
from uuid import UUID

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from raaderum.lib.money import format_tkr
from raaderum.lib.text import danish_sort_key
from raaderum.organisation.models import Committee
from raaderum.proposals import calculation
from raaderum.proposals.models import (
    Effect,
    Proposal,
    ProposalQuerySet,
    ProposalStatus,
    ProposalType,
    committees_touched,
)
from raaderum.rounds.models import BudgetRound

if TYPE_CHECKING:
    from raaderum.followup.history import RiskAdjustment

SORTS = {
    "code": _("Code"),
    "title": _("Title"),
    "headroom_desc": _("Largest full-year effect first"),
    "headroom_asc": _("Smallest full-year effect first"),
}


@dataclass
class CatalogRow:
    proposal: Proposal
    headroom: dict[int, int]
    full_year: int
    warnings: list[str]
    type_label: str = ""
    status_label: str = ""
    url: str = ""
    cross_cutting: bool = False

    @property
    def cells(self) -> list[str]:
        """Råderum per year in 1,000 kr., formatted once, in year order."""
        return [format_tkr(amount) for _year, amount in sorted(self.headroom.items())]


@dataclass
class CatalogGroup:
    committee: Committee
    rows: list[CatalogRow] = field(default_factory=list)
    subtotal: dict[int, int] = field(default_factory=dict)


@dataclass
class Catalog:
    years: list[int]
    groups: list[CatalogGroup]
    total: dict[int, int]
    target: dict[int, int]
    status: list[calculation.YearStatus]
    count: int
    round: BudgetRound | None = None

    @cached_property
    def risk(self) -> RiskAdjustment | None:
        """The total weighed by earlier rounds' realisation rates (one query, when shown)."""
        from raaderum.followup.history import risk_adjustment

        if self.round is None:
            return None
        rows = [row for group in self.groups for row in group.rows]
        return risk_adjustment(
            self.round,
            [(row.proposal.type, row.proposal.committee_id, row.headroom) for row in rows],
            self.years,
        )


def filter_proposals(
    proposals: ProposalQuerySet, *, committee: str = "", type: str = "", status: str = ""
) -> ProposalQuerySet:
    if committee:
        proposals = proposals.filter(committee__code=committee)
    if type:
        proposals = proposals.filter(type=type)
    if status:
        proposals = proposals.filter(status=status)
    return proposals


def _sort_key(sort: str) -> Callable[[CatalogRow], tuple[object, ...]]:
    if sort == "title":
        return lambda row: (danish_sort_key(row.proposal.title), row.proposal.number)
    if sort == "headroom_desc":
        return lambda row: (-row.full_year, row.proposal.number)
    if sort == "headroom_asc":
        return lambda row: (row.full_year, row.proposal.number)
    return lambda row: (row.proposal.number,)


def effect_lines(proposal_ids: Iterable[int]) -> dict[int, list[tuple[int, int, int]]]:
    """proposal id -> [(committee id, year, amount)] in one query."""
    lines: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    rows = Effect.objects.filter(proposal_id__in=list(proposal_ids)).values_list(
        "proposal_id", "service_area__committee_id", "year", "amount"
    )
    for proposal_id, committee_id, year, amount in rows:
        lines[proposal_id].append((committee_id, year, amount))
    return lines


def build_catalog(
    budget_round: BudgetRound, proposals: Iterable[Proposal], *, sort: str = "code"
) -> Catalog:
    years = budget_round.years
    proposals = list(proposals)
    lines = effect_lines(p.pk for p in proposals)
    groups: dict[int, CatalogGroup] = {}
    items = []
    # Choice labels are lazy translations; resolve each once, not once per row.
    type_labels = {value: str(label) for value, label in ProposalType.choices}
    status_labels = {value: str(label) for value, label in ProposalStatus.choices}
    # One reverse() for the whole list: the detail URL differs only by the proposal's UUID.
    placeholder = UUID(int=0)
    url_pattern = reverse("proposal_detail", args=[placeholder])
    committees = {
        c.pk: c for c in Committee.objects.filter(municipality=budget_round.municipality_id)
    }
    for proposal in proposals:
        proposal.round = budget_round  # share one round object: no query per proposal
        proposal.committee = committees[proposal.committee_id]
        own = lines.get(proposal.pk, [])
        touched = committees_touched(proposal.committee_id, (c for c, _y, _a in own))
        headroom = calculation.headroom_by_year(((y, a) for _c, y, a in own), years)
        row = CatalogRow(
            proposal=proposal,
            headroom=headroom,
            full_year=calculation.full_year_effect(headroom),
            warnings=calculation.warnings(
                proposal.type,
                headroom,
                has_director=proposal.director_id is not None,
                committee_ids=touched,
            ),
            type_label=type_labels[proposal.type],
            status_label=status_labels[proposal.status],
            url=url_pattern.replace(str(placeholder), str(proposal.public_id)),
            cross_cutting=calculation.is_cross_cutting(touched),
        )
        group = groups.setdefault(proposal.committee_id, CatalogGroup(committee=proposal.committee))
        group.rows.append(row)
        items.append(
            calculation.CatalogItem(key=proposal.pk, group=proposal.committee_id, headroom=headroom)
        )
    totals = calculation.catalog_totals(items, years)
    ordered = sorted(groups.values(), key=lambda g: (g.committee.position, g.committee.name))
    key = _sort_key(sort)
    for group in ordered:
        group.subtotal = totals.groups[group.committee.pk]
        group.rows.sort(key=key)
    target = budget_round.target_by_year()
    return Catalog(
        years=years,
        groups=ordered,
        total=totals.total,
        target=target,
        status=calculation.target_status(totals.total, target),
        count=len(items),
        round=budget_round,
    )
