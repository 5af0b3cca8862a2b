"""A selection of published proposals: totals against the target, FTE, consequences, warnings.

Glue between the ORM and the pure modules: every amount is decided in proposals.calculation.
Relations (alternatives, "requires") are kept on the live proposals by the budget office and
mapped onto a published version through `proposal_id`; they apply at once to every version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from raaderum.organisation.models import Committee
from raaderum.proposals import calculation
from raaderum.proposals.models import ProposalRelation, RelationKind
from raaderum.publication.models import CatalogVersion, PublishedProposal

# What the simulator needs of a published proposal; the long texts stay in the database.
LIST_FIELDS = (
    "id",
    "version_id",
    "proposal_id",
    "position",
    "code",
    "title",
    "committee_id",
    "headroom",
    "fte",
    "impact_score",
)


def clean_codes(values: Iterable[str]) -> list[str]:
    """Codes as sent by the form or typed into a URL: stripped, de-duplicated, in order."""
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip()
        if value and len(value) <= 12:
            seen.setdefault(value, None)
    return list(seen)


def chosen_proposals(version: CatalogVersion, codes: Sequence[str]) -> list[PublishedProposal]:
    """The published proposals with these codes; unknown codes are ignored (hand-edited URL)."""
    if not codes:
        return []
    # Only what the totals region shows: the effects, descriptions and calculation texts of a
    # few hundred proposals would cost more to load than the rest of the request.
    return list(
        version.proposals.filter(code__in=list(codes))
        .select_related("committee")
        .only(
            *LIST_FIELDS,
            "consequences_service",
            "consequences_citizens",
            "committee__name",
            "committee__position",
        )
        .order_by("position")
    )


@dataclass(frozen=True)
class Relation:
    kind: str
    proposal: PublishedProposal | None  # None: the live proposal is not in this version
    other: PublishedProposal | None


def relations_for(
    version: CatalogVersion, known: Sequence[PublishedProposal], *, all_of_version: bool = False
) -> list[Relation]:
    """Relations touching `known`, mapped onto the version; two queries at most.

    `all_of_version` says `known` is every proposal of the version, so no lookup is needed for
    the other ends.
    """
    by_live = {p.proposal_id: p for p in known}
    if not by_live:
        return []
    ids = list(by_live)
    rows = ProposalRelation.objects.filter(Q(proposal_id__in=ids) | Q(other_id__in=ids))
    pairs = list(rows.order_by("pk").values_list("kind", "proposal_id", "other_id"))
    missing = {i for _k, a, b in pairs for i in (a, b)} - set(by_live)
    if missing and not all_of_version:
        for published in version.proposals.filter(proposal_id__in=missing).only(*LIST_FIELDS):
            by_live[published.proposal_id] = published
    return [Relation(kind, by_live.get(a), by_live.get(b)) for kind, a, b in pairs]


def relation_warnings(
    chosen: Sequence[PublishedProposal], relations: Iterable[Relation]
) -> list[str]:
    """Alternatives chosen together and unmet "requires", in Danish, each pair once."""
    chosen_ids = {p.pk for p in chosen}
    found: list[str] = []
    seen: set[tuple[str, frozenset[int]]] = set()
    for relation in relations:
        a, b = relation.proposal, relation.other
        if a is None or a.pk not in chosen_ids:
            continue
        if relation.kind == RelationKind.EXCLUDES:
            if b is None or b.pk not in chosen_ids:
                continue
            pair = ("excludes", frozenset({a.pk, b.pk}))
            if pair in seen:
                continue
            seen.add(pair)
            found.append(
                _("%(a)s and %(b)s are alternatives: they cannot be chosen together.")
                % {"a": f"{a.code} {a.title}", "b": f"{b.code} {b.title}"}
            )
        elif relation.kind == RelationKind.REQUIRES:
            if b is None:
                found.append(
                    _("%(a)s requires a proposal that is not in this version of the catalog.")
                    % {"a": f"{a.code} {a.title}"}
                )
            elif b.pk not in chosen_ids:
                found.append(
                    _("%(a)s requires %(b)s, which is not chosen.")
                    % {"a": f"{a.code} {a.title}", "b": f"{b.code} {b.title}"}
                )
    return found


def fte_by_year(chosen: Iterable[PublishedProposal], years: Sequence[int]) -> dict[int, Decimal]:
    result = dict.fromkeys(years, Decimal(0))
    for proposal in chosen:
        for year, value in proposal.fte.items():
            if int(year) in result:
                result[int(year)] += Decimal(value)
    return result


@dataclass
class Group:
    committee: Committee
    subtotal: dict[int, int]
    count: int


@dataclass
class Selection:
    """What the totals region shows; shaped like proposals.catalog.Catalog for target_table."""

    years: list[int]
    total: dict[int, int]
    target: dict[int, int]
    status: list[calculation.YearStatus]
    fte: dict[int, Decimal]
    groups: list[Group]
    chosen: list[PublishedProposal]
    warnings: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.chosen)

    @property
    def codes(self) -> list[str]:
        return [p.code for p in self.chosen]

    @property
    def met(self) -> bool:
        return all(s.met for s in self.status)


def evaluate(
    version: CatalogVersion,
    chosen: Sequence[PublishedProposal],
    relations: Iterable[Relation],
    *,
    target: dict[int, int] | None = None,
) -> Selection:
    years = version.round.years
    totals = calculation.catalog_totals(
        (
            calculation.CatalogItem(key=p.pk, group=p.committee_id, headroom=p.headroom_by_year())
            for p in chosen
        ),
        years,
    )
    committees = {p.committee_id: p.committee for p in chosen}
    groups = sorted(
        (
            Group(committees[cid], subtotal, len(totals.keys[cid]))  # type: ignore[index]
            for cid, subtotal in totals.groups.items()
        ),
        key=lambda g: (g.committee.position, g.committee.name),
    )
    # The target as published with the version, not as the round says today.
    target = target if target is not None else version.target_by_year()
    return Selection(
        years=years,
        total=totals.total,
        target=target,
        status=calculation.target_status(totals.total, target),
        fte=fte_by_year(chosen, years),
        groups=groups,
        chosen=list(chosen),
        warnings=relation_warnings(chosen, relations),
    )
