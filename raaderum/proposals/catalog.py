"""The catalog of a round: proposals grouped by committee with råderum per year against target.

Glue between the ORM and the pure calculation module; every figure is decided in calculation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import Committee
from raaderum.proposals import calculation
from raaderum.proposals.models import Proposal, ProposalQuerySet
from raaderum.rounds.models import BudgetRound

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


def _sort_key(sort: str, years: Sequence[int]) -> object:
    if sort == "title":
        return lambda row: (row.proposal.title.lower(), row.proposal.number)
    if sort == "headroom_desc":
        return lambda row: (-row.full_year, row.proposal.number)
    if sort == "headroom_asc":
        return lambda row: (row.full_year, row.proposal.number)
    return lambda row: row.proposal.number


def build_catalog(
    budget_round: BudgetRound, proposals: Iterable[Proposal], *, sort: str = "code"
) -> Catalog:
    years = budget_round.years
    groups: dict[int, CatalogGroup] = {}
    items = []
    for proposal in proposals:
        proposal.round = budget_round  # share one round object: no query per proposal
        headroom = proposal.headroom_by_year()
        row = CatalogRow(
            proposal=proposal,
            headroom=headroom,
            full_year=calculation.full_year_effect(headroom),
            warnings=proposal.warnings(),
        )
        group = groups.setdefault(proposal.committee_id, CatalogGroup(committee=proposal.committee))
        group.rows.append(row)
        items.append(
            calculation.CatalogItem(key=proposal.pk, group=proposal.committee_id, headroom=headroom)
        )
    totals = calculation.catalog_totals(items, years)
    ordered = sorted(groups.values(), key=lambda g: (g.committee.position, g.committee.name))
    key = _sort_key(sort, years)
    for group in ordered:
        group.subtotal = totals.groups[group.committee.pk]
        group.rows.sort(key=key)  # type: ignore[arg-type]
    target = budget_round.target_by_year()
    return Catalog(
        years=years,
        groups=ordered,
        total=totals.total,
        target=target,
        status=calculation.target_status(totals.total, target),
        count=len(items),
    )
