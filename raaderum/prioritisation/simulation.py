"""A selection of published proposals: totals against the target, FTE, consequences, warnings.

Glue between the ORM and the pure modules: every amount is decided in proposals.calculation.
Everything is read as published: the committees and the relations (alternatives, "requires")
are the copies frozen with the version, so a relation the budget office adds or removes later
applies from the next published version, as an impact score does.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol

from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils.translation import gettext as _

from raaderum.proposals import calculation
from raaderum.proposals.models import RelationKind
from raaderum.publication.models import CatalogVersion, PublishedCommittee, PublishedProposal

# What the simulator needs of a published proposal; the long texts stay in the database.
LIST_FIELDS = (
    "id",
    "version_id",
    "proposal_id",
    "position",
    "code",
    "title",
    "committee_id",
    "committee_name",
    "committee_code",
    "committee_position",
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
        .only(*LIST_FIELDS, "consequences_service", "consequences_citizens")
        .order_by("position")
    )


class Listed(Protocol):
    """What the totals, the warnings and the relations read of a chosen proposal.

    A PublishedProposal, or a Row where a toggle needs only this much of a few hundred.
    """

    @property
    def pk(self) -> Any: ...
    @property
    def proposal_id(self) -> int: ...
    @property
    def code(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def committee_id(self) -> int: ...
    @property
    def published_committee(self) -> PublishedCommittee: ...
    @property
    def fte(self) -> Any: ...
    def headroom_by_year(self) -> dict[int, int]: ...


@dataclass(slots=True)
class Row:
    """A published proposal as one toggle of the simulator reads it: plain values, no model."""

    pk: int
    proposal_id: int
    code: str
    title: str
    committee_id: int
    published_committee: PublishedCommittee
    headroom: dict[str, int]
    fte: dict[str, str]
    consequences_service: str
    consequences_citizens: str

    def headroom_by_year(self) -> dict[int, int]:
        return {int(year): int(amount) for year, amount in self.headroom.items()}


# The JSON columns as text, decoded here: Django's JSONField decoding costs about as much as
# the rest of the query for a few hundred rows.
_ROW_COLUMNS = (
    "pk",
    "proposal_id",
    "code",
    "title",
    "committee_id",
    "committee_name",
    "committee_code",
    "committee_position",
    "headroom_text",
    "fte_text",
    "consequences_service",
    "consequences_citizens",
)


def chosen_rows(version: CatalogVersion, codes: Sequence[str]) -> list[Row]:
    """The published proposals with these codes as Rows, in catalog order; one query.

    Unknown codes are ignored (hand-edited URL), as in chosen_proposals.
    """
    if not codes:
        return []
    values = (
        PublishedProposal.objects.filter(version_id=version.pk, code__in=list(codes))
        .annotate(headroom_text=Cast("headroom", TextField()), fte_text=Cast("fte", TextField()))
        .order_by("position")
        .values_list(*_ROW_COLUMNS)
    )
    rows = list(values)
    # One decode for all the JSON of the selection rather than two per row: [h1, f1, h2, ...].
    decoded = json.loads("[" + ",".join(f"{r[8]},{r[9] or '{}'}" for r in rows) + "]")
    committees: dict[int, PublishedCommittee] = {}
    chosen = []
    for i, row in enumerate(rows):
        pk, live, code, title, cid, name, short, position, _h, _f, service, citizens = row
        committee = committees.get(cid)
        if committee is None:
            committee = committees[cid] = PublishedCommittee(cid, name, short, position)
        chosen.append(
            Row(
                pk,
                live,
                code,
                title,
                cid,
                committee,
                decoded[2 * i],
                decoded[2 * i + 1],
                service,
                citizens,
            )
        )
    return chosen


@dataclass(frozen=True)
class Relation:
    kind: str
    proposal: Listed | None  # None: the live proposal is not in this version
    other: Listed | None


def relations_for(
    version: CatalogVersion, known: Sequence[Listed], *, all_of_version: bool = False
) -> list[Relation]:
    """The version's frozen relations touching `known`, mapped onto it; one query at most.

    `all_of_version` says `known` is every proposal of the version, so no lookup is needed for
    the other ends. Never the live relations: the version shows them as they were published.
    """
    by_live: dict[int, Listed] = {p.proposal_id: p for p in known}
    if not by_live:
        return []
    pairs = [(kind, a, b) for kind, a, b in version.relation_rows() if a in by_live or b in by_live]
    missing = {i for _k, a, b in pairs for i in (a, b)} - set(by_live)
    if missing and not all_of_version:
        for published in version.proposals.filter(proposal_id__in=missing).only(*LIST_FIELDS):
            by_live[published.proposal_id] = published
    return [Relation(kind, by_live.get(a), by_live.get(b)) for kind, a, b in pairs]


def relation_warnings(chosen: Sequence[Listed], relations: Iterable[Relation]) -> list[str]:
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


def fte_by_year(chosen: Iterable[Listed], years: Sequence[int]) -> dict[int, Decimal]:
    result = dict.fromkeys(years, Decimal(0))
    for proposal in chosen:
        for year, value in proposal.fte.items():
            if int(year) in result:
                result[int(year)] += Decimal(value)
    return result


@dataclass
class Group:
    committee: PublishedCommittee
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
    chosen: list[Listed]
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
    chosen: Sequence[Listed],
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
    committees = {p.committee_id: p.published_committee for p in chosen}
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
