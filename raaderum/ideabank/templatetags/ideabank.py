"""What the idea page includes from this app, without extra view context:

{% load ideabank %}{% idea_bank_note idea %}

Where an idea of origin "idea bank" came from, and the budget office's link to share an idea in
the bank (or to where it was shared).
"""

from __future__ import annotations

from typing import Any

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.ideabank.models import BankIdea, BankIdeaUse
from raaderum.ideas.models import Idea

register = template.Library()


@register.inclusion_tag("ideabank/_idea_note.html", takes_context=True)
def idea_bank_note(context: template.Context, idea: Idea) -> dict[str, Any]:
    role = access.role_in(context["user"], idea.round.municipality_id)
    may_share = access.role_may(role, Action.MANAGE_IDEA_BANK)
    return {
        "idea": idea,
        "use": BankIdeaUse.objects.filter(idea=idea).select_related("bank_idea").first(),
        "may_share": may_share,
        "shared": BankIdea.objects.filter(shared_from=idea).first() if may_share else None,
    }
