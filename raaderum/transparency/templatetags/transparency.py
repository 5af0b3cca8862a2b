"""Filters of the public pages, and what the round page includes from this app.

{% load transparency %}{% publicity_links round %}
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.followup import realisation
from raaderum.organisation.models import Municipality
from raaderum.rounds.models import BudgetRound
from raaderum.transparency.models import RoundPublicity

register = template.Library()


@register.filter
def percent(rate: Fraction | None) -> int | None:
    """A realisation rate as a whole percentage (rounded in the follow-up's pure module)."""
    return realisation.percent(rate)


@register.inclusion_tag("transparency/_round_links.html", takes_context=True)
def publicity_links(context: template.Context, budget_round: BudgetRound) -> dict[str, Any]:
    """The public page's address when the round is public; the setting for the budget office."""
    role = access.role_in(context["user"], budget_round.municipality_id)
    public = RoundPublicity.objects.filter(
        round=budget_round, public=True, round__agreement__isnull=False
    ).exists()
    return {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "public": public,
        "may_manage": access.role_may(role, Action.MANAGE_PUBLICITY),
    }


@register.inclusion_tag("transparency/_public_page_link.html")
def public_page_link(municipality: Municipality) -> dict[str, Any]:
    """A link to the municipality's public page, for other public pages, once it has content."""
    return {
        "municipality": municipality,
        "has_public": BudgetRound.objects.filter(
            municipality=municipality, publicity__public=True, agreement__isnull=False
        ).exists(),
    }
