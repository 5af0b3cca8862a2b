"""What the round page includes from this app, without extra view context.

{% load questions %}{% question_links round %}
"""

from __future__ import annotations

from typing import Any

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.questions.access import visible_questions
from raaderum.questions.models import QuestionStatus
from raaderum.rounds.models import BudgetRound

register = template.Library()


@register.inclusion_tag("questions/_round_links.html", takes_context=True)
def question_links(context: template.Context, budget_round: BudgetRound) -> dict[str, Any]:
    """How many questions the round has, how many wait for the user, and the links."""
    user = context["user"]
    role = access.role_in(user, budget_round.municipality_id)
    may_view = access.role_may(role, Action.VIEW_QUESTIONS)
    total = waiting = 0
    if may_view:
        visible = visible_questions(user, budget_round)
        total = visible.count()
        waiting = visible.filter(assignee=user, status=QuestionStatus.ASKED).count()
    return {
        "round": budget_round,
        "may_view": may_view,
        "may_ask": access.role_may(role, Action.ASK_QUESTION),
        "total": total,
        "waiting": waiting,
    }
