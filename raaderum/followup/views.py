"""Follow-up pages: overview, initiatives, assessments per year, cycles and the report."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.followup import charts, progress
from raaderum.followup.access import (
    answers_for,
    get_cycle,
    get_initiative,
    may_enter,
    may_manage,
    may_review,
    require_enter,
    sees_unapproved,
)
from raaderum.followup.actions import (
    OPEN_STATES,
    NotOpen,
    StaleFollowUp,
    do_add_evidence,
    do_decide_initiative,
    do_delete_evidence,
    do_mark_milestone_done,
    do_open_cycle,
    do_review_realisation,
    do_save_cycle,
    do_save_implementation,
    do_save_realisation,
)
from raaderum.followup.forms import (
    CloseCycleForm,
    CycleForm,
    DecideForm,
    EvidenceForm,
    ImplementationForm,
    RealisationForm,
    ReviewForm,
    milestone_formset,
    milestone_rows,
)
from raaderum.followup.models import (
    Evidence,
    Initiative,
    InitiativeStatus,
    Milestone,
    Realisation,
    ReviewState,
)
from raaderum.followup.overview import Overview, build_overview, initiatives_of, row_for
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Committee, Municipality, Role
from raaderum.rounds.models import BudgetRound


def _filters(
    request: AuthenticatedHttpRequest, municipality: Municipality
) -> tuple[dict[str, str], Committee | None, BudgetRound | None, dict[str, Any]]:
    """The round and committee chosen in the query string; unknown values are ignored."""
    committees = list(Committee.objects.filter(municipality=municipality))
    rounds = list(
        BudgetRound.objects.filter(municipality=municipality, agreement__isnull=False).order_by(
            "-budget_year"
        )
    )
    chosen = {"committee": request.GET.get("committee", ""), "round": request.GET.get("round", "")}
    committee = next((c for c in committees if c.code == chosen["committee"]), None)
    budget_round = next((r for r in rounds if str(r.public_id) == chosen["round"]), None)
    chosen = {
        "committee": committee.code if committee else "",
        "round": str(budget_round.public_id) if budget_round else "",
    }
    choices = {
        "committee_choices": [(c.code, c.name) for c in committees],
        "round_choices": [(str(r.public_id), r.name) for r in rounds],
    }
    return chosen, committee, budget_round, choices


def _query(chosen: dict[str, str]) -> str:
    values = {name: value for name, value in chosen.items() if value}
    return "?" + urlencode(values) if values else ""


def chart_context(overview: Overview) -> dict[str, Any]:
    return {
        "year_chart": charts.year_chart(
            [
                (
                    year,
                    t.expected,
                    t.assessed_expected if t.assessed else None,
                    t.realised if t.assessed else None,
                )
                for year, t in overview.by_year.items()
            ]
        ),
        "type_chart": charts.rate_chart([(g.label, g.percent) for g in overview.by_type]),
        "committee_chart": charts.rate_chart([(g.label, g.percent) for g in overview.by_committee]),
        "round_chart": charts.rate_chart([(g.label, g.percent) for g in overview.by_round]),
    }


@login_required
@require_GET
def overview(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """Realisation rates by type, committee and round; expected against realised per year."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_FOLLOWUP)
    chosen, committee, budget_round, choices = _filters(request, municipality)
    role = access.role_in(request.user, municipality.pk)
    result = build_overview(municipality, role=role, committee=committee, budget_round=budget_round)
    cycles = list(municipality.followup_cycles.all())
    mine = [
        row
        for row in result.rows
        if access.role_may(role, Action.ENTER_REALISATION)
        and row.initiative.status == InitiativeStatus.ACTIVE
        and answers_for(request.user, row.initiative)
    ]
    return render(
        request,
        "followup/overview.html",
        {
            "municipality": municipality,
            "overview": result,
            "chosen": chosen,
            "filtered": any(chosen.values()),
            "query": _query(chosen),
            "cycles": cycles,
            "mine": mine,
            "may_manage": access.role_may(role, Action.MANAGE_FOLLOWUP),
            **choices,
            **chart_context(result),
        },
    )


