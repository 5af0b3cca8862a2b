"""Publishing a round's catalog: check it, then freeze it as a new version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.confidentiality.models import Visibility
from raaderum.confidentiality.visibility import Marking, variant_key
from raaderum.organisation.models import Role, User
from raaderum.proposals import calculation
from raaderum.proposals.actions import do_create_proposal, do_save_effects
from raaderum.proposals.models import Proposal, ProposalRelation, ProposalStatus
from raaderum.publication.imports import ImportedProposal
from raaderum.publication.models import CatalogPdf, CatalogVersion, PdfStatus, PublishedProposal
from raaderum.rounds.models import BudgetRound


class PublishRefused(Exception):
    """The catalog is empty or inconsistent; `problems` says what, in Danish."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def catalog_proposals(budget_round: BudgetRound) -> list[Proposal]:
    """The proposals a publication would contain: those in the catalog, in catalog order."""
    return list(
        budget_round.proposals.filter(status=ProposalStatus.IN_CATALOG)
        .with_effects()
        .order_by("committee__position", "committee__name", "number")
    )


def problems_with(proposals: Iterable[Proposal]) -> list[str]:
    """Everything that must be mended before the catalog can go to the politicians."""
    found = []
    proposals = list(proposals)
    if not proposals:
        found.append(_("No proposal is in the catalog yet."))
    for proposal in proposals:
        if not proposal.effects.all():
            found.append(_("%(code)s has no effects.") % {"code": proposal.code})
        if proposal.is_cross_cutting() and not proposal.director_id:
            found.append(
                _("%(code)s is cross-cutting but has no director.") % {"code": proposal.code}
            )
        if not proposal.summary.strip():
            found.append(_("%(code)s has no plain-language summary.") % {"code": proposal.code})
    # A proposal entered by hand to re-present a rejected one is held to the decision's
    # cooling-off period as a carried-over one is (the decisions app decides; lazily imported,
    # as decisions builds on publication).
    from raaderum.decisions.actions import re_entries

    for re_entry in re_entries(proposals).values():
        if re_entry.blocked:
            found.append(
                re_entry.message()
                + " "
                + _("The budget office can let it through with a reason from the proposal's page.")
            )
    return found


@transaction.atomic
def do_publish_catalog(
    budget_round: BudgetRound,
    *,
    user: User,
    note: str = "",
    visibility: str = Visibility.CONFIDENTIAL,
    release_date: date | None = None,
) -> CatalogVersion:
    """Freeze the catalog as the next version, or refuse with every problem listed.

    `visibility` says who may read it (confidential to the politicians unless chosen otherwise);
    a version internal to the administration is announced to nobody.
    """
    BudgetRound.objects.select_for_update().filter(pk=budget_round.pk).first()
    proposals = catalog_proposals(budget_round)
    found = problems_with(proposals)
    if found:
        raise PublishRefused(found)
    highest = budget_round.catalog_versions.aggregate(n=Max("number"))["n"] or 0
    version = CatalogVersion.objects.create(
        round=budget_round,
        number=highest + 1,
        published_by=user,
        note=note.strip(),
        target={str(year): amount for year, amount in budget_round.target_by_year().items()},
        round_name=budget_round.name,
        price_level=budget_round.price_level_year,
        relations=frozen_relations(budget_round, proposals),
        visibility=visibility,
        release_date=release_date,
    )
    PublishedProposal.objects.bulk_create(
        _snapshot(version, position, proposal) for position, proposal in enumerate(proposals, 1)
    )
    # The impact screening's answers are frozen with the version (lazily: it builds on this app).
    from raaderum.impactscreening.actions import freeze_assessments

    freeze_assessments(version)
    politicians = User.objects.filter(
        memberships__municipality_id=budget_round.municipality_id,
        memberships__role=Role.POLITICIAN,
    )
    if visibility == Visibility.INTERNAL:
        politicians = politicians.none()
    do_record_event(
        budget_round,
        actor=user,
        verb="published",
        text=_("%(user)s published version %(number)s of the catalog with %(count)s proposals.")
        % {"user": user, "number": version.number, "count": len(proposals)},
        notify=politicians,
    )
    return version


