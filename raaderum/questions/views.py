"""Budget questions: the round's list and exports, asking, answering, approving, routing, and
the public list of answers the budget office made public."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import visibility
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Municipality
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.questions import exports
from raaderum.questions.access import (
    answer_visible,
    askable_proposals,
    get_question,
    may_draft,
    public_questions,
    visible_questions,
)
from raaderum.questions.actions import (
    QuestionRefused,
    answerers,
    do_approve_answer,
    do_ask_question,
    do_return_answer,
    do_route_question,
    do_save_answer,
    do_save_question_settings,
    do_set_public,
    require_may_draft,
)
from raaderum.questions.forms import (
    AnswerForm,
    AskForm,
    PublicForm,
    ReviewForm,
    RouteForm,
    SettingsForm,
)
from raaderum.questions.models import Question, QuestionStatus, working_days_for
from raaderum.rounds.models import BudgetRound

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OVERDUE = "overdue"


def _chosen_status(value: str | None) -> str:
    # Unknown filter values are ignored rather than failing: the URL may be hand-edited.
    return value if value in (*QuestionStatus.values, OVERDUE) else ""


@login_required
@require_GET
def question_list(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_QUESTIONS)
    role = access.role_in(request.user, budget_round.municipality_id)
    today = timezone.localdate()
    visible = visible_questions(request.user, budget_round)
    by_status = dict(
        visible.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    chosen = _chosen_status(request.GET.get("status"))
    questions = visible.for_list()
    if chosen == OVERDUE:
        questions = questions.overdue(today)
    elif chosen:
        questions = questions.filter(status=chosen)
    rows = list(questions)
    for question in rows:
        question.overdue = question.is_overdue(today)  # type: ignore[attr-defined]
    template = "questions/question_list.html"
    if request.htmx and request.htmx.target == "question-result":
        template += "#question-result"
    return render(
        request,
        template,
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "questions": rows,
            "counts": [(s.value, s.label, by_status.get(s.value, 0)) for s in QuestionStatus],
            "total_count": sum(by_status.values()),
            "statuses": [*QuestionStatus.choices, (OVERDUE, _("Overdue"))],
            "chosen": chosen,
            "may_ask": access.role_may(role, Action.ASK_QUESTION),
            "may_manage": access.role_may(role, Action.MANAGE_QUESTIONS),
            "working_days": working_days_for(budget_round),
        },
    )


def _latest_version(
    budget_round: BudgetRound, number: str | None, role: str | None
) -> CatalogVersion | None:
    """The version asked about (or the newest) among those the role may see."""
    versions = visibility.visible_versions(CatalogVersion.objects.filter(round=budget_round), role)
    if number and number.isdigit() and len(number) < 6:
        return versions.filter(number=int(number)).first()
    return versions.order_by("-number").first()


@login_required
@require_http_methods(["GET", "POST"])
def question_ask(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """A politician's question about a proposal of the published catalog or about the round."""
    budget_round = access.get_round(request.user, round_id, Action.ASK_QUESTION)
    data = request.POST if request.method == "POST" else request.GET
    role = access.role_in(request.user, budget_round.municipality_id)
    version = _latest_version(budget_round, data.get("version"), role)
    proposals: QuerySet[PublishedProposal] = (
        askable_proposals(request.user, version) if version else PublishedProposal.objects.none()
    )
    initial: dict[str, Any] = {}
    code = request.GET.get("code")
    if request.method == "GET" and code and version:
        initial["proposal"] = proposals.filter(code=code).first()
    form = AskForm(request.POST or None, initial=initial, proposals=proposals)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            published = form.cleaned_data["proposal"]
            if published is not None:
                published.version = version
            try:
                question = do_ask_question(
                    budget_round,
                    user=request.user,
                    text=form.cleaned_data["text"],
                    published=published,
                )
            except QuestionRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request,
                    _(
                        "Your question has number %(number)s. %(who)s answers it by %(date)s; "
                        "you are told when the answer is approved."
                    )
                    % {
                        "number": question.number,
                        "who": question.assignee or _("The budget office"),
                        "date": formats.date_format(question.deadline, "j. F Y"),
                    },
                )
                return redirect("question_detail", question_id=question.public_id)
    return render(
        request,
        "questions/question_ask.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "form": form,
            "version": version,
            "working_days": working_days_for(budget_round),
        },
        status=status,
    )


def _render_detail(
    request: AuthenticatedHttpRequest,
    question: Question,
    *,
    status: int = 200,
    refused: str = "",
    **forms: Any,
) -> HttpResponse:
    user = request.user
    role = access.role_in(user, question.round.municipality_id)
    may_manage = access.role_may(role, Action.MANAGE_QUESTIONS)
    context: dict[str, Any] = {
        "round": question.round,
        "municipality": question.round.municipality,
        "question": question,
        "overdue": question.is_overdue(timezone.localdate()),
        "answer_visible": answer_visible(user, question),
        "may_see_proposal": access.role_may(role, Action.VIEW_CATALOG),
        "refused": refused,
        "answer_form": None,
        "review_form": None,
        "route_form": None,
        "public_form": None,
    }
    if may_draft(user, question):
        context["answer_form"] = forms.get("answer_form") or AnswerForm(
            initial={"answer": question.answer}
        )
    if question.status == QuestionStatus.SUBMITTED and access.role_may(role, Action.APPROVE_ANSWER):
        context["review_form"] = forms.get("review_form") or ReviewForm(
            initial={"public": question.public}
        )
    if may_manage and not question.is_answered:
        context["route_form"] = forms.get("route_form") or RouteForm(
            initial={"assignee": question.assignee, "deadline": question.deadline},
            answerers=answerers(question.round),
        )
    if may_manage and question.is_answered:
        context["public_form"] = forms.get("public_form") or PublicForm(
            initial={"public": question.public}
        )
    return render(request, "questions/question_detail.html", context, status=status)


