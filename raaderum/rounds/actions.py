from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from raaderum.lib import concurrency
from raaderum.organisation.models import User
from raaderum.rounds.forms import PlanForm, RoundForm
from raaderum.rounds.models import BudgetRound, Phase, RoundYearTarget

ROUND_FIELDS = RoundForm.Meta.fields


def round_state(budget_round: BudgetRound) -> dict[str, object]:
    """What the round's form shows, by field name: the optimistic lock compares it."""
    state: dict[str, object] = {name: getattr(budget_round, name) for name in ROUND_FIELDS}
    for year, amount in budget_round.explicit_targets().items():
        state[f"year_target_{year}"] = amount
    return state


def plan_state(budget_round: BudgetRound) -> dict[str, object]:
    """What the process plan's form shows, by field name."""
    state: dict[str, object] = {"current_phase": budget_round.current_phase}
    for phase in budget_round.phases.all():
        state[f"{phase.kind}_starts_on"] = phase.starts_on
        state[f"{phase.kind}_deadline"] = phase.deadline
    return state


def _locked(budget_round: BudgetRound) -> BudgetRound:
    return BudgetRound.objects.select_for_update().get(pk=budget_round.pk)


@transaction.atomic
def do_save_round(form: RoundForm, *, user: User) -> BudgetRound:
    """Save a round and replace its explicit per-year targets.

    StaleState (nothing saved) when the round changed after the form was loaded."""
    if form.instance.pk is not None:
        concurrency.check(
            form.cleaned_data.get(concurrency.FIELD), round_state(_locked(form.instance))
        )
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


@transaction.atomic
def do_save_plan(budget_round: BudgetRound, form: PlanForm, *, user: User) -> BudgetRound:
    """Replace the round's phases and set its current phase, and tell the activity feed.

    StaleState (nothing saved) when the plan changed after the form was loaded."""
    from raaderum.communication.actions import do_record_event

    concurrency.check(form.cleaned_data.get(concurrency.FIELD), plan_state(_locked(budget_round)))
    phases = form.phases()
    budget_round.phases.exclude(kind__in=list(phases)).delete()
    for kind, (starts_on, deadline) in phases.items():
        Phase.objects.update_or_create(
            round=budget_round, kind=kind, defaults={"starts_on": starts_on, "deadline": deadline}
        )
    before = budget_round.current_phase
    budget_round.current_phase = form.cleaned_data.get("current_phase") or ""
    budget_round.save(update_fields=["current_phase"])
    if before != budget_round.current_phase and budget_round.current_phase:
        do_record_event(
            budget_round,
            actor=user,
            verb="phase",
            text=_("%(user)s moved the round to the phase %(phase)s.")
            % {"user": user, "phase": budget_round.get_current_phase_display()},
        )
    return budget_round
