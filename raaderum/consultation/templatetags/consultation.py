"""What the round page includes from this app, without extra view context.

{% load consultation %}{% consultation_links round %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from raaderum import access
from raaderum.access import Action
from raaderum.consultation.access import round_consultations
from raaderum.rounds.models import BudgetRound

register = template.Library()


@register.inclusion_tag("consultation/_round_links.html", takes_context=True)
def consultation_links(context: template.Context, budget_round: BudgetRound) -> dict[str, Any]:
    role = access.role_in(context["user"], budget_round.municipality_id)
    may_view = access.role_may(role, Action.VIEW_CONSULTATION_SUMMARY)
    today = timezone.localdate()
    return {
        "round": budget_round,
        "may_view": may_view,
        "may_manage": access.role_may(role, Action.MANAGE_CONSULTATION),
        "has_versions": may_view and budget_round.catalog_versions.exists(),
        "open_count": round_consultations(budget_round)
        .filter(opens_on__lte=today, closes_on__gte=today)
        .count()
        if may_view
        else 0,
    }
