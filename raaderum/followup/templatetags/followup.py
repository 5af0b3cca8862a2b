"""`{% followup_for proposal %}`: on a proposal's page, its follow-up once adopted, and what
earlier adopted proposals like it learned (raaderum.followup.history.lessons_for)."""

from __future__ import annotations

from typing import Any

from django import template

from raaderum.followup.history import lessons_for
from raaderum.followup.models import Initiative
from raaderum.proposals.models import Proposal

register = template.Library()


@register.inclusion_tag("followup/_lessons.html")
def followup_for(proposal: Proposal | None) -> dict[str, Any]:
    """The viewer may see the proposal, so may see its municipality's follow-up."""
    if proposal is None or proposal.pk is None:
        return {"lessons": [], "initiative": None}
    initiative = (
        Initiative.objects.filter(decision__published__proposal=proposal)
        .select_related("decision__published", "decision__agreement__round")
        .order_by("-decision__agreement__round__budget_year")
        .first()
    )
    return {"lessons": lessons_for(proposal), "initiative": initiative, "proposal": proposal}