@login_required
@require_GET
def initiative_list(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_FOLLOWUP)
    chosen, committee, budget_round, choices = _filters(request, municipality)
    rows = [
        row_for(initiative)
        for initiative in initiatives_of(
            municipality,
            role=access.role_in(request.user, municipality.pk),
            committee=committee,
            budget_round=budget_round,
        )
    ]
    return render(
        request,
        "followup/initiatives.html",
        {
            "municipality": municipality,
            "rows": rows,
            "chosen": chosen,
            "filtered": any(chosen.values()),
            **choices,
        },
    )


@login_required
@require_GET
def report_pdf(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """The political follow-up report: for the council, or for one committee (?committee=BU)."""
    from raaderum.followup.report import render_report, report_filename

    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_FOLLOWUP)
    _chosen, committee, budget_round, _choices = _filters(request, municipality)
    started = time.monotonic()
    # The political report: what the politicians may see, whoever makes it.
    result = build_overview(
        municipality, role=Role.POLITICIAN, committee=committee, budget_round=budget_round
    )
    content = render_report(municipality, result)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = str(
        content_disposition_header(as_attachment=False, filename=report_filename(result))
    )
    response["Server-Timing"] = f"pdf;dur={int((time.monotonic() - started) * 1000)}"
    return response


# One initiative


def _detail_context(request: AuthenticatedHttpRequest, initiative: Initiative) -> dict[str, Any]:
    row = row_for(initiative)
    internal = sees_unapproved(request.user, initiative.municipality_id)
    return {
        "initiative": initiative,
        "published": initiative.published,
        "round": initiative.round,
        "municipality": initiative.municipality,
        "row": row,
        "internal": internal,
        "milestones": list(initiative.milestones.all()),
        "decisions": list(initiative.decisions.select_related("by").order_by("-at", "-pk")),
        "may_enter": may_enter(request.user, initiative),
        "may_manage": may_manage(request.user, initiative.municipality_id),
        "today": timezone.localdate(),
    }


@login_required
@require_GET
def initiative_detail(request: AuthenticatedHttpRequest, round_id: str, code: str) -> HttpResponse:
    initiative = get_initiative(request.user, round_id, code)
    return render(request, "followup/initiative_detail.html", _detail_context(request, initiative))


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: AuthenticatedHttpRequest, round_id: str, code: str) -> HttpResponse:
    """Responsible person, unit and milestones, saved together with the initiative's version."""
    initiative = get_initiative(request.user, round_id, code)
    require_enter(request.user, initiative)
    may_assign = may_manage(request.user, initiative.municipality_id)
    form = ImplementationForm(request.POST or None, initiative=initiative, may_assign=may_assign)
    formset = milestone_formset(initiative, request.POST or None)
    conflict = None
    status = 200
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            try:
                do_save_implementation(
                    initiative,
                    responsible=form.cleaned_data["responsible"]
                    if may_assign
                    else initiative.responsible,
                    responsible_unit=form.cleaned_data["responsible_unit"],
                    milestones=milestone_rows(formset),
                    expected_version=form.cleaned_data["version"],
                    user=request.user,
                )
            except StaleFollowUp as stale:
                conflict = stale.current
                status = 409
            else:
                messages.success(request, _("The implementation plan was saved."))
                return redirect("followup_initiative", round_id=round_id, code=code)
        else:
            status = 422
    return render(
        request,
        "followup/initiative_edit.html",
        {
            **_detail_context(request, initiative),
            "form": form,
            "formset": formset,
            "conflict": conflict,
        },
        status=status,
    )


@login_required
@require_POST
def milestone_done(
    request: AuthenticatedHttpRequest, round_id: str, code: str, milestone_id: str
) -> HttpResponse:
    initiative = get_initiative(request.user, round_id, code)
    require_enter(request.user, initiative)
    milestone = Milestone.objects.filter(initiative=initiative, public_id=milestone_id).first()
    if milestone is None:
        raise Http404(_("Not found"))
    do_mark_milestone_done(milestone, user=request.user)
    messages.success(request, _("“%(title)s” is marked as done.") % {"title": milestone.title})
    return redirect(reverse("followup_initiative", args=[round_id, code]) + "#milestones")


