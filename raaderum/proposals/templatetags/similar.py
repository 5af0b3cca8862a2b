"""`{% similar_for draft round %}`: beside an idea or proposal being drafted, similar proposals
of the municipality's earlier rounds and similar entries of the idea bank
(raaderum.proposals.similar). Each part only for a viewer whose role may open it."""

from __future__ import annotations

from typing import Any

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.ideas.models import Idea
from raaderum.proposals.models import Proposal
from raaderum.proposals.similar import similar_to
from raaderum.rounds.models import BudgetRound

register = template.Library()


@register.inclusion_tag("proposals/_similar.html", takes_context=True)
def similar_for(
    context: template.Context, draft: Proposal | Idea | None, budget_round: BudgetRound
) -> dict[str, Any]:
    if draft is None or not draft.title:
        return {"similar": None}
    role = access.role_in(context["user"], budget_round.municipality_id)
    return {
        "similar": similar_to(
            draft,
            budget_round,
            proposals=access.role_may(role, Action.VIEW_CATALOG),
            bank=access.role_may(role, Action.VIEW_IDEA_BANK),
        )
    }
