"""What the round page includes from this app, without extra view context:

{% load evaluation %}{% round_strategy_and_evaluation round %}

The round's strategy, the lessons of the round before it, and the evaluation: a link to answer
it while it is open, and the budget office's links to set it up and read the answers.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from raaderum import access
from raaderum.access import Action
from raaderum.evaluation.lessons import lessons_for
from raaderum.evaluation.models import Evaluation, Participation, RoundStrategy
from raaderum.rounds.models import BudgetRound

register = template.Library()


@register.inclusion_tag("evaluation/_round_panel.html", takes_context=True)
def round_strategy_and_evaluation(
    context: template.Context, budget_round: BudgetRound
) -> dict[str, Any]:
    user = context["user"]
    role = access.role_in(user, budget_round.municipality_id)
    strategy = RoundStrategy.objects.filter(round=budget_round).first()
    evaluation = Evaluation.objects.filter(round=budget_round).first()
    today = timezone.localdate()
    may_answer = access.role_may(role, Action.ANSWER_EVALUATION)
    answered = (
        evaluation is not None
        and may_answer
        and Participation.objects.filter(evaluation=evaluation, user=user).exists()
    )
    return {
        "round": budget_round,
        "strategy": strategy if strategy is not None and not strategy.is_empty else None,
        "may_set_strategy": access.role_may(role, Action.SET_STRATEGY),
        "lessons": lessons_for(budget_round),
        "evaluation": evaluation,
        "evaluation_open": evaluation is not None and evaluation.is_open(today),
        "may_answer": may_answer,
        "answered": answered,
        "may_manage_evaluation": access.role_may(role, Action.MANAGE_EVALUATION),
    }