@login_required
@require_http_methods(["GET", "POST"])
def initiative_decide(request: AuthenticatedHttpRequest, round_id: str, code: str) -> HttpResponse:
    """Adjust the expected amounts, close or reopen: the budget office records the decision."""
    initiative = get_initiative(request.user, round_id, code)
    access.require(request.user, initiative.municipality_id, Action.MANAGE_FOLLOWUP)
    form = DecideForm(request.POST or None, initiative=initiative)
    conflict = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                do_decide_initiative(
                    initiative,
                    kind=form.cleaned_data["kind"],
                    reason=form.cleaned_data["reason"],
                    reference=form.cleaned_data["reference"],
                    expected=form.expected(),
                    expected_version=form.cleaned_data["version"],
                    user=request.user,
                )
            except StaleFollowUp as stale:
                conflict = stale.current
                status = 409
            else:
                messages.success(request, _("The decision was recorded."))
                return redirect("followup_initiative", round_id=round_id, code=code)
        else:
            status = 422
    return render(
        request,
        "followup/initiative_decide.html",
        {**_detail_context(request, initiative), "form": form, "conflict": conflict},
        status=status,
    )


# One year's assessment


def _year_or_404(initiative: Initiative, year: int) -> None:
    if year not in initiative.years:
        raise Http404(_("Not found"))


def _realisation_context(
    request: AuthenticatedHttpRequest,
    initiative: Initiative,
    year: int,
    realisation: Realisation | None,
) -> dict[str, Any]:
    internal = sees_unapproved(request.user, initiative.municipality_id)
    visible = realisation is not None and (internal or realisation.approved)
    editable = may_enter(request.user, initiative) and (
        realisation is None or realisation.state in OPEN_STATES
    )
    reviewable = (
        realisation is not None
        and may_review(request.user, initiative.municipality_id)
        and realisation.state in (ReviewState.SUBMITTED, ReviewState.APPROVED)
    )
    return {
        "initiative": initiative,
        "published": initiative.published,
        "round": initiative.round,
        "municipality": initiative.municipality,
        "year": year,
        "expected": initiative.expected_by_year()[year],
        "realisation": realisation if visible else None,
        "hidden": realisation is not None and not visible,
        "evidence": list(realisation.evidence.defer("content").select_related("uploaded_by"))
        if visible and realisation is not None
        else [],
        "editable": editable,
        "reviewable": reviewable,
        "may_review": may_review(request.user, initiative.municipality_id),
        "cycle": realisation.cycle if realisation is not None and realisation.cycle else None,
    }


def _load_realisation(initiative: Initiative, year: int) -> Realisation | None:
    return (
        Realisation.objects.select_related("submitted_by", "reviewed_by", "updated_by", "cycle")
        .filter(initiative=initiative, year=year)
        .first()
    )


def _outside_period(
    request: AuthenticatedHttpRequest, initiative: Initiative, year: int
) -> HttpResponse:
    return render(
        request,
        "followup/outside_period.html",
        {
            "initiative": initiative,
            "published": initiative.published,
            "round": initiative.round,
            "municipality": initiative.municipality,
            "year": year,
        },
        status=404,
    )


