from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.ideas import bulk, screening, spam
from raaderum.ideas.access import get_idea
from raaderum.ideas.actions import (
    IdeaAlreadyScreened,
    MergeTargetClosed,
    do_import_ideas,
    do_merge_idea,
    do_pass_idea,
    do_reject_idea,
    do_save_assessment,
    do_save_screening_rules,
    do_submit_idea,
    do_submit_public_idea,
    screening_state,
)
from raaderum.ideas.forms import (
    AssessmentForm,
    IdeaForm,
    ImportForm,
    MergeForm,
    PartyProposalForm,
    PassForm,
    PublicIdeaForm,
    RejectForm,
    ScreeningRulesForm,
    criterion_formset,
)
from raaderum.ideas.models import (
    Assessment,
    Idea,
    IdeaStatus,
    ScreeningRules,
    accepts_party_proposals,
)
from raaderum.lib import concurrency, money
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Role
from raaderum.proposals.models import Origin
from raaderum.rounds.models import BudgetRound

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def idea_list(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_IDEAS)
    chosen = {"status": request.GET.get("status", ""), "origin": request.GET.get("origin", "")}
    # Unknown filter values are ignored rather than failing: the URL may be hand-edited.
    if chosen["status"] not in IdeaStatus.values:
        chosen["status"] = ""
    if chosen["origin"] not in Origin.values:
        chosen["origin"] = ""
    by_status = dict(
        budget_round.ideas.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    ideas = budget_round.ideas.for_list()
    if chosen["status"]:
        ideas = ideas.filter(status=chosen["status"])
    if chosen["origin"]:
        ideas = ideas.filter(origin=chosen["origin"])
    role = access.role_in(request.user, budget_round.municipality_id)
    context = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "ideas": list(ideas),
        "counts": [(s.value, s.label, by_status.get(s.value, 0)) for s in IdeaStatus],
        "total_count": sum(by_status.values()),
        "statuses": IdeaStatus.choices,
        "origins": Origin.choices,
        "chosen": chosen,
        "filtered": any(chosen.values()),
        "may_submit": access.role_may(role, Action.SUBMIT_IDEA),
        "may_screen": access.role_may(role, Action.SCREEN_IDEAS),
        "may_import": access.role_may(role, Action.IMPORT_IDEAS),
    }
    template = "ideas/idea_list.html"
    if request.htmx and request.htmx.target == "idea-result":
        template += "#idea-result"
    return render(request, template, context)


@login_required
@require_GET
def my_ideas(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_ROUND)
    role = access.role_in(request.user, budget_round.municipality_id)
    ideas = budget_round.ideas.filter(submitted_by=request.user).select_related(
        "merged_into", "proposal__committee"
    )
    return render(
        request,
        "ideas/my_ideas.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "ideas": list(ideas),
            "may_see_proposals": access.role_may(role, Action.VIEW_CATALOG),
            # Only screeners see which idea another was merged with: it may be another party's.
            "may_screen": access.role_may(role, Action.SCREEN_IDEAS),
            "may_submit": access.role_may(role, Action.SUBMIT_IDEA),
            "may_submit_party": access.role_may(role, Action.SUBMIT_PARTY_PROPOSAL),
        },
    )


