from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.impactscreening.actions import (
    QuestionInUse,
    StaleAssessments,
    do_create_default_questions,
    do_delete_question,
    do_save_assessments,
    do_save_question,
    saved_answers,
)
from raaderum.impactscreening.forms import (
    AssessmentForm,
    QuestionForm,
    posted_with,
    snapshot,
)
from raaderum.impactscreening.models import ImpactQuestion, score_label
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Municipality


def get_question(user: object, public_id: str) -> ImpactQuestion:
    """A question of the user's municipality that the user may manage: 404 for another
    municipality's, 403 without the right."""
    question = (
        ImpactQuestion.objects.select_related("municipality").filter(public_id=public_id).first()
    )
    if question is None:
        raise Http404(_("Not found"))
    access.require(user, question.municipality_id, Action.MANAGE_IMPACT_QUESTIONS)  # type: ignore[arg-type]
    return question


@login_required
@require_http_methods(["GET", "POST"])
def question_list(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """The municipality's screening questions; a first visit can create the four defaults."""
    municipality = access.get_municipality(
        request.user, municipality_slug, Action.MANAGE_IMPACT_QUESTIONS
    )
    if request.method == "POST":
        created = do_create_default_questions(municipality)
        if created:
            messages.success(request, _("The four suggested questions were created."))
        return redirect("impact_questions", municipality_slug=municipality.slug)
    questions = ImpactQuestion.objects.filter(municipality=municipality).annotate(
        answer_count=Count("assessments")
    )
    return render(
        request,
        "impactscreening/question_list.html",
        {"municipality": municipality, "questions": questions},
    )


def _render_question_form(
    request: AuthenticatedHttpRequest,
    municipality: Municipality,
    form: QuestionForm,
    question: ImpactQuestion | None,
    *,
    status: int = 200,
    refusal: str = "",
) -> HttpResponse:
    return render(
        request,
        "impactscreening/question_form.html",
        {
            "municipality": municipality,
            "form": form,
            "question": question,
            "refusal": refusal,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(
        request.user, municipality_slug, Action.MANAGE_IMPACT_QUESTIONS
    )
    form = QuestionForm(request.POST or None, municipality=municipality)
    if request.method == "POST":
        if form.is_valid():
            question = do_save_question(municipality, None, form.model_fields())
            messages.success(
                request, _("The question “%(title)s” was created.") % {"title": question.title}
            )
            return redirect("impact_questions", municipality_slug=municipality.slug)
        return _render_question_form(request, municipality, form, None, status=422)
    return _render_question_form(request, municipality, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    question = get_question(request.user, question_id)
    municipality = question.municipality
    form = QuestionForm(request.POST or None, instance=question, municipality=municipality)
    if request.method == "POST":
        if form.is_valid():
            do_save_question(municipality, question, form.model_fields())
            messages.success(
                request, _("The question “%(title)s” was saved.") % {"title": question.title}
            )
            return redirect("impact_questions", municipality_slug=municipality.slug)
        return _render_question_form(request, municipality, form, question, status=422)
    return _render_question_form(request, municipality, form, question)


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    question = get_question(request.user, question_id)
    municipality = question.municipality
    try:
        do_delete_question(question)
    except QuestionInUse as refused:
        form = QuestionForm(instance=question, municipality=municipality)
        return _render_question_form(
            request, municipality, form, question, status=409, refusal=str(refused)
        )
    messages.success(
        request, _("The question “%(title)s” was deleted.") % {"title": question.title}
    )
    return redirect("impact_questions", municipality_slug=municipality.slug)


def _asked(municipality_id: int) -> list[ImpactQuestion]:
    return list(ImpactQuestion.objects.filter(municipality_id=municipality_id, retired=False))


@login_required
@require_http_methods(["GET", "POST"])
def proposal_screening(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    """The proposal's answers to the active questions, by those who may edit the proposal."""
    proposal = access.get_proposal(request.user, proposal_id, edit=True)
    questions = _asked(proposal.round.municipality_id)
    saved = saved_answers(proposal, questions)
    form = AssessmentForm(
        request.POST if request.method == "POST" else None, questions=questions, saved=saved
    )
    status = 200
    conflict: list[tuple[str, str, str]] = []
    if request.method == "POST":
        status = 422
        if form.is_valid():
            try:
                merged = do_save_assessments(
                    proposal, form.typed(), form.started(), user=request.user
                )
            except StaleAssessments as stale:
                status = 409
                typed = form.typed()
                by_pk = {q.pk: q for q in questions}
                conflict = [
                    (
                        by_pk[key].title,
                        _answer_text(by_pk[key], stale.saved.get(key, (None, ""))),
                        _answer_text(by_pk[key], typed[key]),
                    )
                    for key in sorted(stale.clashes, key=lambda k: questions.index(by_pk[k]))
                ]
                # The user's answers where they clash, the merge elsewhere; from the saved now.
                shown = {**stale.merged, **{key: typed[key] for key in stale.clashes}}
                form = AssessmentForm(
                    posted_with(request.POST, shown, questions, snapshot(stale.saved, questions)),
                    questions=questions,
                    saved=stale.saved,
                )
                form.is_valid()
            else:
                if merged:
                    messages.success(
                        request,
                        _(
                            "The screening was saved. Someone else had changed other answers "
                            "meanwhile; their answers were kept."
                        ),
                    )
                else:
                    messages.success(request, _("The screening was saved."))
                return redirect("proposal_detail", proposal_id=proposal.public_id)
    return render(
        request,
        "impactscreening/assessment_form.html",
        {
            "proposal": proposal,
            "round": proposal.round,
            "municipality": proposal.round.municipality,
            "form": form,
            "conflict": conflict,
        },
        status=status,
    )


def _answer_text(question: ImpactQuestion, answer: tuple[int | None, str]) -> str:
    score, text = answer
    label = score_label(question.scale, score)
    return f"{label}: {text}" if text else label
