"""`{% lineage proposal %}`: where a re-presented proposal comes from and what was decided."""

from __future__ import annotations

from typing import Any

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.decisions import rules
from raaderum.decisions.actions import re_entries
from raaderum.decisions.models import CarryOver, Decision
from raaderum.proposals.models import Proposal

register = template.Library()


@register.inclusion_tag("decisions/_lineage.html", takes_context=True)
def lineage(context: template.Context, proposal: Proposal) -> dict[str, Any]:
    """Nothing for a proposal that re-presents none; else the original, its round and decision,
    how it was uprated, and whether its cooling-off period blocks it (with the way round it for
    the budget office).

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
    re_entry = None if carry_over else re_entries([proposal]).get(proposal.pk)
    request = context.get("request")
    user = getattr(request, "user", None)
    may_override = user is not None and access.role_may(
        access.role_in(user, proposal.round.municipality_id), Action.START_NEXT_ROUND
    )
    return {
        "original": original,
        "original_round": original.round,
        "decision": decision,
        "carry_over": carry_over,
        "steps": "; ".join(
            f"{start}–{end}: {rules.index_text(index)}"
            for start, end, index in (carry_over.steps() if carry_over else [])
        ),
        "re_entry": re_entry,
        "may_override": may_override,
        "proposal": proposal,
    }
