"""Loading consultations and their answers. Every query of them starts here.

Inside: the rules of raaderum.access (404 for another municipality, 403 without the right).
Outside: a public address shows a consultation only under its own municipality's slug, and
only while its catalog version is public (raaderum.confidentiality.rules: chosen so, or
confidential with a release date that has come); its proposals are those that are public too.
A version restricted again after the consultation was opened takes the consultation off the
public pages with it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import visibility
from raaderum.consultation.models import Answer, Consultation
from raaderum.publication.models import CatalogVersion, PublishedProposal

if TYPE_CHECKING:
    from raaderum.organisation.models import Municipality, User
    from raaderum.rounds.models import BudgetRound

_LOADED = ("version__round__municipality", "created_by")


def get_consultation(
    user: User, public_id: UUID | str, action: Action = Action.VIEW_CONSULTATION_SUMMARY
) -> Consultation:
    consultation = Consultation.objects.select_related(*_LOADED).filter(public_id=public_id).first()
    if consultation is None:
        raise Http404(_("Not found"))
    access.require(user, consultation.version.round.municipality_id, action)
    return consultation


def round_consultations(budget_round: BudgetRound) -> QuerySet[Consultation]:
    return Consultation.objects.filter(version__round=budget_round).select_related(*_LOADED)


def consultation_proposals(consultation: Consultation) -> QuerySet[PublishedProposal]:
    """The proposals citizens choose among, in catalog order, with their committees: only those
    public today (a proposal held back after the consultation opened drops out)."""
    return visibility.visible_published(
        consultation.proposals.select_related("committee").order_by("position"), None
    )


def openable_versions(budget_round: BudgetRound) -> QuerySet[CatalogVersion]:
    """The round's catalog versions a consultation may be opened on: the public ones."""
    return visibility.visible_versions(budget_round.catalog_versions.all(), None)


def openable_proposals(version: CatalogVersion) -> QuerySet[PublishedProposal]:
    """The version's proposals citizens may be shown: the public ones."""
    return visibility.visible_published(version.proposals.all(), None)


def public_consultation(municipality_slug: str, public_id: UUID | str) -> Consultation:
    consultation = (
        visibility.visible_versions(Consultation.objects.all(), None, prefix="version__")
        .select_related(*_LOADED)
        .filter(public_id=public_id, version__round__municipality__slug=municipality_slug)
        .first()
    )
    if consultation is None:
        raise Http404(_("Not found"))
    return consultation


def public_consultations(municipality: Municipality, today: date) -> QuerySet[Consultation]:
    """What the public list shows: open consultations, soonest closing first."""
    return (
        visibility.visible_versions(Consultation.objects.all(), None, prefix="version__")
        .filter(
            version__round__municipality=municipality, opens_on__lte=today, closes_on__gte=today
        )
        .select_related(*_LOADED)
        .order_by("closes_on", "title")
    )


def summary_answers(consultation: Consultation) -> QuerySet[Answer]:
    return Answer.objects.filter(consultation=consultation)


def summary_comments(consultation: Consultation, *, with_hidden: bool) -> QuerySet[Answer]:
    """Answers with a comment, newest first; hidden ones only for the budget office."""
    comments = summary_answers(consultation).exclude(comment="").select_related("hidden_by")
    if not with_hidden:
        comments = comments.filter(comment_hidden=False)
    return comments.order_by("-pk")
