"""The demo round's strategy, and its evaluation: open now, answered by six of the demo's people,
with the budget office's first lessons (shown on the next round's page).

Idempotent like raaderum.demo: the strategy and the evaluation are one per round; a person's
answers are added only if the person has not answered (the record of who answered is kept
apart from the answers, so that is all the loader can know).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from django.utils import timezone

from raaderum.evaluation.actions import (
    QuestionData,
    do_answer_evaluation,
    do_save_evaluation,
    do_save_lessons,
    do_save_strategy,
)
from raaderum.evaluation.models import Evaluation, HeadroomWay, Participation, RoundStrategy
from raaderum.organisation.models import User
from raaderum.rounds.models import BudgetRound

STRATEGY = {
    "purpose": (
        "Kommunen skal finde 30 mio. kr. om året fra 2028 for at få balance i budgettet og "
        "have råd til flere ældre og flere børn i dagtilbud."
    ),
    "goals": (
        "Et katalog, der frigør mindst 30 mio. kr. om året fra 2028, så politikerne kan vælge. "
        "Færre, men større og tværgående forslag. Ingen forslag under 500.000 kr."
    ),
    "ways": [
        HeadroomWay.TARGETED.value,
        HeadroomWay.INVESTMENT.value,
        HeadroomWay.ANALYSIS.value,
        HeadroomWay.INVOLVEMENT.value,
    ],
    "knowledge_base": (
        "Nøgletal for de ti største udgiftsområder sammenlignet med lignende kommuner, "
        "erfaringer fra sidste års runde og idéer fra idébanken."
    ),
    "stakeholders": (
        "Kommunalbestyrelsen og fagudvalgene, direktionen, ledere og medarbejdere, MED-udvalg, "
        "borgere (borgermøde i marts) og partierne (partiforslag)."
    ),
    "ownership": (
        "Direktionen ejer kataloget. Hvert forslag har en forslagsejer, og tværgående forslag "
        "har en direktør som ejer fra start. Økonomi godkender alle beregninger."
    ),
}

SCALE = "scale"
TEXT = "text"
QUESTIONS = [
    ("Formålet med runden og målet var tydeligt.", SCALE),
    ("Min rolle og mine opgaver i runden var klare.", SCALE),
    ("Der var tid nok til at regne forslagene ordentligt igennem.", SCALE),
    ("Kataloget var let at læse for politikerne.", SCALE),
    ("Hvad skal vi gøre anderledes i næste runde?", TEXT),
]

# username -> answers in the order of QUESTIONS (a scale value or None, and the free text).
ANSWERS: dict[str, tuple[int | None, int | None, int | None, int | None, str]] = {
    "oekonomi": (
        5,
        4,
        2,
        4,
        "Beregningerne skal være klar tidligere, så vi kan nå at kvalitetssikre dem.",
    ),
    "direktoer": (4, 4, 2, 3, "Tværgående forslag skal have en direktør som ejer fra første dag."),
    "direktoer2": (4, 3, 3, 4, ""),
    "ejer": (3, 2, 1, None, "Skabelonen var for teknisk. Giv os et eksempel på et godt forslag."),
    "ejer2": (
        4,
        3,
        2,
        3,
        "Screen idéerne tidligere, så vi ikke regner på forslag, der alligevel falder.",
    ),
    "politiker2": (
        3,
        4,
        None,
        2,
        "Færre og større forslag, og skriv konsekvenserne for borgerne i klart sprog.",
    ),
}

LESSONS = [
    (
        "Idéerne screenes mod klare kriterier, før nogen regner på dem (mindst 500.000 kr., fuld "
        "effekt senest i 2030)."
    ),
    "Tværgående forslag får en direktør som ejer fra start.",
    "Forslagsejerne får et eksempel på et godt forslag og en beregningsskabelon i januar.",
    "Resuméet til politikerne skrives i klart sprog og holdes under LIX 40.",
]


def load_strategy_and_evaluation(budget_round: BudgetRound, users: Mapping[str, User]) -> None:
    office = users["oekonomi"]
    strategy = RoundStrategy.objects.filter(round=budget_round).first()
    if strategy is None or any(
        getattr(strategy, name) != value for name, value in STRATEGY.items()
    ):
        do_save_strategy(budget_round, STRATEGY, user=office)

    # Open now, relative to the day the demo is loaded, so that its people can answer it.
    today = timezone.localdate()
    fields = {
        "introduction": "Hjælp os med at gøre næste års runde bedre. Det tager fem minutter.",
        "opens_on": today - timedelta(days=10),
        "closes_on": today + timedelta(days=20),
    }
    evaluation = Evaluation.objects.filter(round=budget_round).first()
    if evaluation is not None and any(
        getattr(evaluation, name) != value for name, value in fields.items()
    ):
        evaluation = do_save_evaluation(budget_round, fields, [], [], user=office)
    if evaluation is None:
        evaluation = do_save_evaluation(
            budget_round,
            fields,
            [
                QuestionData(
                    pk=None,
                    text=text,
                    kind=kind,
                    low_label="Uenig" if kind == SCALE else "",
                    high_label="Enig" if kind == SCALE else "",
                    position=position,
                )
                for position, (text, kind) in enumerate(QUESTIONS, start=1)
            ],
            [],
            user=office,
        )
    questions = list(evaluation.questions.all())
    for username, values in ANSWERS.items():
        user = users[username]
        if Participation.objects.filter(evaluation=evaluation, user=user).exists():
            continue
        answers: dict[int, tuple[int | None, str]] = {
            question.pk: (
                value if isinstance(value, int) else None,
                value if isinstance(value, str) else "",
            )
            for question, value in zip(questions, values, strict=True)
        }
        do_answer_evaluation(evaluation, answers, user=user)
    if [lesson.text for lesson in evaluation.lessons.all()] != LESSONS:
        do_save_lessons(evaluation, LESSONS, user=office)