@login_required
@require_GET
def question_detail(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    return _render_detail(request, get_question(request.user, question_id))


def _done(request: HttpRequest, question: Question, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("question_detail", question_id=question.public_id)


@login_required
@require_POST
def question_answer(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    """The assignee (or the budget office) saves the draft, or sends it for approval."""
    question = get_question(request.user, question_id)
    try:
        require_may_draft(request.user, question)
    except QuestionRefused as refused:
        return _render_detail(request, question, status=409, refused=str(refused))
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, question, status=422, answer_form=form)
    submit = request.POST.get("submit") == "1"
    try:
        question = do_save_answer(
            question, user=request.user, text=form.cleaned_data["answer"], submit=submit
        )
    except QuestionRefused as refused:
        return _render_detail(request, question, status=409, refused=str(refused))
    if submit and question.status == QuestionStatus.SUBMITTED:
        return _done(request, question, _("The answer is sent to the budget office for approval."))
    return _done(request, question, _("The draft answer is saved."))


@login_required
@require_POST
def question_review(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    """The budget office approves the answer, or sends it back with a note."""
    question = get_question(request.user, question_id)
    access.require(request.user, question.round.municipality_id, Action.APPROVE_ANSWER)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, question, status=422, review_form=form)
    try:
        if form.cleaned_data["decision"] == "approve":
            question = do_approve_answer(
                question, user=request.user, public=form.cleaned_data["public"]
            )
            message = _("The answer is approved. All the politicians can read it now.")
        else:
            question = do_return_answer(question, user=request.user, note=form.cleaned_data["note"])
            message = _("The answer is sent back with your note.")
    except QuestionRefused as refused:
        return _render_detail(request, question, status=409, refused=str(refused))
    return _done(request, question, message)


@login_required
@require_POST
def question_route(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    """The budget office gives the question to someone else, or moves the deadline."""
    question = get_question(request.user, question_id)
    access.require(request.user, question.round.municipality_id, Action.MANAGE_QUESTIONS)
    form = RouteForm(request.POST, answerers=answerers(question.round))
    if not form.is_valid():
        return _render_detail(request, question, status=422, route_form=form)
    try:
        question = do_route_question(
            question,
            user=request.user,
            assignee=form.cleaned_data["assignee"],
            deadline=form.cleaned_data["deadline"],
        )
    except QuestionRefused as refused:
        return _render_detail(request, question, status=409, refused=str(refused))
    return _done(request, question, _("The question's routing is saved."))


@login_required
@require_POST
def question_publicity(request: AuthenticatedHttpRequest, question_id: str) -> HttpResponse:
    question = get_question(request.user, question_id)
    access.require(request.user, question.round.municipality_id, Action.MANAGE_QUESTIONS)
    form = PublicForm(request.POST)
    form.is_valid()  # a checkbox: always valid
    question = do_set_public(question, user=request.user, public=form.cleaned_data["public"])
    if question.public:
        return _done(request, question, _("The answer is shown on the public pages."))
    return _done(request, question, _("The answer is not shown on the public pages."))


@login_required
@require_http_methods(["GET", "POST"])
def question_settings(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_QUESTIONS)
    form = SettingsForm(
        request.POST or None, initial={"working_days": working_days_for(budget_round)}
    )
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            do_save_question_settings(
                budget_round, user=request.user, working_days=form.cleaned_data["working_days"]
            )
            messages.success(request, _("The settings for budget questions are saved."))
            return redirect("question_list", round_id=budget_round.public_id)
    return render(
        request,
        "questions/question_settings.html",
        {"round": budget_round, "municipality": budget_round.municipality, "form": form},
        status=status,
    )


def _exported(request: AuthenticatedHttpRequest, round_id: str) -> exports.QuestionList:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_QUESTIONS)
    questions = list(visible_questions(request.user, budget_round).for_list())
    return exports.QuestionList(budget_round, questions, timezone.localdate())


@login_required
@require_GET
def question_export_xlsx(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    listing = _exported(request, round_id)
    response = HttpResponse(exports.workbook(listing), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{listing.filename("xlsx")}"'
    return response


@login_required
@require_GET
def question_export_pdf(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    listing = _exported(request, round_id)
    response = HttpResponse(exports.pdf(listing), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{listing.filename("pdf")}"'
    return response


@require_GET
def public_question_list(request: HttpRequest, municipality_slug: str) -> HttpResponse:
    """No login: the answers the budget office made public, newest round first."""
    municipality = Municipality.objects.filter(slug=municipality_slug).first()
    if municipality is None:
        raise Http404(_("Not found"))
    questions = list(
        public_questions(municipality)
        .select_related("round", "published_proposal")
        .order_by("-round__budget_year", "round__name", "number")
    )
    rounds: dict[int, dict[str, Any]] = {}
    for question in questions:
        rounds.setdefault(question.round_id, {"round": question.round, "questions": []})[
            "questions"
        ].append(question)
    return render(
        request,
        "questions/public_list.html",
        {"municipality": municipality, "rounds": list(rounds.values())},
    )