@login_required
@require_http_methods(["GET", "POST"])
def realisation(
    request: AuthenticatedHttpRequest, round_id: str, code: str, year: int
) -> HttpResponse:
    """The assessment of one year: read by everyone (unapproved: the administration), entered
    by those who answer for the initiative, as a draft or submitted for review."""
    initiative = get_initiative(request.user, round_id, code)
    if year not in initiative.years:
        return _outside_period(request, initiative, year)
    current = _load_realisation(initiative, year)
    context = _realisation_context(request, initiative, year, current)
    status = 200
    form = None
    if context["editable"]:
        submit = request.POST.get("submit") == "1"
        initial: dict[str, Any] = {"version": current.version if current else 0}
        if current is not None:
            initial.update(
                {
                    "realised": current.realised,
                    "status": current.status,
                    "assessment": current.assessment,
                    "learning": current.learning,
                }
            )
        form = RealisationForm(
            request.POST if request.method == "POST" else None, initial=initial, submit=submit
        )
        if request.method == "POST":
            if form.is_valid():
                try:
                    do_save_realisation(
                        initiative,
                        year,
                        form.fields_for_save(),
                        submit=submit,
                        expected_version=form.cleaned_data["version"],
                        user=request.user,
                    )
                except StaleFollowUp as stale:
                    context["conflict"] = stale.current or True
                    status = 409
                except NotOpen:
                    context["conflict"] = _load_realisation(initiative, year) or True
                    status = 409
                else:
                    messages.success(
                        request,
                        _("The assessment was submitted to the budget office.")
                        if submit
                        else _("The assessment was saved as a draft. Submit it when it is ready."),
                    )
                    return redirect("followup_realisation", round_id=round_id, code=code, year=year)
            else:
                status = 422
    elif request.method == "POST":
        require_enter(request.user, initiative)
        messages.error(
            request, _("The assessment is with the budget office and cannot be changed now.")
        )
        return redirect("followup_realisation", round_id=round_id, code=code, year=year)
    if context["reviewable"] and current is not None:
        context["review_form"] = ReviewForm(initial={"version": current.version})
    context["form"] = form
    context["evidence_form"] = EvidenceForm() if context["editable"] and current else None
    return render(request, "followup/realisation.html", context, status=status)


@login_required
@require_POST
def realisation_review(
    request: AuthenticatedHttpRequest, round_id: str, code: str, year: int
) -> HttpResponse:
    initiative = get_initiative(request.user, round_id, code)
    access.require(request.user, initiative.municipality_id, Action.REVIEW_REALISATION)
    _year_or_404(initiative, year)
    current = _load_realisation(initiative, year)
    if current is None:
        raise Http404(_("Not found"))
    approve = request.POST.get("decision") == "approve"
    form = ReviewForm(request.POST, approve=approve)
    context = _realisation_context(request, initiative, year, current)
    status = 422
    if form.is_valid():
        try:
            do_review_realisation(
                current,
                approve=approve,
                note=form.cleaned_data["note"],
                expected_version=form.cleaned_data["version"],
                user=request.user,
            )
        except (StaleFollowUp, NotOpen):
            context["review_conflict"] = True
            current = _load_realisation(initiative, year)
            context = {**context, **_realisation_context(request, initiative, year, current)}
            form = ReviewForm(initial={"version": current.version if current else 0})
            status = 409
        else:
            messages.success(
                request,
                _("The assessment was approved.")
                if approve
                else _("The assessment was sent back to the owner."),
            )
            return redirect("followup_realisation", round_id=round_id, code=code, year=year)
    context["review_form"] = form
    context["form"] = None
    context["evidence_form"] = None
    return render(request, "followup/realisation.html", context, status=status)


@login_required
@require_POST
def evidence_upload(
    request: AuthenticatedHttpRequest, round_id: str, code: str, year: int
) -> HttpResponse:
    initiative = get_initiative(request.user, round_id, code)
    require_enter(request.user, initiative)
    _year_or_404(initiative, year)
    current = _load_realisation(initiative, year)
    if current is None:
        raise Http404(_("Not found"))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            do_add_evidence(
                current,
                name=upload.name,
                content=form.content,
                content_type=form.checked.content_type,
                description=form.cleaned_data["description"],
                user=request.user,
            )
        except NotOpen:
            messages.error(
                request, _("The assessment is with the budget office and cannot be changed now.")
            )
        else:
            messages.success(request, _("The file was attached."))
        return redirect(reverse("followup_realisation", args=[round_id, code, year]) + "#evidence")
    context = _realisation_context(request, initiative, year, current)
    context["evidence_form"] = form
    context["form"] = (
        RealisationForm(
            initial={
                "version": current.version,
                "realised": current.realised,
                "status": current.status,
                "assessment": current.assessment,
                "learning": current.learning,
            }
        )
        if context["editable"]
        else None
    )
    return render(request, "followup/realisation.html", context, status=422)


