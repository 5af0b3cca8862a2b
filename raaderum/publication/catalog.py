"""A published version as the politicians read it: proposals by committee against the target.

Built from the snapshot only (never from the live proposals, committees or round), with the same
pure functions as the internal catalog, so the page, the PDF and the Excel export show the same
figures. The result has the shape includes/target_table.html expects (years, total, target,
status).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import QuerySet
from django.urls import reverse

from raaderum.lib.money import format_tkr
from raaderum.proposals import calculation
from raaderum.proposals.models import ProposalType
from raaderum.publication.models import CatalogVersion, PublishedCommittee, PublishedProposal


@dataclass
class PublishedRow:
    proposal: PublishedProposal
    headroom: dict[int, int]
    type_label: str = ""
    url: str = ""

    @property
    def cells(self) -> list[str]:
        """Råderum per year in 1,000 kr., formatted once, in year order."""
        return [format_tkr(amount) for _year, amount in sorted(self.headroom.items())]

    @property
    def full_year(self) -> int:
        return calculation.full_year_effect(self.headroom)


@dataclass
class PublishedGroup:
    committee: PublishedCommittee  # as published: a renamed committee keeps its old name here
    rows: list[PublishedRow] = field(default_factory=list)
    subtotal: dict[int, int] = field(default_factory=dict)


@dataclass
class PublishedCatalog:
    version: CatalogVersion
    years: list[int]
    groups: list[PublishedGroup]
    total: dict[int, int]
    target: dict[int, int]
    status: list[calculation.YearStatus]
    count: int

    @property
    def rows(self) -> list[PublishedRow]:
        return [row for group in self.groups for row in group.rows]


def published_proposals(
    version: CatalogVersion, queryset: QuerySet[PublishedProposal] | None = None
) -> list[PublishedProposal]:
    """The version's proposals in catalog order, in one query (the committee is in the row);
    `queryset` narrows them to what a reader may see (publication.access.shown_proposals)."""
    if queryset is None:
        queryset = version.proposals.order_by("position")
    proposals = list(queryset)
    for proposal in proposals:
        proposal.version = version  # share one version object: no query per proposal
    return proposals


def build_published_catalog(
    version: CatalogVersion, proposals: list[PublishedProposal] | None = None
) -> PublishedCatalog:
    if proposals is None:
        proposals = published_proposals(version)
    years = version.round.years
    type_labels = {value: str(label) for value, label in ProposalType.choices}
    # One reverse() for the whole list: the URLs differ only by the proposal's code.
    placeholder = "CODE-PLACEHOLDER"
    url_pattern = reverse(
        "published_proposal", args=[version.round.public_id, version.number, placeholder]
    )
    groups: dict[int, PublishedGroup] = {}
    items = []
    for proposal in proposals:
        headroom = calculation.sum_by_year([proposal.headroom_by_year()], years)
        row = PublishedRow(
            proposal=proposal,
            headroom=headroom,
            type_label=type_labels.get(proposal.type, proposal.type),
            url=url_pattern.replace(placeholder, quote(proposal.code)),
        )
        group = groups.setdefault(
            proposal.committee_id, PublishedGroup(committee=proposal.published_committee)
        )
        group.rows.append(row)
        items.append(
            calculation.CatalogItem(key=proposal.pk, group=proposal.committee_id, headroom=headroom)
        )
    totals = calculation.catalog_totals(items, years)
    for group in groups.values():
        group.subtotal = totals.groups[group.committee.pk]
    target = version.target_by_year()
    return PublishedCatalog(
        version=version,
        years=years,
        groups=list(groups.values()),  # in publication order: committee by committee
        total=totals.total,
        target=target,
        status=calculation.target_status(totals.total, target),
        count=len(items),
    )
