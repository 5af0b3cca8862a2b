from __future__ import annotations

from django.db import transaction

from raaderum.organisation.models import User
from raaderum.rounds.forms import RoundForm
from raaderum.rounds.models import BudgetRound, RoundYearTarget


@transaction.atomic
def do_save_round(form: RoundForm, *, user: User) -> BudgetRound:
    """Save a round and replace its explicit per-year targets."""
    budget_round: BudgetRound = form.save(commit=False)
    if budget_round.pk is None:
        budget_round.created_by = user
    budget_round.save()
    if form.year_fields:
        budget_round.year_targets.all().delete()
        RoundYearTarget.objects.bulk_create(
            RoundYearTarget(round=budget_round, year=year, amount=amount)
            for year, amount in sorted(form.year_targets().items())
        )
    return budget_round
