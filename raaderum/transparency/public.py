"""What the public may see: the one place that decides it, for the pages and the open data.

Public is, per municipality:
- rounds the budget office made public (`RoundPublicity.public`) that have a budget agreement;
- of those, the proposals the agreement adopted, as frozen in the catalog version the agreement
  was taken on (title, type, committee, plain-language summary, råderum per year);
- the follow-up's expected råderum per year and the responsible unit (never a person);
- if the round shows realisation: each year the budget office *approved*, with its realised
  amount, status and the administration's assessment and learning.

Making the round public releases its adopted proposals, whatever the level of the catalog
version the agreement was taken on; a proposal whose own level holds it back (internal, or
confidential until a release date: raaderum.confidentiality.rules) stays out until it is public.

Besides the agreements: every catalog version whose level is public today (chosen so, or
confidential with a release date that has come), with its public proposals, read-only.

Nothing else is read here: not rejected or deferred proposals, other catalog versions, drafts,
names of owners or directors, milestones, evidence, review notes, the reasons of follow-up
decisions, or assessments in draft, awaiting review or sent back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from uuid import UUID

from django.db.models import F, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raaderum.confidentiality import visibility
from raaderum.decisions.models import BudgetAgreement, Decision, Outcome
from raaderum.followup import realisation
from raaderum.followup.models import Initiative, Realisation, RealisationStatus, ReviewState
from raaderum.organisation.models import Municipality
from raaderum.proposals.models import ProposalType
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.rounds.models import BudgetRound
from raaderum.transparency.models import RoundPublicity

# An initiative with no approved year yet; not a status an owner can choose.
NOT_ASSESSED = "not_assessed"
NOT_ASSESSED_LABEL = gettext_lazy("Not assessed yet")


def status_choices() -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in RealisationStatus.choices] + [
        (NOT_ASSESSED, str(NOT_ASSESSED_LABEL))
    ]


def status_label(value: str) -> str:
    return str(dict(status_choices()).get(value, value))


def type_label(value: str) -> str:
    return str(dict(ProposalType.choices).get(value, value))


@dataclass(frozen=True)
class PublicYear:
    """One approved year of an initiative."""

    year: int
    realised: int | None
    status: str
    assessment: str
    learning: str

    @property
    def status_label(self) -> str:
        return status_label(self.status) if self.status else ""


@dataclass(frozen=True)
class YearRow:
    """One year of an initiative as shown: adopted, expected, and the approved assessment."""

    year: int
    adopted: int
    expected: int
    approved: PublicYear | None

    @property
    def realised(self) -> int | None:
        return None if self.approved is None else self.approved.realised


@dataclass
class PublicRound:
    round: BudgetRound
    agreement: BudgetAgreement
    show_realisation: bool
    initiatives: list[PublicInitiative] = field(default_factory=list)

    @property
    def public_id(self) -> UUID:
        return self.round.public_id

    # The name and price level as frozen with the catalog version the agreement was taken on:
    # the amounts are at that price level.
    @property
    def name(self) -> str:
        return self.agreement.version.round_name or self.round.name

    @property
    def price_level_year(self) -> int:
        return self.agreement.version.price_level

    @property
    def years(self) -> list[int]:
        found = set(self.round.years)
        for initiative in self.initiatives:
            found.update(initiative.years)
        return sorted(found)

    def lines(self) -> list[realisation.Line]:
        return [line for initiative in self.initiatives for line in initiative.lines()]

    @property
    def totals(self) -> realisation.Totals:
        return realisation.totals(self.lines())

    @property
    def assessed(self) -> bool:
        """Has any year of any initiative been approved?"""
        return any(initiative.assessed for initiative in self.initiatives)


@dataclass
class PublicInitiative:
    """An adopted proposal as the public sees it: only these fields ever reach a public page."""

    round: PublicRound
    key: int  # the published snapshot's id, for anchors on the page
    code: str
    title: str
    summary: str
    type: str
    committee_code: str
    committee_name: str
    responsible_unit: str
    rows: list[YearRow]

    @property
    def type_label(self) -> str:
        return type_label(self.type)

    @property
    def years(self) -> list[int]:
        return [row.year for row in self.rows]

    @property
    def show_realisation(self) -> bool:
        return self.round.show_realisation

    def lines(self) -> list[realisation.Line]:
        return [realisation.Line(row.year, row.expected, row.realised) for row in self.rows]

    @property
    def totals(self) -> realisation.Totals:
        return realisation.totals(self.lines())

    @property
    def rate(self) -> Fraction | None:
        return self.totals.rate

    @property
    def rate_percent(self) -> int | None:
        return realisation.percent(self.rate)

    @property
    def adopted_total(self) -> int:
        return sum(row.adopted for row in self.rows)

    @property
    def adjusted(self) -> bool:
        """Were the expected amounts changed by a recorded decision after the agreement?"""
        return any(row.adopted != row.expected for row in self.rows)

    @property
    def latest(self) -> PublicYear | None:
        approved = [row.approved for row in self.rows if row.approved is not None]
        return approved[-1] if approved else None

    @property
    def status(self) -> str:
        """The status of the latest approved year; `not_assessed` before the first."""
        latest = self.latest
        return latest.status if latest is not None and latest.status else NOT_ASSESSED

    @property
    def status_label(self) -> str:
        return status_label(self.status)

    @property
    def approved_years(self) -> list[PublicYear]:
        return [row.approved for row in self.rows if row.approved is not None]

    @property
    def assessed(self) -> bool:
        return any(row.approved is not None for row in self.rows)


def get_public_municipality(slug: str) -> Municipality:
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise Http404(_("Not found"))
    return municipality


def _public_query(municipality: Municipality) -> QuerySet[RoundPublicity]:
    return (
        RoundPublicity.objects.filter(
            public=True, round__municipality=municipality, round__agreement__isnull=False
        )
        .select_related("round__municipality", "round__agreement__version")
        .order_by("-round__budget_year", "round__name")
    )


def public_rounds(municipality: Municipality) -> list[PublicRound]:
    """Every public round of the municipality with its adopted proposals, newest first."""
    rounds = [
        PublicRound(p.round, p.round.agreement, p.show_realisation)
        for p in _public_query(municipality)
    ]
    _fill(rounds)
    return rounds


def public_round(municipality: Municipality, round_id: UUID | str) -> PublicRound:
    """One public round of this municipality; 404 for anything else (also other municipalities')."""
    found = _public_query(municipality).filter(round__public_id=round_id).first()
    if found is None:
        raise Http404(_("Not found"))
    result = PublicRound(found.round, found.round.agreement, found.show_realisation)
    _fill([result])
    return result


def preview_round(budget_round: BudgetRound, *, show_realisation: bool) -> PublicRound | None:
    """What the round would show if public (for the budget office's settings page)."""
    agreement = BudgetAgreement.objects.filter(round=budget_round).select_related("version").first()
    if agreement is None:
        return None
    result = PublicRound(budget_round, agreement, show_realisation)
    _fill([result])
    return result


def publicity_of(budget_round: BudgetRound) -> RoundPublicity | None:
    return RoundPublicity.objects.filter(round=budget_round).first()


def _fill(rounds: Sequence[PublicRound]) -> None:
    """Attach the adopted proposals and, where shown, their approved years. Three queries."""
    by_agreement = {r.agreement.pk: r for r in rounds}
    if not by_agreement:
        return
    decisions = list(
        visibility.visible_published(
            Decision.objects.filter(
                agreement__in=list(by_agreement),
                outcome=Outcome.ADOPTED,
                # Only the snapshot of the version the agreement was taken on.
                published__version=F("agreement__version"),
            ),
            None,
            prefix="published__",
        )
        .select_related("published", "initiative")
        .order_by("published__position")
    )
    # An adopted proposal may not have become an initiative yet: then it is followed up on
    # the adopted amounts, with no responsible unit.
    initiatives: dict[int, Initiative] = {
        d.pk: d.initiative for d in decisions if hasattr(d, "initiative")
    }
    shown = [
        initiatives[d.pk].pk
        for d in decisions
        if d.pk in initiatives and by_agreement[d.agreement_id].show_realisation
    ]
    approved: dict[int, dict[int, PublicYear]] = {}
    for initiative_id, year, realised, status, assessment, learning in Realisation.objects.filter(
        initiative__in=shown, state=ReviewState.APPROVED
    ).values_list("initiative_id", "year", "realised", "status", "assessment", "learning"):
        approved.setdefault(initiative_id, {})[year] = PublicYear(
            year, realised, status, assessment.strip(), learning.strip()
        )
    for decision in decisions:
        public = by_agreement[decision.agreement_id]
        published = decision.published
        initiative = initiatives.get(decision.pk)
        adopted = published.headroom_by_year()
        expected = initiative.expected_by_year() if initiative is not None else adopted
        years_of = approved.get(initiative.pk, {}) if initiative is not None else {}
        years = sorted(set(public.round.years) | set(adopted) | set(expected) | set(years_of))
        public.initiatives.append(
            PublicInitiative(
                round=public,
                key=published.pk,
                code=published.code,
                title=published.title,
                summary=published.summary,
                type=published.type,
                committee_code=published.committee_code,
                committee_name=published.committee_name,
                responsible_unit=initiative.responsible_unit if initiative is not None else "",
                rows=[
                    YearRow(year, adopted.get(year, 0), expected.get(year, 0), years_of.get(year))
                    for year in years
                ],
            )
        )


@dataclass(frozen=True)
class YearTotal:
    year: int
    adopted: int
    expected: int
    assessed: bool  # at least one initiative's year approved
    assessed_expected: int  # expected in the approved initiative-years only
    realised: int  # approved realised råderum
    rate_percent: int | None


def by_year(initiatives: Iterable[PublicInitiative]) -> list[YearTotal]:
    """Adopted, expected and approved realised råderum per year over the initiatives."""
    rows = [row for initiative in initiatives for row in initiative.rows]
    lines = [realisation.Line(row.year, row.expected, row.realised) for row in rows]
    return [
        YearTotal(
            year=year,
            adopted=sum(row.adopted for row in rows if row.year == year),
            expected=totals.expected,
            assessed=any(row.approved is not None for row in rows if row.year == year),
            assessed_expected=totals.assessed_expected,
            realised=totals.realised,
            rate_percent=realisation.percent(totals.rate),
        )
        for year, totals in realisation.by_year(lines).items()
    ]


def filter_initiatives(
    initiatives: Iterable[PublicInitiative], *, committee: str, type: str, status: str
) -> list[PublicInitiative]:
    return [
        i
        for i in initiatives
        if (not committee or i.committee_code == committee)
        and (not type or i.type == type)
        and (not status or (i.show_realisation and i.status == status))
    ]


def public_versions(municipality: Municipality) -> list[CatalogVersion]:
    """The municipality's catalog versions that are public today, newest round first."""
    return list(
        visibility.visible_versions(
            CatalogVersion.objects.filter(round__municipality=municipality), None
        )
        .select_related("round__municipality")
        .order_by("-round__budget_year", "round__name", "-number")
    )


def public_version(municipality: Municipality, round_id: UUID | str, number: int) -> CatalogVersion:
    """One public catalog version of this municipality; 404 for anything else."""
    version = (
        visibility.visible_versions(
            CatalogVersion.objects.filter(
                round__municipality=municipality, round__public_id=round_id, number=number
            ),
            None,
        )
        .select_related("round__municipality", "published_by")
        .first()
    )
    if version is None:
        raise Http404(_("Not found"))
    return version


def public_version_proposals(version: CatalogVersion) -> QuerySet[PublishedProposal]:
    """The version's proposals the public may see (those not held back by their own level)."""
    return visibility.with_own_levels(
        visibility.visible_published(version.proposals.order_by("position"), None)
    )
