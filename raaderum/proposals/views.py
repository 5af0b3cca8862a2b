from __future__ import annotations

import json
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import visibility
from raaderum.confidentiality.actions import do_set_proposal_visibility
from raaderum.confidentiality.forms import ProposalVisibilityForm
from raaderum.confidentiality.models import AccessKind
from raaderum.lib import money
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Committee, ServiceArea
from raaderum.proposals import (
    calculation,
    history,
    merge,
    plain_language,
    readability,
    workflow,
)
from raaderum.proposals.actions import (
    StaleEdit,
    TransitionRefused,
    do_create_proposal,
    do_save_effects,
    do_transition,
    do_update_proposal,
    situation,
)
from raaderum.proposals.catalog import SORTS, build_catalog, filter_proposals
from raaderum.proposals.forms import (
    Cells,
    EffectGrid,
    ProposalForm,
    Staff,
    grid_snapshot,
    proposal_snapshot,
    saved_cells,
)
from raaderum.proposals.models import STEP_LABELS, Proposal, ProposalStatus, ProposalType
from raaderum.rounds.models import BudgetRound


@login_required
@require_GET
def catalog(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_CATALOG)
    committees = list(Committee.objects.filter(municipality=budget_round.municipality))
    chosen = {
        "committee": request.GET.get("committee", ""),
        "type": request.GET.get("type", ""),
        "status": request.GET.get("status", ""),
    }
    # Unknown filter values are ignored rather than failing: the URL may be hand-edited.
    if chosen["committee"] not in {c.code for c in committees}:
        chosen["committee"] = ""
    if chosen["type"] not in ProposalType.values:
        chosen["type"] = ""
    if chosen["status"] not in ProposalStatus.values:
        chosen["status"] = ""
    sort = request.GET.get("sort", "code")
    if sort not in SORTS:
        sort = "code"
    all_proposals = budget_round.proposals.all()
    proposals = filter_proposals(all_proposals.for_catalog(), **chosen)
    result = build_catalog(budget_round, proposals, sort=sort)
    role = access.role_in(request.user, budget_round.municipality_id)
    context = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "catalog": result,
        "total_count": all_proposals.count(),
        "committees": committees,
        "committee_choices": [(c.code, c.name) for c in committees],
        "types": ProposalType.choices,
        "statuses": ProposalStatus.choices,
        "sorts": SORTS.items(),
        "chosen": chosen,
        "sort": sort,
        "filtered": any(chosen.values()),
        "may_create": access.role_may(role, Action.CREATE_PROPOSAL),
    }
    template = "proposals/catalog.html"
    if request.htmx and request.htmx.target == "catalog-result":
        template += "#catalog-result"
    return render(request, template, context)


STEP_DONE = {
    "submit": gettext_lazy("The proposal was submitted for quality check."),
    "sign_off": gettext_lazy("The calculation was signed off."),
    "approve": gettext_lazy("The proposal was approved for the catalog."),
    "add_to_catalog": gettext_lazy("The proposal is now in the catalog."),
    "send_back": gettext_lazy("The proposal was sent back to the owner."),
    "withdraw": gettext_lazy("The proposal was withdrawn."),
    "reopen": gettext_lazy("The proposal was reopened as a draft."),
}
REFUSALS = {
    workflow.NOT_FROM_STATUS: gettext_lazy("This step cannot be taken from the current status."),
    workflow.NOT_YOUR_ROLE: gettext_lazy("Your role does not allow this step on this proposal."),
    workflow.NEEDS_COMMENT: gettext_lazy("Write why in the comment field."),
    workflow.NO_EFFECTS: gettext_lazy("Enter the effects before submitting the proposal."),
    workflow.NEEDS_DIRECTOR: gettext_lazy(
        "The proposal has effects under several committees: choose the director who owns it "
        "before submitting it."
    ),
    workflow.NEEDS_DIRECTOR_APPROVAL: gettext_lazy(
        "A cross-cutting proposal must be approved by its director before it goes into the catalog."
    ),
    workflow.SUMMARY_TOO_HARD: gettext_lazy(
        "The plain-language summary is harder to read than the round allows (LIX). Write "
        "shorter sentences and fewer long words."
    ),
    workflow.SUMMARY_MISSING: gettext_lazy(
        "Write a plain-language summary before the proposal is sent to quality check."
    ),
    workflow.SCREENING_MISSING: gettext_lazy(
        "Answer the required questions of the impact screening first: see “Impact screening” "
        "on this page."
    ),
}
# The steps forward are styled primary; destructive ones (send back, withdraw) never are.
PRIMARY_STEPS = frozenset({"submit", "sign_off", "approve", "add_to_catalog", "reopen"})
WORKFLOW_ORDER = [
    ProposalStatus.DRAFT,
    ProposalStatus.SUBMITTED,
    ProposalStatus.SIGNED_OFF,
    ProposalStatus.APPROVED,
    ProposalStatus.IN_CATALOG,
]