def _evidence(initiative: Initiative, year: int, evidence_id: str) -> Evidence:
    found = (
        Evidence.objects.select_related("realisation")
        .filter(
            public_id=evidence_id,
            realisation__initiative=initiative,
            realisation__year=year,
        )
        .first()
    )
    if found is None:
        raise Http404(_("Not found"))
    return found


@login_required
@require_GET
def evidence_download(
    request: AuthenticatedHttpRequest, round_id: str, code: str, year: int, evidence_id: str
) -> HttpResponse:
    """Served only to those who may see the assessment, always as a download."""
    initiative = get_initiative(request.user, round_id, code)
    found = _evidence(initiative, year, evidence_id)
    if not (
        found.realisation.approved or sees_unapproved(request.user, initiative.municipality_id)
    ):
        raise Http404(_("Not found"))
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    response["Content-Disposition"] = str(
        content_disposition_header(as_attachment=True, filename=found.name)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_delete(
    request: AuthenticatedHttpRequest, round_id: str, code: str, year: int, evidence_id: str
) -> HttpResponse:
    initiative = get_initiative(request.user, round_id, code)
    require_enter(request.user, initiative)
    found = _evidence(initiative, year, evidence_id)
    try:
        do_delete_evidence(found)
    except NotOpen:
        messages.error(
            request, _("The assessment is with the budget office and cannot be changed now.")
        )
    else:
        messages.success(request, _("“%(name)s” was removed.") % {"name": found.name})
    return redirect(reverse("followup_realisation", args=[round_id, code, year]) + "#evidence")


# Cycles


@login_required
@require_http_methods(["GET", "POST"])
def cycle_create(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_FOLLOWUP)
    form = CycleForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        cycle = do_open_cycle(municipality, form.model_fields(), user=request.user)
        messages.success(
            request,
            _("The follow-up of the accounts %(year)s is open. The responsible persons were told.")
            % {"year": cycle.accounts_year},
        )
        return redirect(
            "followup_cycle", municipality_slug=municipality.slug, year=cycle.accounts_year
        )
    return render(
        request,
        "followup/cycle_form.html",
        {"municipality": municipality, "form": form, "cycle": None},
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cycle_edit(
    request: AuthenticatedHttpRequest, municipality_slug: str, year: int
) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_FOLLOWUP)
    cycle = get_cycle(municipality, year)
    form = CycleForm(request.POST or None, instance=cycle, municipality=municipality)
    close_form = CloseCycleForm(
        request.POST or None, initial={"closed": cycle.closed_at is not None}
    )
    if request.method == "POST" and form.is_valid() and close_form.is_valid():
        fields = form.model_fields()
        fields.pop("accounts_year")
        do_save_cycle(cycle, fields, closed=close_form.cleaned_data["closed"])
        messages.success(request, _("The follow-up cycle was saved."))
        return redirect("followup_cycle", municipality_slug=municipality.slug, year=year)
    return render(
        request,
        "followup/cycle_form.html",
        {"municipality": municipality, "form": form, "close_form": close_form, "cycle": cycle},
        status=422 if form.errors else 200,
    )


@login_required
@require_GET
def cycle_detail(
    request: AuthenticatedHttpRequest, municipality_slug: str, year: int
) -> HttpResponse:
    """Progress of the yearly follow-up: who has entered, submitted, been approved; overdue."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_FOLLOWUP)
    cycle = get_cycle(municipality, year)
    today = timezone.localdate()
    rows = progress.cycle_rows(cycle, today)
    return render(
        request,
        "followup/cycle_detail.html",
        {
            "municipality": municipality,
            "cycle": cycle,
            "rows": rows,
            "counts": progress.counts(rows),
            "overdue": sum(1 for row in rows if row.overdue),
            "review_overdue": sum(1 for row in rows if row.review_overdue),
            "today": today,
            "may_manage": may_manage(request.user, municipality.pk),
            "internal": sees_unapproved(request.user, municipality.pk),
        },
    )