def _submit(
    request: AuthenticatedHttpRequest,
    budget_round: BudgetRound,
    form: IdeaForm | PartyProposalForm,
    *,
    is_open: bool,
    party: bool,
) -> HttpResponse:
    """The shared half of the idea and party-proposal forms: closed, invalid or saved."""
    if request.method == "POST" and is_open and form.is_valid():
        do_submit_idea(budget_round, form.model_fields(), user=request.user)
        messages.success(
            request,
            _("Your party proposal was submitted. The administration will cost it.")
            if party
            else _("Thank you. Your idea was submitted and will be screened."),
        )
        return redirect("my_ideas", round_id=budget_round.public_id)
    return render(
        request,
        "ideas/idea_form.html",
        {
            "form": form,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "party": party,
            "is_open": is_open,
        },
        # Posting to a closed round changes nothing and says why.
        status=409 if request.method == "POST" and not is_open else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def idea_create(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SUBMIT_IDEA)
    form = IdeaForm(
        request.POST or None,
        initial={"origin": Origin.EMPLOYEE},
        municipality=budget_round.municipality,
    )
    return _submit(request, budget_round, form, is_open=budget_round.accepts_ideas, party=False)


@login_required
@require_http_methods(["GET", "POST"])
def party_proposal_create(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.SUBMIT_PARTY_PROPOSAL)
    membership = access.membership_for(request.user, budget_round.municipality_id)
    form = PartyProposalForm(
        request.POST or None,
        initial={"party_name": membership.party if membership else ""},
        municipality=budget_round.municipality,
    )
    return _submit(
        request, budget_round, form, is_open=accepts_party_proposals(budget_round), party=True
    )


def _screening_rows(
    idea: Idea, rules: ScreeningRules | None, assessment: Assessment | None
) -> list[dict[str, Any]]:
    """The standard criteria with the round's rule, the assessed value and met/not met."""
    minimum = rules.min_amount if rules else None
    latest = rules.latest_full_effect_year if rules else None
    estimate = assessment.estimated_amount if assessment else idea.estimated_amount
    year = assessment.full_effect_year if assessment else None
    decision = assessment.needs_political_decision if assessment else None
    results = screening.standard_results(
        estimate=estimate,
        minimum=minimum,
        full_effect_year=year,
        latest_year=latest,
        needs_political_decision=decision,
    )
    labels = {
        screening.AMOUNT: (
            _("Amount a year"),
            _("At least %(amount)s") % {"amount": _kr(minimum)}
            if minimum is not None
            else _("No minimum set"),
            _kr(estimate) if estimate is not None else _("Not estimated"),
        ),
        screening.FULL_EFFECT: (
            _("Full effect"),
            _("In %(year)s at the latest") % {"year": latest}
            if latest is not None
            else _("No latest year set"),
            str(year) if year is not None else _("Not assessed"),
        ),
        screening.POLITICAL_DECISION: (
            _("Political decision"),
            _("Needs a political decision"),
            _("Not assessed") if decision is None else (_("Yes") if decision else _("No")),
        ),
    }
    return [
        {
            "label": labels[r.code][0],
            "rule": labels[r.code][1],
            "value": labels[r.code][2],
            "met": r.met,
        }
        for r in results
    ]


def _kr(amount: int | None) -> str:
    return "" if amount is None else money.format_kr(amount)


def _render_detail(
    request: AuthenticatedHttpRequest,
    idea: Idea,
    *,
    forms: dict[str, Any] | None = None,
    status: int = 200,
    refused: str = "",
) -> HttpResponse:
    budget_round = idea.round
    role = access.role_in(request.user, budget_round.municipality_id)
    may_view = access.role_may(role, Action.VIEW_IDEAS)
    may_see_criteria = access.role_may(role, Action.SCREEN_IDEAS)
    may_screen = may_see_criteria and idea.is_open
    context: dict[str, Any] = {
        "idea": idea,
        "round": budget_round,
        "municipality": budget_round.municipality,
        "may_view": may_view,
        "may_screen": may_screen,
        "may_see_criteria": may_see_criteria,
        "show_email": role == Role.BUDGET_OFFICE,
        "may_see_proposal": access.role_may(role, Action.VIEW_CATALOG),
        "refused": refused,
    }
    if may_view:
        rules = ScreeningRules.objects.filter(round=budget_round).first()
        criteria = list(budget_round.screening_criteria.all())
        assessment = (
            Assessment.objects.select_related("assessed_by")
            .prefetch_related("answers")
            .filter(idea=idea)
            .first()
        )
        answers = {a.criterion_id: a for a in assessment.answers.all()} if assessment else {}
        free = [
            {
                "criterion": c,
                "met": answers[c.pk].met if c.pk in answers else None,
                "note": answers[c.pk].note if c.pk in answers else "",
            }
            for c in criteria
        ]
        standard = _screening_rows(idea, rules, assessment)
        context.update(
            assessment=assessment,
            standard_rows=standard,
            free_rows=free,
            overall=screening.overall(
                [row["met"] for row in standard] + [row["met"] for row in free]
            ),
            merged_ideas=list(idea.merged_ideas.all()),
        )
        if may_screen:
            forms = forms or {}
            context.update(
                assess_form=forms.get("assess")
                or AssessmentForm(idea=idea, criteria=criteria, assessment=assessment),
                pass_form=forms.get("pass") or PassForm(idea=idea),
                reject_form=forms.get("reject") or RejectForm(),
                merge_form=forms.get("merge") or MergeForm(idea=idea),
            )
    return render(request, "ideas/idea_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def idea_detail(request: AuthenticatedHttpRequest, idea_id: str) -> HttpResponse:
    """The idea, its screening, and the screening decisions (each a POST with `decision`)."""
    if request.method == "GET":
        return _render_detail(request, get_idea(request.user, idea_id, Action.VIEW_IDEAS))
    idea = get_idea(request.user, idea_id, Action.SCREEN_IDEAS)
    decision = request.POST.get("decision", "")
    if decision not in {"assess", "pass", "reject", "merge"}:
        return HttpResponseBadRequest(_("Unknown decision."))
    try:
        return _decide(request, idea, decision)
    except IdeaAlreadyScreened as screened:
        return _refuse_screened(request, screened.idea)
    except MergeTargetClosed:
        # Screened by someone else between the form's check and the lock.
        return _render_detail(
            request,
            get_idea(request.user, idea.public_id),
            status=409,
            refused=_("The other idea has just been screened; please try again."),
        )


def _refuse_screened(request: AuthenticatedHttpRequest, idea: Idea) -> HttpResponse:
    return _render_detail(
        request,
        get_idea(request.user, idea.public_id),
        status=409,
        refused=_("The idea has already been screened (%(status)s), so nothing was changed.")
        % {"status": idea.get_status_display().lower()},
    )


def _decide(request: AuthenticatedHttpRequest, idea: Idea, decision: str) -> HttpResponse:
    if not idea.is_open:
        raise IdeaAlreadyScreened(idea)
    if decision == "assess":
        criteria = list(idea.round.screening_criteria.all())
        assessment = Assessment.objects.filter(idea=idea).first()
        assess = AssessmentForm(request.POST, idea=idea, criteria=criteria, assessment=assessment)
        if assess.is_valid():
            do_save_assessment(
                idea, assess.assessment_fields(), assess.answers(), user=request.user
            )
            messages.success(request, _("The assessment was saved."))
            return redirect("idea_detail", idea_id=idea.public_id)
        return _render_detail(request, idea, forms={"assess": assess})
    if decision == "pass":
        passing = PassForm(request.POST, idea=idea)
        if passing.is_valid():
            proposal = do_pass_idea(
                idea,
                type=passing.cleaned_data["type"],
                committee=passing.cleaned_data["committee"],
                owner=passing.cleaned_data["owner"],
                director=passing.cleaned_data["director"],
                user=request.user,
            )
            messages.success(
                request,
                _("The idea passed screening and became proposal %(code)s.")
                % {"code": proposal.code},
            )
            if access.may_edit_proposal(request.user, proposal):
                return redirect("proposal_effects", proposal_id=proposal.public_id)
            return redirect("proposal_detail", proposal_id=proposal.public_id)
        return _render_detail(request, idea, forms={"pass": passing})
    if decision == "reject":
        reject = RejectForm(request.POST)
        if reject.is_valid():
            do_reject_idea(idea, reason=reject.cleaned_data["reason"], user=request.user)
            messages.success(request, _("The idea was rejected. The reason is kept with it."))
            return redirect("idea_detail", idea_id=idea.public_id)
        return _render_detail(request, idea, forms={"reject": reject})
    merge = MergeForm(request.POST, idea=idea)
    if merge.is_valid():
        into = merge.cleaned_data["into"]
        do_merge_idea(idea, into=into, user=request.user)
        messages.success(
            request, _("The idea was merged into “%(title)s”.") % {"title": into.title}
        )
        return redirect("idea_detail", idea_id=idea.public_id)
    return _render_detail(request, idea, forms={"merge": merge})


@login_required
@require_http_methods(["GET", "POST"])
def screening_criteria(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The round's screening rules and free criteria: screeners read, the budget office edits."""
    budget_round = access.get_round(request.user, round_id, Action.SCREEN_IDEAS)
    role = access.role_in(request.user, budget_round.municipality_id)
    may_edit = access.role_may(role, Action.MANAGE_ROUND)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied(_("Only the budget office may change the screening criteria."))
    rules = ScreeningRules.objects.filter(round=budget_round).first()
    data = request.POST if request.method == "POST" else None
    loaded = concurrency.fingerprint(screening_state(budget_round))
    rules_form = ScreeningRulesForm(
        data, instance=rules, budget_round=budget_round, initial={concurrency.FIELD: loaded}
    )
    formset = criterion_formset(budget_round, data)
    stale = False
    stale_differences: list[tuple[str, str]] = []
    if data is not None and rules_form.is_valid() and formset.is_valid():
        deleted = [form.instance.pk for form in formset.deleted_forms if form.instance.pk]
        criteria = [
            (form.instance.pk, form.cleaned_data["text"], form.cleaned_data.get("position"))
            for form in formset.forms
            if form not in formset.deleted_forms
            and form.cleaned_data.get("text")
            and (form.instance.pk or form.has_changed())
        ]
        try:
            do_save_screening_rules(
                budget_round,
                min_amount=rules_form.cleaned_data["min_amount"],
                latest_full_effect_year=rules_form.cleaned_data["latest_full_effect_year"],
                criteria=criteria,
                deleted=deleted,
                user=request.user,
                loaded=rules_form.cleaned_data[concurrency.FIELD],
            )
        except concurrency.StaleState:
            # Nothing saved; what was typed stays, the values saved meanwhile are listed.
            current = screening_state(budget_round)
            stale_differences = concurrency.differences(
                rules_form,
                {name: current[name] for name in ("min_amount", "latest_full_effect_year")},
                lambda name, value: money.format_kr(value) if name == "min_amount" else str(value),
            )
            stale_differences.append(
                (
                    _("The budget office's own criteria"),
                    " · ".join(str(text) for _pk, text, _position in current["criteria"])  # type: ignore[attr-defined]
                    or _("None."),
                )
            )
            stale = True
            concurrency.reload(rules_form, current)
        else:
            messages.success(request, _("The screening criteria were saved."))
            return redirect("screening_criteria", round_id=budget_round.public_id)
    return render(
        request,
        "ideas/criteria.html",
        {
            "stale": stale,
            "stale_differences": stale_differences,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "rules": rules,
            "criteria": list(budget_round.screening_criteria.all()),
            "rules_form": rules_form,
            "formset": formset,
            "may_edit": may_edit,
        },
        status=409 if stale else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def idea_import(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.IMPORT_IDEAS)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        ideas = do_import_ideas(
            budget_round, form.rows, origin=form.cleaned_data["origin"], user=request.user
        )
        messages.success(
            request,
            ngettext("%(count)s idea was entered.", "%(count)s ideas were entered.", len(ideas))
            % {"count": len(ideas)},
        )
        return redirect("idea_list", round_id=budget_round.public_id)
    return render(
        request,
        "ideas/import.html",
        {
            "form": form,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "max_rows": bulk.MAX_ROWS,
        },
    )


@login_required
@require_GET
def idea_import_template(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    access.get_round(request.user, round_id, Action.IMPORT_IDEAS)
    response = HttpResponse(bulk.template_workbook(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="ideer.xlsx"'
    return response


def _public_round(municipality_slug: str, round_id: str) -> BudgetRound:
    """The round behind a public address: 404 unless it is this municipality's."""
    budget_round = (
        BudgetRound.objects.select_related("municipality")
        .filter(public_id=round_id, municipality__slug=municipality_slug)
        .first()
    )
    if budget_round is None:
        raise Http404(_("Not found"))
    return budget_round


@require_http_methods(["GET", "POST"])
def public_idea(request: HttpRequest, municipality_slug: str, round_id: str) -> HttpResponse:
    """Citizens' ideas, no login. Shows nothing but the form: no other ideas, no names."""
    budget_round = _public_round(municipality_slug, round_id)
    context: dict[str, Any] = {"round": budget_round, "municipality": budget_round.municipality}
    if not budget_round.accepts_ideas:
        return render(request, "ideas/public_closed.html", context)
    form = PublicIdeaForm(request.POST or None)
    if request.method == "POST":
        if not spam.allow_public_post(spam.client_address(request)):
            # Nothing is checked or saved, but what the person typed is given back.
            typed = {
                name: request.POST.get(name, "")
                for name in ("title", "description", "name", "email")
            }
            response = render(
                request,
                "ideas/public_idea_form.html",
                {**context, "form": PublicIdeaForm(initial=typed), "rate_limited": True},
                status=429,
            )
            response["Retry-After"] = str(spam.PUBLIC_IDEA_WINDOW)
            return response
        thanks = redirect(
            "public_idea_thanks", municipality_slug=municipality_slug, round_id=round_id
        )
        if form.is_spam:
            return thanks  # the same answer as a real idea: nothing tells the program it failed
        if form.is_valid():
            do_submit_public_idea(budget_round, form.model_fields())
            return thanks
    return render(request, "ideas/public_idea_form.html", {**context, "form": form})


@require_GET
def public_idea_thanks(request: HttpRequest, municipality_slug: str, round_id: str) -> HttpResponse:
    budget_round = _public_round(municipality_slug, round_id)
    return render(
        request,
        "ideas/public_thanks.html",
        {"round": budget_round, "municipality": budget_round.municipality},
    )
