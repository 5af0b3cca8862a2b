"""Loading ideas with the same rules as raaderum.access: 404 for another municipality, 403 for a
member without the right. Whoever submitted an idea may always read it."""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.ideas.models import Idea

if TYPE_CHECKING:
    from raaderum.organisation.models import User


def get_idea(user: User, public_id: UUID | str, action: Action = Action.VIEW_IDEAS) -> Idea:
    idea = (
        Idea.objects.select_related(
            "round__municipality",
            "submitted_by",
            "committee",
            "merged_into",
            "proposal__committee",
            "decided_by",
        )
        .filter(public_id=public_id)
        .first()
    )
    if idea is None:
        raise Http404(_("Not found"))
    membership = access.membership_for(user, idea.round.municipality_id)
    if membership is None:
        raise Http404(_("Not found"))
    if action == Action.VIEW_IDEAS and idea.submitted_by_id == user.pk:
        return idea
    if not access.role_may(membership.role, action):
        raise PermissionDenied(_("Your role does not allow this."))
    return idea
