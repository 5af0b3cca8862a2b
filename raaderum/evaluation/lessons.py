"""Which earlier round's lessons a round shows: the round it was started from, else the latest
round of an earlier budget year of the same municipality."""

from __future__ import annotations

from django.db.models import Max

from raaderum.decisions.models import CarryOver
from raaderum.evaluation.models import Lesson
from raaderum.rounds.models import BudgetRound


def previous_rounds(budget_round: BudgetRound) -> list[BudgetRound]:
    """The rounds whose proposals were carried into this one ("start the next round"); if none,
    the rounds of the nearest earlier budget year."""
    carried_from = set(
        CarryOver.objects.filter(proposal__round=budget_round)
        .exclude(original__round=budget_round)
        .values_list("original__round_id", flat=True)
    )
    rounds = BudgetRound.objects.filter(municipality_id=budget_round.municipality_id)
    if carried_from:
        return list(rounds.filter(pk__in=carried_from))
    earlier = rounds.filter(budget_year__lt=budget_round.budget_year)
    year = earlier.aggregate(year=Max("budget_year"))["year"]
    return list(earlier.filter(budget_year=year)) if year is not None else []


def lessons_for(budget_round: BudgetRound) -> list[tuple[BudgetRound, list[Lesson]]]:
    """The lessons of the previous rounds, grouped by round; rounds without lessons left out."""
    previous = previous_rounds(budget_round)
    if not previous:
        return []
    lessons = Lesson.objects.filter(evaluation__round__in=previous).select_related(
        "evaluation__round"
    )
    grouped: dict[int, list[Lesson]] = {}
    for lesson in lessons:
        grouped.setdefault(lesson.evaluation.round_id, []).append(lesson)
    return [(r, grouped[r.pk]) for r in previous if r.pk in grouped]