def _effect_rows(proposal: Proposal, areas: list[ServiceArea]) -> list[dict[str, object]]:
    """The proposal's saved effects as table rows in the areas' order."""
    grid = proposal.effect_grid()
    return [{"area": area, "amounts": grid[area.pk]} for area in areas if area.pk in grid]


def _render_detail(
    request: AuthenticatedHttpRequest,
    proposal: Proposal,
    *,
    status: int = 200,
    workflow_error: str = "",
    comment: str = "",
) -> HttpResponse:
    budget_round = proposal.round
    headroom = proposal.headroom_by_year()
    areas = {
        area.pk: area for area in ServiceArea.objects.of_municipality(budget_round.municipality)
    }
    rows = _effect_rows(proposal, list(areas.values()))
    payback = calculation.payback(headroom) if proposal.type == ProposalType.INVESTMENT else None
    role = access.role_in(request.user, budget_round.municipality_id)
    steps = workflow.available(situation(proposal, request.user, role))
    glossary = plain_language.glossary_for(budget_round.municipality_id)
    return render(
        request,
        "proposals/proposal_detail.html",
        {
            "proposal": proposal,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "rows": rows,
            "headroom": headroom,
            "effect_totals": {year: -value for year, value in headroom.items()},
            "full_year": calculation.full_year_effect(headroom),
            "fte": proposal.fte_by_year(),
            "payback": payback,
            "warnings": proposal.warning_texts(),
            "cross_cutting": proposal.is_cross_cutting(),
            "may_edit": access.may_edit_proposal(request.user, proposal),
            "steps": [
                (
                    step,
                    STEP_LABELS[step],
                    workflow.STEPS[step].needs_comment,
                    step in PRIMARY_STEPS,
                )
                for step in steps
            ],
            "workflow_order": [(value, ProposalStatus(value).label) for value in WORKFLOW_ORDER],
            "workflow_error": workflow_error,
            "comment": comment,
            "transitions": proposal.transitions.select_related("user"),
            "changes": history.timeline(proposal),
            "glossary": glossary,
            "summary_feedback": plain_language.feedback(proposal.summary, glossary),
            "easy_limit": readability.EASY_LIMIT,
            "marking": visibility.proposal_marking(proposal),
            "may_set_visibility": access.role_may(role, Action.SET_VISIBILITY),
        },
        status=status,
    )


@login_required
@require_GET
def proposal_detail(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id)
    # A proposal held back by its own level (e.g. it names staff) is logged like published
    # confidential material; the others are internal drafts of the administration.
    visibility.record_access(
        request,
        proposal.round.municipality_id,
        kind=AccessKind.PROPOSAL,
        object_id=proposal.public_id,
        label=str(proposal),
        level=visibility.proposal_marking(proposal).level,
    )
    return _render_detail(request, Proposal.objects.with_effects().get(pk=proposal.pk))


