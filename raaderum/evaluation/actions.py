"""Writing strategies and evaluations. Views and the demo call these; nothing else writes them
raw."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.evaluation.models import (
    Answer,
    Evaluation,
    Lesson,
    Participation,
    Question,
    Response,
    RoundStrategy,
)
from raaderum.organisation.models import User
from raaderum.rounds.models import BudgetRound


class AlreadyAnswered(Exception):
    """The person has answered the evaluation before; nothing was saved."""


class QuestionsLocked(Exception):
    """Someone has answered, so the questions can no longer change."""


@dataclass(frozen=True)
class QuestionData:
    pk: int | None  # None for a new question
    text: str
    kind: str
    low_label: str
    high_label: str
    position: int | None  # None: after the others


@transaction.atomic
def do_save_strategy(
    budget_round: BudgetRound, fields: Mapping[str, Any], *, user: User
) -> RoundStrategy:
    strategy = RoundStrategy.objects.filter(round=budget_round).first() or RoundStrategy(
        round=budget_round
    )
    for name, value in fields.items():
        setattr(strategy, name, value)
    strategy.updated_by = user
    strategy.full_clean()
    strategy.save()
    do_record_event(
        budget_round,
        actor=user,
        verb="strategy_saved",
        text=_("%(user)s changed the strategy of the round.") % {"user": user},
    )
    return strategy


@transaction.atomic
def do_save_evaluation(
    budget_round: BudgetRound,
    fields: Mapping[str, Any],
    questions: Sequence[QuestionData],
    deleted: Sequence[int],
    *,
    user: User,
) -> Evaluation:
    """The evaluation's dates and introduction, and its questions while nobody has answered."""
    evaluation = Evaluation.objects.select_for_update().filter(
        round=budget_round
    ).first() or Evaluation(round=budget_round, created_by=user)
    for name, value in fields.items():
        setattr(evaluation, name, value)
    evaluation.full_clean()
    evaluation.save()
    if questions or deleted:
        if evaluation.responses.exists():
            raise QuestionsLocked
        own = {q.pk: q for q in evaluation.questions.all()}
        Question.objects.filter(evaluation=evaluation, pk__in=deleted).delete()
        last = max((q.position for q in own.values()), default=0)
        for data in questions:
            question = own.get(data.pk) if data.pk is not None else None
            if data.pk is not None and question is None:
                continue  # not this evaluation's question: ignore it
            if question is None:
                question = Question(evaluation=evaluation)
            question.text = data.text
            question.kind = data.kind
            question.low_label = data.low_label
            question.high_label = data.high_label
            if data.position is not None:
                question.position = data.position
            elif question.pk is None:
                last += 1
                question.position = last
            question.full_clean()
            question.save()
    do_record_event(
        budget_round,
        actor=user,
        verb="evaluation_saved",
        text=_("%(user)s changed the evaluation of the round.") % {"user": user},
    )
    return evaluation


def do_answer_evaluation(
    evaluation: Evaluation, answers: Mapping[int, tuple[int | None, str]], *, user: User
) -> None:
    """Record that the user has answered, and the answers without the user: one transaction,
    so there is never an answer without its participation or the other way round."""
    try:
        with transaction.atomic():
            Participation.objects.create(evaluation=evaluation, user=user)
            response = Response.objects.create(evaluation=evaluation)
            questions = {q.pk: q for q in evaluation.questions.all()}
            Answer.objects.bulk_create(
                Answer(
                    response=response,
                    question=questions[pk],
                    scale_value=value,
                    text=text,
                )
                for pk, (value, text) in answers.items()
                if pk in questions and (value is not None or text)
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error


@transaction.atomic
def do_save_lessons(evaluation: Evaluation, lessons: Sequence[str], *, user: User) -> list[Lesson]:
    """The lessons in the order given, replacing those written before."""
    evaluation.lessons.all().delete()
    saved = Lesson.objects.bulk_create(
        Lesson(evaluation=evaluation, text=text, position=position)
        for position, text in enumerate(lessons, start=1)
    )
    do_record_event(
        evaluation.round,
        actor=user,
        verb="lessons_saved",
        text=_("%(user)s wrote the lessons of the round.") % {"user": user},
    )
    return saved