def frozen_relations(
    budget_round: BudgetRound, proposals: Iterable[Proposal]
) -> list[dict[str, object]]:
    """The relations with an end among `proposals`, as CatalogVersion.relations stores them."""
    published = {proposal.pk for proposal in proposals}
    rows = (
        ProposalRelation.objects.filter(
            Q(proposal__round_id=budget_round.pk) | Q(other__round_id=budget_round.pk)
        )
        .order_by("pk")
        .values_list("kind", "proposal_id", "other_id")
    )
    return [
        {"kind": kind, "proposal": a, "other": b}
        for kind, a, b in rows
        if a in published or b in published
    ]


def _snapshot(version: CatalogVersion, position: int, proposal: Proposal) -> PublishedProposal:
    headroom = proposal.headroom_by_year()
    full_year = calculation.full_year_effect(headroom)
    return PublishedProposal(
        version=version,
        proposal=proposal,
        position=position,
        code=proposal.code,
        title=proposal.title,
        type=proposal.type,
        committee=proposal.committee,
        committee_name=proposal.committee.name,
        committee_code=proposal.committee.code,
        committee_position=proposal.committee.position,
        cross_cutting=proposal.is_cross_cutting(),
        summary=proposal.summary,
        description=proposal.description,
        consequences_service=proposal.consequences_service,
        consequences_citizens=proposal.consequences_citizens,
        consequences_staff=proposal.consequences_staff,
        risks=proposal.risks,
        calculation_basis=proposal.calculation_basis,
        assumptions=proposal.assumptions,
        owner_name=str(proposal.owner),
        director_name=str(proposal.director or ""),
        impact_score=proposal.impact_score if proposal.impact_score is not None else abs(full_year),
        headroom={str(year): amount for year, amount in headroom.items()},
        effects=[
            {
                "area": effect.service_area.name,
                "committee": effect.service_area.committee.code,
                "year": effect.year,
                "amount": effect.amount,
            }
            for effect in proposal.effects.all()
        ],
        fte={str(year): str(value) for year, value in proposal.fte_by_year().items()},
    )


# A PDF still "being made" after this long lost its worker; asking again starts it over.
STALE_PDF_AFTER = timedelta(minutes=15)


@dataclass(frozen=True)
class PdfVariant:
    """Which PDF of a version a reader gets: its mark and the proposals left out for them."""

    marking: Marking
    excluded: list[int]

    @property
    def key(self) -> str:
        return variant_key(self.marking, self.excluded)


@transaction.atomic
def do_request_pdf(version: CatalogVersion, variant: PdfVariant | None = None) -> CatalogPdf:
    """Start making the version's PDF in the background, unless it is made or being made.

    Each variant (mark and proposals left out, raaderum.confidentiality.visibility) is its own
    file: a PDF made before a release or a restriction is never served after it.
    """
    from raaderum.publication.tasks import build_catalog_pdf

    if variant is None:
        variant = PdfVariant(Marking(Visibility.PUBLIC), [])
    pdf, created = CatalogPdf.objects.select_for_update().get_or_create(
        version=version,
        variant=variant.key,
        defaults={
            "marking": variant.marking.level,
            "release_date": variant.marking.release_date,
            "excluded": variant.excluded,
        },
    )
    stale = pdf.in_progress and pdf.requested_at < timezone.now() - STALE_PDF_AFTER
    if not created and pdf.status != PdfStatus.FAILED and not stale:
        return pdf
    if not created:
        pdf.status, pdf.progress, pdf.error = PdfStatus.PENDING, 0, ""
        pdf.requested_at = timezone.now()
        pdf.save(update_fields=["status", "progress", "error", "requested_at"])
    # After commit: a worker in another process must find the row.
    transaction.on_commit(lambda: build_catalog_pdf.enqueue(pdf.pk))
    return pdf


@transaction.atomic
def do_import_proposals(
    budget_round: BudgetRound, imported: Iterable[ImportedProposal], *, user: User
) -> list[Proposal]:
    """Create every checked proposal as a draft with its effects; any failure saves nothing."""
    created = []
    for item in imported:
        proposal = do_create_proposal(
            budget_round,
            {
                "committee_id": item.committee_id,
                "title": item.title,
                "type": item.type,
                "owner_id": item.owner_id,
                "summary": item.summary,
                "description": item.description,
            },
            user=user,
        )
        if item.effects:
            proposal = do_save_effects(
                proposal, item.effects, {}, expected_version=proposal.version, user=user
            )
        created.append(proposal)
    return created
