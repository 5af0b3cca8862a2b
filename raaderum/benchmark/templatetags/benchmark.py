"""What the round page includes from this app, without extra view context.

{% include "benchmark/_round_distribution.html" %}   (needs `round`; loads `round_target_shares`)
"""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from raaderum import access
from raaderum.access import Action
from raaderum.benchmark import targets
from raaderum.benchmark.models import TargetDistribution
from raaderum.rounds.models import BudgetRound

register = template.Library()


@dataclass
class RoundShares:
    may_view: bool
    may_manage: bool
    saved: TargetDistribution | None
    table: targets.ShareTable | None


@register.simple_tag(takes_context=True)
def round_target_shares(context: template.Context, budget_round: BudgetRound) -> RoundShares:
    """The saved distribution of the round's target per committee, for those who may see it."""
    role = access.role_in(context["user"], budget_round.municipality_id)
    may_view = access.role_may(role, Action.VIEW_BENCHMARK)
    saved, table = targets.saved_table(budget_round) if may_view else (None, None)
    return RoundShares(
        may_view=may_view,
        may_manage=access.role_may(role, Action.MANAGE_BENCHMARK),
        saved=saved,
        table=table,
    )
