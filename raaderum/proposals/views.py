from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Committee, ServiceArea
from raaderum.proposals import calculation
from raaderum.proposals.actions import (
    StaleEdit,
    do_create_proposal,
    do_save_effects,
    do_update_proposal,
)
from raaderum.proposals.catalog import SORTS, build_catalog, filter_proposals
from raaderum.proposals.forms import EffectGrid, ProposalForm
from raaderum.proposals.models import Proposal, ProposalStatus, ProposalType


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


@login_required
@require_GET
def proposal_detail(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id)
    proposal = Proposal.objects.with_effects().get(pk=proposal.pk)
    budget_round = proposal.round
    headroom = proposal.headroom_by_year()
    areas = {
        area.pk: area for area in ServiceArea.objects.of_municipality(budget_round.municipality)
    }
    grid = proposal.effect_grid()
    rows = [
        {"area": areas[area_id], "amounts": grid[area_id]}
        for area_id in sorted(grid, key=lambda pk: list(areas).index(pk))
    ]
    payback = calculation.payback(headroom) if proposal.type == ProposalType.INVESTMENT else None
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
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_create(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.CREATE_PROPOSAL)
    initial = {"owner": request.user.pk, "status": ProposalStatus.DRAFT}
    form = ProposalForm(
        request.POST or None, initial=initial, municipality=budget_round.municipality
    )
    if request.method == "POST" and form.is_valid():
        proposal = do_create_proposal(budget_round, form.model_fields(), user=request.user)
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
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_edit(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id, edit=True)
    budget_round = proposal.round
    form = ProposalForm(
        request.POST or None, instance=proposal, municipality=budget_round.municipality
    )
    conflict = None
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
            # Keep what the user typed, now based on the newer version: saving again is a
            # deliberate choice made after seeing the warning.
            data = request.POST.copy()
            data["version"] = str(conflict.version)
            form = ProposalForm(data, instance=proposal, municipality=budget_round.municipality)
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
        },
        status=409 if conflict else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_effects(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    proposal = access.get_proposal(request.user, proposal_id, edit=True)
    proposal = Proposal.objects.with_effects().get(pk=proposal.pk)
    budget_round = proposal.round
    areas = list(ServiceArea.objects.of_municipality(budget_round.municipality))
    grid = EffectGrid(proposal, areas, request.POST if request.method == "POST" else None)
    conflict = None
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
                do_save_effects(
                    proposal,
                    grid.amounts,
                    grid.fte,
                    expected_version=grid.version,
                    user=request.user,
                )
            except StaleEdit as stale:
                conflict = stale.proposal
                status = 409
                data = request.POST.copy()
                data["version"] = str(conflict.version)
                grid = EffectGrid(proposal, areas, data)
            else:
                messages.success(request, _("The effects were saved."))
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
        },
        status=status,
    )
