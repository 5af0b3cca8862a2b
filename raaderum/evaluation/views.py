"""The round's strategy and its evaluation: setting it up, answering it, its summary and lessons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.evaluation import summary
from raaderum.evaluation.actions import (
    AlreadyAnswered,
    QuestionsLocked,
    do_answer_evaluation,
    do_save_evaluation,
    do_save_lessons,
    do_save_strategy,
)
from raaderum.evaluation.forms import (
    AnswerForm,
    EvaluationForm,
    LessonsForm,
    StrategyForm,
    question_formset,
)
from raaderum.evaluation.models import (
    Answer,
    Evaluation,
    Participation,
    QuestionKind,
    RoundStrategy,
)
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Membership


@login_required
@require_http_methods(["GET", "POST"])
def round_strategy(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SET_STRATEGY)
    strategy = RoundStrategy.objects.filter(round=budget_round).first()
    form = StrategyForm(request.POST or None, instance=strategy)
    if request.method == "POST" and form.is_valid():
        do_save_strategy(budget_round, form.model_fields(), user=request.user)
        messages.success(request, _("The strategy was saved."))
        return redirect("round_detail", round_id=budget_round.public_id)
    return render(
        request,
        "evaluation/strategy_form.html",
        {"form": form, "round": budget_round, "municipality": budget_round.municipality},
    )


def _evaluation(budget_round: Any) -> Evaluation | None:
    return Evaluation.objects.filter(round=budget_round).first()


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_edit(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The questionnaire: introduction, dates and questions (fixed once someone has answered)."""
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_EVALUATION)
    evaluation = _evaluation(budget_round)
    locked = evaluation is not None and evaluation.responses.exists()
    data = request.POST if request.method == "POST" else None
    form = EvaluationForm(data, instance=evaluation)
    formset = None if locked else question_formset(evaluation, data)
    if data is not None and form.is_valid() and (formset is None or formset.is_valid()):
        questions, deleted = formset.questions() if formset is not None else ([], [])
        try:
            do_save_evaluation(
                budget_round, form.model_fields(), questions, deleted, user=request.user
            )
        except QuestionsLocked:
            messages.error(
                request,
                _("Someone answered while you edited, so the questions were not changed."),
            )
        else:
            messages.success(request, _("The evaluation was saved."))
        return redirect("evaluation_edit", round_id=budget_round.public_id)
    return render(
        request,
        "evaluation/evaluation_form.html",
        {
            "form": form,
            "formset": formset,
            "locked": locked,
            "evaluation": evaluation,
            "round": budget_round,
            "municipality": budget_round.municipality,
        },
        status=422 if data is not None else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_answer(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """Answer once, anonymously, while the evaluation is open."""
    budget_round = access.get_round(request.user, round_id, Action.ANSWER_EVALUATION)
    evaluation = _evaluation(budget_round)
    today = timezone.localdate()
    answered = (
        evaluation is not None
        and Participation.objects.filter(evaluation=evaluation, user=request.user).exists()
    )
    is_open = evaluation is not None and evaluation.is_open(today)
    questions = list(evaluation.questions.all()) if evaluation is not None else []
    form = None
    status = 200
    if is_open and not answered and questions:
        # Bound on every POST: a form with no scale chosen posts nothing, and must say so.
        form = AnswerForm(request.POST if request.method == "POST" else None, questions=questions)
        if request.method == "POST" and form.is_valid():
            assert evaluation is not None
            try:
                do_answer_evaluation(evaluation, form.answers(), user=request.user)
            except AlreadyAnswered:
                answered = True
                form = None
                status = 409
            else:
                messages.success(request, _("Thank you. Your answers were saved anonymously."))
                return redirect("evaluation_answer", round_id=budget_round.public_id)
        elif request.method == "POST":
            status = 422
    elif request.method == "POST":
        status = 409  # closed, or answered already: nothing is saved
    return render(
        request,
        "evaluation/answer.html",
        {
            "form": form,
            "evaluation": evaluation,
            "answered": answered,
            "is_open": is_open,
            "not_yet": evaluation is not None and today < evaluation.opens_on,
            "round": budget_round,
            "municipality": budget_round.municipality,
        },
        status=status,
    )


@login_required
@require_GET
def evaluation_summary(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """Counts, means and free texts for the budget office, once enough people have answered."""
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_EVALUATION)
    evaluation = _evaluation(budget_round)
    context: dict[str, Any] = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "evaluation": evaluation,
        "min_responses": summary.MIN_RESPONSES,
    }
    if evaluation is not None:
        responses = evaluation.responses.count()
        participants = Membership.objects.filter(
            municipality_id=budget_round.municipality_id
        ).count()
        context.update(
            responses=responses,
            participants=participants,
            rate=summary.percent(responses, participants),
            show=summary.may_show_answers(responses),
            is_open=evaluation.is_open(timezone.localdate()),
            lessons=list(evaluation.lessons.all()),
        )
        if context["show"]:
            context["questions"] = _question_summaries(evaluation)
    return render(request, "evaluation/summary.html", context)


def _question_summaries(evaluation: Evaluation) -> list[dict[str, Any]]:
    questions = list(evaluation.questions.all())
    scale_counts: dict[int, list[int]] = {q.pk: [] for q in questions}
    for question_id, value, count in (
        Answer.objects.filter(question__evaluation=evaluation, scale_value__isnull=False)
        .values_list("question_id", "scale_value")
        .annotate(n=Count("pk"))
        .values_list("question_id", "scale_value", "n")
        .order_by()
    ):
        if value is not None:
            scale_counts[question_id].extend([value] * count)
    texts: dict[int, list[str]] = {q.pk: [] for q in questions}
    # Ordered by the random id, never by when they were written.
    for question_id, text in (
        Answer.objects.filter(question__evaluation=evaluation)
        .exclude(text="")
        .order_by("pk")
        .values_list("question_id", "text")
    ):
        texts[question_id].append(text)
    result = []
    for question in questions:
        entry: dict[str, Any] = {"question": question}
        if question.kind == QuestionKind.SCALE:
            figures = summary.scale_summary(scale_counts[question.pk])
            entry["scale"] = figures
            entry["rows"] = [
                (value, figures.counts[value], figures.share(value))
                for value in summary.SCALE_VALUES
            ]
        else:
            entry["texts"] = texts[question.pk]
        result.append(entry)
    return result


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_lessons(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_EVALUATION)
    evaluation = _evaluation(budget_round)
    lessons = list(evaluation.lessons.all()) if evaluation is not None else []
    form = LessonsForm(
        request.POST or None, initial={"lessons": "\n".join(lesson.text for lesson in lessons)}
    )
    # The lessons belong to the evaluation: without one the page says to set it up first.
    if request.method == "POST" and evaluation is not None and form.is_valid():
        do_save_lessons(evaluation, form.cleaned_data["lessons"], user=request.user)
        messages.success(request, _("The lessons were saved. The next round shows them."))
        return redirect("evaluation_summary", round_id=budget_round.public_id)
    return render(
        request,
        "evaluation/lessons_form.html",
        {
            "form": form,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "evaluation": evaluation,
        },
        status=(422 if evaluation is not None else 409) if request.method == "POST" else 200,
    )
