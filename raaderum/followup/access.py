"""Who may see and change which initiative: raaderum.access's table, narrowed per initiative.

Every follow-up view loads its initiative or cycle here. Another municipality's object answers
404; a member without the right answers 403 (raaderum.access.require).

- Everyone in the municipality sees initiatives and approved assessments (VIEW_FOLLOWUP).
- Unapproved assessments (drafts, awaiting review) are internal: the administration sees them,
  politicians only once the budget office has approved them.
- An owner or director enters milestones and assessments for the initiatives they answer for:
  as the responsible person, or as the adopted proposal's owner or director. The budget office
  may do so for every initiative, and alone reviews, opens cycles and decides on initiatives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import visibility
from raaderum.followup.models import FollowUpCycle, Initiative
from raaderum.organisation.models import Municipality
from raaderum.publication.models import PublishedProposal

if TYPE_CHECKING:
    from raaderum.organisation.models import User


def get_initiative(user: User, round_id: UUID | str, code: str) -> Initiative:
    """The initiative of the round's adopted proposal `code`, for anyone who may follow up."""
    initiative = (
        Initiative.objects.select_related(
            "municipality",
            "responsible",
            "decision__agreement__round__municipality",
            "decision__published__proposal__owner",
            "decision__published__proposal__director",
            "decision__published__version",
        )
        .filter(decision__agreement__round__public_id=round_id, decision__published__code=code)
        .first()
    )
    if initiative is None:
        raise Http404(_("Not found"))
    membership = access.require(user, initiative.municipality_id, Action.VIEW_FOLLOWUP)
    published = initiative.decision.published
    if not visibility.visible_published(
        PublishedProposal.objects.filter(pk=published.pk), membership.role
    ).exists():
        raise Http404(_("Not found"))  # held back from politicians by its own level
    return initiative


def answers_for(user: User, initiative: Initiative) -> bool:
    """Is the user the responsible person, or the adopted proposal's owner or director?"""
    proposal = initiative.decision.published.proposal
    return user.pk in {initiative.responsible_id, proposal.owner_id, proposal.director_id} - {None}


def may_enter(user: User, initiative: Initiative) -> bool:
    role = access.role_in(user, initiative.municipality_id)
    if not access.role_may(role, Action.ENTER_REALISATION):
        return False
    return access.role_may(role, Action.MANAGE_FOLLOWUP) or answers_for(user, initiative)


def require_enter(user: User, initiative: Initiative) -> None:
    if not may_enter(user, initiative):
        raise PermissionDenied(
            _(
                "Only the responsible person, the proposal's owner and director, and the budget "
                "office may enter the follow-up of this initiative."
            )
        )


def may_review(user: User, municipality_id: int) -> bool:
    return access.role_may(access.role_in(user, municipality_id), Action.REVIEW_REALISATION)


def may_manage(user: User, municipality_id: int) -> bool:
    return access.role_may(access.role_in(user, municipality_id), Action.MANAGE_FOLLOWUP)


def sees_unapproved(user: User, municipality_id: int) -> bool:
    """Drafts and assessments awaiting review are the administration's, not the politicians'."""
    return access.role_may(access.role_in(user, municipality_id), Action.VIEW_CATALOG)


def get_cycle(municipality: Municipality, year: int) -> FollowUpCycle:
    """The municipality's cycle of the accounts year; load the municipality through
    raaderum.access.get_municipality first."""
    cycle = (
        FollowUpCycle.objects.select_related("opened_by")
        .filter(municipality=municipality, accounts_year=year)
        .first()
    )
    if cycle is None:
        raise Http404(_("Not found"))
    cycle.municipality = municipality
    return cycle