@login_required
@require_http_methods(["GET", "POST"])
def proposal_visibility(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    """The budget office holds a proposal back from its catalog's readers, or lets it follow."""
    proposal = access.get_proposal(request.user, proposal_id)
    access.require(request.user, proposal.round.municipality_id, Action.SET_VISIBILITY)
    form = ProposalVisibilityForm(
        request.POST or None,
        initial={"visibility": proposal.visibility, "release_date": proposal.release_date},
    )
    if request.method == "POST" and form.is_valid():
        do_set_proposal_visibility(
            proposal,
            level=form.cleaned_data["visibility"],
            release_date=form.cleaned_data["release_date"],
            user=request.user,
        )
        messages.success(request, _("The visibility of the proposal was saved."))
        return redirect("proposal_detail", proposal_id=proposal.public_id)
    return render(
        request,
        "proposals/proposal_visibility.html",
        {
            "proposal": proposal,
            "round": proposal.round,
            "municipality": proposal.round.municipality,
            "form": form,
            "marking": visibility.proposal_marking(proposal),
        },
        status=422 if form.is_bound else 200,
    )


@login_required
@require_POST
def proposal_transition(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    """Take one workflow step; a refused step changes nothing and says why in Danish."""
    proposal = access.get_proposal(request.user, proposal_id)
    step = request.POST.get("step", "")
    comment = request.POST.get("comment", "")
    role = access.role_in(request.user, proposal.round.municipality_id)
    fresh = Proposal.objects.with_effects().get(pk=proposal.pk)
    if step not in workflow.STEPS:
        return _render_detail(
            request, fresh, status=400, workflow_error=str(REFUSALS[workflow.NOT_FROM_STATUS])
        )
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        do_transition(
            proposal,
            step,
            user=request.user,
            role=role,
            expected_version=version,
            comment=comment,
        )
    except StaleEdit:
        return _render_detail(
            request,
            fresh,
            status=409,
            workflow_error=_(
                "The proposal changed after you opened it. Look at it again before you "
                "take the step."
            ),
            comment=comment,
        )
    except TransitionRefused as refused:
        code = 403 if refused.code == workflow.NOT_YOUR_ROLE else 409
        return _render_detail(
            request, fresh, status=code, workflow_error=str(REFUSALS[refused.code]), comment=comment
        )
    messages.success(request, str(STEP_DONE[step]))
    return redirect("proposal_detail", proposal_id=proposal.public_id)


LIVE_FIELDS = ("summary", "description")


def _live_readability(
    form: ProposalForm, budget_round: BudgetRound
) -> dict[str, plain_language.Feedback]:
    """Readability under the summary and description: rendered now, updated by htmx as typed."""
    glossary = plain_language.glossary_for(budget_round.municipality_id)
    url = reverse("readability", args=[budget_round.public_id])
    result = {}
    for name in LIVE_FIELDS:
        form.fields[name].widget.attrs.update(
            {
                "hx-post": url,
                "hx-trigger": "keyup changed delay:700ms",
                "hx-target": f"#{name}-readability",
                "hx-vals": json.dumps({"field": name}),
            }
        )
        result[name] = plain_language.feedback(str(form[name].value() or ""), glossary)
    return result


@login_required
@require_POST
def readability_check(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_CATALOG)
    field = request.POST.get("field", "")
    text = request.POST.get(field, "") if field in LIVE_FIELDS else ""
    glossary = plain_language.glossary_for(budget_round.municipality_id)
    return render(
        request,
        "proposals/_readability.html",
        {
            "feedback": plain_language.feedback(text[:20_000], glossary),
            "easy_limit": readability.EASY_LIMIT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.CREATE_PROPOSAL)
    initial = {"owner": request.user.pk}
    form = ProposalForm(
        request.POST or None, initial=initial, municipality=budget_round.municipality
    )
    if request.method == "POST" and form.is_valid():
        role = access.role_in(request.user, budget_round.municipality_id)
        proposal = do_create_proposal(
            budget_round,
            form.model_fields(),
            user=request.user,
            # Whoever writes a proposal for someone else keeps access to finish it (the
            # budget office may edit every proposal anyway).
            creator_keeps_access=not access.role_may(role, Action.EDIT_ANY_PROPOSAL),
        )
        messages.success(
            request,
            _("Proposal %(code)s was created. Now enter its effects.") % {"code": proposal.code},
        )
        return redirect("proposal_effects", proposal_id=proposal.public_id)
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "form": form,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "proposal": None,
            "readability": _live_readability(form, budget_round),
            "easy_limit": readability.EASY_LIMIT,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id, edit=True)
    budget_round = proposal.round
    # Owner, director, contributors and committee are the budget office's to change.
    may_assign = access.role_may(
        access.role_in(request.user, budget_round.municipality_id), Action.EDIT_ANY_PROPOSAL
    )
    form = ProposalForm(
        request.POST or None,
        instance=proposal,
        municipality=budget_round.municipality,
        may_assign=may_assign,
    )
    conflict = None
    differences: list[tuple[str, str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            do_update_proposal(
                proposal,
                form.model_fields(),
                expected_version=form.cleaned_data["version"] or 0,
                user=request.user,
            )
        except StaleEdit as stale:
            conflict = stale.proposal
            saved = proposal_snapshot(conflict)
            typed = form.typed_snapshot()
            merged, clashes = merge.three_way(form.started_snapshot(), saved, typed, missing="")
            # Only real clashes are shown; the rest is the merge, now based on the newer version.
            differences = form.differences_from(conflict, clashes)
            data = request.POST.copy()
            for name in ProposalForm.Meta.fields:
                value = typed[name] if name in clashes else merged[name]
                if isinstance(value, list):
                    data.setlist(name, value)
                else:
                    data[name] = value
            data["version"] = str(conflict.version)
            data["started_from"] = json.dumps(saved)
            form = ProposalForm(
                data,
                instance=Proposal.objects.get(pk=proposal.pk),
                municipality=budget_round.municipality,
                may_assign=may_assign,
            )
            if not clashes and form.is_valid():
                try:
                    do_update_proposal(
                        proposal,
                        form.model_fields(),
                        expected_version=conflict.version,
                        user=request.user,
                    )
                except StaleEdit:
                    pass  # changed yet again meanwhile: show the form to save once more
                else:
                    messages.success(request, _merged_message(conflict))
                    return redirect("proposal_detail", proposal_id=proposal.public_id)
        else:
            messages.success(request, _("The proposal was saved."))
            return redirect("proposal_detail", proposal_id=proposal.public_id)
    return render(
        request,
        "proposals/proposal_form.html",
        {
            "form": form,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "proposal": proposal,
            "conflict": conflict,
            "differences": differences,
            "readability": _live_readability(form, budget_round),
            "easy_limit": readability.EASY_LIMIT,
        },
        status=409 if conflict else 200,
    )


def _merged_message(conflict: Proposal) -> str:
    return _("The proposal had been changed by %(user)s; your changes were merged in.") % {
        "user": conflict.updated_by or _("another user")
    }


def _grid_data(
    unit: str, version: int, started_from: str, amounts: Cells, fte: Staff, areas: list[ServiceArea]
) -> dict[str, str]:
    """A posted grid showing these amounts and FTE (as if typed), in the areas' order."""
    data = {"unit": unit, "version": str(version), "started_from": started_from}
    years = sorted({year for _area, year in amounts} | set(fte))
    area_ids = {area_id for area_id, _year in amounts}
    rows = [area for area in areas if area.pk in area_ids]
    for index, area in enumerate(rows):
        data[f"area-{index}"] = str(area.pk)
        for (area_id, year), amount in amounts.items():
            if area_id == area.pk:
                data[f"amount-{index}-{year}"] = money.tkr_input_value(amount, unit)
    data[f"area-{len(rows)}"] = ""  # a blank row to type in
    for year in years:
        if year in fte:
            data[f"fte-{year}"] = money.format_number(fte[year], 2).replace("\u2212", "-")
    data["rows"] = str(len(rows) + 1)
    return data


def _grid_differences(
    areas: list[ServiceArea],
    amount_clashes: set[tuple[int, int]],
    fte_clashes: set[int],
    saved_amounts: Cells,
    saved_fte: Staff,
    grid: EffectGrid,
) -> list[tuple[str, str, str]]:
    """(cell, saved value, typed value) for each cell both people changed differently."""
    names = {area.pk: area.name for area in areas}
    rows = [
        (
            f"{names.get(area_id, area_id)} {year}",
            money.format_kr(saved_amounts.get((area_id, year), 0)),
            money.format_kr(grid.amounts.get((area_id, year), 0)),
        )
        for area_id, year in sorted(amount_clashes)
    ]
    rows += [
        (
            _("Staff (FTE) %(year)s") % {"year": year},
            money.format_number(saved_fte.get(year, Decimal(0)), 2),
            money.format_number(grid.fte.get(year, Decimal(0)), 2),
        )
        for year in sorted(fte_clashes)
    ]
    return rows


@login_required
@require_http_methods(["GET", "POST"])
def proposal_effects(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id, edit=True)
    proposal = Proposal.objects.with_effects().get(pk=proposal.pk)
    budget_round = proposal.round
    areas = list(ServiceArea.objects.of_municipality(budget_round.municipality))
    grid = EffectGrid(
        proposal,
        areas,
        request.POST if request.method == "POST" else None,
        unit=request.GET.get("unit", "tkr"),
    )
    conflict = None
    differences: list[tuple[str, str, str]] = []
    status = 200
    if request.method == "POST":
        if "add_row" in request.POST:
            grid.add_row()
            if request.htmx:
                return render(
                    request,
                    "proposals/effects.html#grid-row",
                    {"grid": grid, "row": grid.rows[-1], "areas": areas},
                )
        elif grid.is_valid():
            try:
                saved = do_save_effects(
                    proposal,
                    grid.amounts,
                    grid.fte,
                    expected_version=grid.version,
                    user=request.user,
                )
            except StaleEdit as stale:
                conflict = Proposal.objects.with_effects().get(pk=stale.proposal.pk)
                saved_amounts, saved_fte = saved_cells(conflict)
                started = grid.started_snapshot()
                amounts, amount_clashes = merge.three_way(
                    started[0] if started else None, saved_amounts, grid.amounts, missing=0
                )
                fte, fte_clashes = merge.three_way(
                    started[1] if started else None, saved_fte, grid.fte, missing=Decimal(0)
                )
                if not amount_clashes and not fte_clashes:
                    try:
                        saved = do_save_effects(
                            proposal,
                            {key: value for key, value in amounts.items() if value},
                            {year: value for year, value in fte.items() if value},
                            expected_version=conflict.version,
                            user=request.user,
                        )
                    except StaleEdit:
                        pass  # changed yet again: the next save merges against that too
                    else:
                        messages.success(request, _merged_message(conflict))
                        conflict = None
                if conflict is not None:
                    status = 409
                    # Keep what the user typed where it clashes, the merge everywhere else.
                    amounts.update({key: grid.amounts.get(key, 0) for key in amount_clashes})
                    fte.update({year: grid.fte.get(year, Decimal(0)) for year in fte_clashes})
                    differences = _grid_differences(
                        areas, amount_clashes, fte_clashes, saved_amounts, saved_fte, grid
                    )
                    grid = EffectGrid(
                        proposal,
                        areas,
                        _grid_data(
                            grid.unit,
                            conflict.version,
                            grid_snapshot(conflict),
                            {key: value for key, value in amounts.items() if value},
                            {year: value for year, value in fte.items() if value},
                            areas,
                        ),
                    )
            else:
                messages.success(request, _("The effects were saved."))
            if conflict is None:
                if workflow.voided_by_amount_change(proposal.status) and (
                    saved.status == ProposalStatus.SUBMITTED
                ):
                    messages.warning(
                        request,
                        _(
                            "The amounts or FTE changed after the budget office signed off "
                            "the calculation, so the sign-off is void. The proposal is back "
                            "in quality check."
                        ),
                    )
                return redirect("proposal_detail", proposal_id=proposal.public_id)
        else:
            status = 422 if not request.htmx else 200
    return render(
        request,
        "proposals/effects.html",
        {
            "proposal": proposal,
            "round": budget_round,
            "municipality": budget_round.municipality,
            "grid": grid,
            "areas": areas,
            "conflict": conflict,
            "conflict_rows": _effect_rows(conflict, areas) if conflict else [],
            "differences": differences,
        },
        status=status,
    )
