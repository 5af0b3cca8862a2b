"""`{% lineage proposal %}`: where a re-presented proposal comes from and what was decided."""

from __future__ import annotations

from typing import Any

from django import template

from raaderum.decisions.models import CarryOver, Decision
from raaderum.proposals.models import Proposal

register = template.Library()


@register.inclusion_tag("decisions/_lineage.html")
def lineage(proposal: Proposal) -> dict[str, Any]:
    """Nothing for a proposal that re-presents none; else the original, its round and decision.

    The viewer may see the proposal, so may see its original: both are of the same municipality.
    """
    original = proposal.previous
    if original is None:
        return {"original": None}
    decision = (
        Decision.objects.filter(published__proposal=original)
        .select_related("agreement")
        .order_by("-agreement__date")
        .first()
    )
    carry_over = CarryOver.objects.filter(proposal=proposal).first()
    return {
        "original": original,
        "original_round": original.round,
        "decision": decision,
        "carry_over": carry_over,
    }
