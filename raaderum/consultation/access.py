"""Loading consultations and their answers. Every query of them starts here.

Inside: the rules of raaderum.access (404 for another municipality, 403 without the right).
Outside: a public address shows a consultation only under its own municipality's slug. A later
visibility rule (a catalog confidential until a date) is added here: in `public_consultation`,
`public_consultations` and `consultation_proposals`, and every page and export follows.
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
from raaderum.consultation.models import Answer, Consultation
from raaderum.publication.models import PublishedProposal

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
    """The proposals citizens choose among, in catalog order, with their committees."""
    return consultation.proposals.select_related("committee").order_by("position")


def public_consultation(municipality_slug: str, public_id: UUID | str) -> Consultation:
    consultation = (
        Consultation.objects.select_related(*_LOADED)
        .filter(public_id=public_id, version__round__municipality__slug=municipality_slug)
        .first()
    )
    if consultation is None:
        raise Http404(_("Not found"))
    return consultation


def public_consultations(municipality: Municipality, today: date) -> QuerySet[Consultation]:
    """What the public list shows: open consultations, soonest closing first."""
    return (
        Consultation.objects.filter(
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
