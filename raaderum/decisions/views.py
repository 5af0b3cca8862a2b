from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import visibility
from raaderum.decisions import adjustments
from raaderum.decisions.actions import (
    carry_over_candidates,
    do_override_cooling_off,
    do_record_decisions,
    do_start_next_round,
    re_entries,
    recorded_price_indices,
)
from raaderum.decisions.carry_over_forms import CarryOverForm, CoolingOffOverrideForm
from raaderum.decisions.forms import AgreementForm, DecisionSettingsForm
from raaderum.decisions.models import (
    BudgetAgreement,
    Decision,
    DecisionSettings,
    Outcome,
    default_return_year,
)
from raaderum.followup.actions import FollowUpInUse
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.proposals import calculation
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.models import BudgetRound


def _agreement(budget_round: BudgetRound) -> BudgetAgreement | None:
    return (
        BudgetAgreement.objects.filter(round=budget_round)
        .select_related("version", "recorded_by")
        .first()
    )


def _decisions(agreement: BudgetAgreement | None, role: str | None) -> list[Decision]:
    """The recorded decisions the role may see: a proposal held back from politicians by its
    own level (raaderum.confidentiality) is left out of their list and totals."""
    if agreement is None:
        return []
    decisions = agreement.decisions.select_related("published__committee")
    return list(visibility.visible_published(decisions, role, prefix="published__"))


def adopted_totals(
    budget_round: BudgetRound, agreement: BudgetAgreement | None, decisions: list[Decision]
) -> dict[str, Any]:
    """The adopted proposals' råderum per year against the target, for target_table.html.

    The target (and with it the period) is the one frozen with the published version the
    agreement was taken on, so a later change of the round's target does not change what was
    decided against.
    """
    if agreement is None:
        target = budget_round.target_by_year()
        years = budget_round.years
    else:
        target = agreement.version.target_by_year()
        years = sorted(target) or budget_round.years
    total = calculation.sum_by_year(
        (d.published.headroom_by_year() for d in decisions if d.outcome == Outcome.ADOPTED),
        years,
    )
    return {
        "years": years,
        "total": total,
        "target": target,
        "status": calculation.target_status(total, target),
    }


def _chosen_version(
    request: AuthenticatedHttpRequest,
    versions: list[CatalogVersion],
    agreement: BudgetAgreement | None,
) -> CatalogVersion | None:
    wanted = request.POST.get("version") or request.GET.get("version") or ""
    by_number = {str(v.number): v for v in versions}
    if wanted in by_number:
        return by_number[wanted]
    if agreement is not None:
        return agreement.version
    return versions[0] if versions else None


@login_required
@require_http_methods(["GET", "POST"])
def decisions(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The budget agreement and a decision per published proposal; saved all or nothing."""
    action = Action.RECORD_DECISIONS if request.method == "POST" else Action.VIEW_DECISIONS
    budget_round = access.get_round(request.user, round_id, action)
    role = access.role_in(request.user, budget_round.municipality_id)
    may_record = access.role_may(role, Action.RECORD_DECISIONS)
    agreement = _agreement(budget_round)
    versions = list(budget_round.catalog_versions.all())
    version = _chosen_version(request, versions, agreement)
    form = None
    return_year = default_return_year(budget_round)
    if may_record and version is not None:
        form = AgreementForm(
            request.POST or None,
            budget_round=budget_round,
            version=version,
            agreement=agreement,
            default_return_year=return_year,
        )
        if request.method == "POST" and form.is_valid():
            try:
                do_record_decisions(
                    budget_round,
                    version,
                    form.agreement_fields(),
                    form.decisions(),
                    user=request.user,
                )
            except FollowUpInUse as refused:
                form.add_error(None, str(refused))  # nothing saved; what was typed stays
            else:
                messages.success(request, _("The decisions were saved."))
                return redirect("decisions", round_id=budget_round.public_id)
    elif request.method == "POST":
        messages.error(request, _("Publish a catalog before recording decisions on it."))
        return redirect("decisions", round_id=budget_round.public_id)
    recorded = _decisions(agreement, role)
    return render(
        request,
        "decisions/decisions.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "agreement": agreement,
            "decisions": recorded,
            "totals": adopted_totals(budget_round, agreement, recorded),
            "form": form,
            "versions": versions,
            "version": version,
            "may_record": may_record,
            "may_start_next": access.role_may(role, Action.START_NEXT_ROUND),
            "default_return_year": return_year,
        },
    )


@login_required
@require_GET
def adjustments_csv(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The adopted effects for the finance system; ?by=area for the totals per service area."""
    budget_round = access.get_round(request.user, round_id, Action.VIEW_DECISIONS)
    by_area = request.GET.get("by") == "area"
    response = HttpResponse(
        adjustments.csv_file(budget_round, by_area=by_area), content_type="text/csv; charset=utf-8"
    )
    name = adjustments.filename(budget_round, "csv", by_area=by_area)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def adjustments_xlsx(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.VIEW_DECISIONS)
    response = HttpResponse(adjustments.workbook(budget_round), content_type=adjustments.XLSX)
    name = adjustments.filename(budget_round, "xlsx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def next_round(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """A new round from this one, with the deferred and allowed-back proposals carried over."""
    source = access.get_round(request.user, round_id, Action.START_NEXT_ROUND)
    try:
        new_year = int(request.POST.get("budget_year", ""))
    except ValueError:
        new_year = source.budget_year + 1
    new_year = max(new_year, source.budget_year + 1)
    candidates = carry_over_candidates(source, new_year)
    blocked = [c for c in candidates if c.blocked]
    form = CarryOverForm(
        request.POST or None,
        source=source,
        blocked=blocked,
        from_levels=[c.price_level for c in candidates],
        recorded=recorded_price_indices(source.municipality_id),
    )
    if request.method == "POST" and form.is_valid():
        new_round, carried = do_start_next_round(source, form, candidates, user=request.user)
        messages.success(
            request,
            _("%(round)s was created with %(count)s proposals carried over as drafts.")
            % {"round": new_round.name, "count": len(carried)},
        )
        return redirect("round_detail", round_id=new_round.public_id)
    return render(
        request,
        "decisions/next_round.html",
        {
            "round": source,
            "municipality": source.municipality,
            "form": form,
            "allowed": [c for c in candidates if not c.blocked],
            "blocked_rows": [
                (c, form[override], form[reason]) for c, override, reason in form.override_names
            ],
            "new_year": new_year,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def cooling_off_override(request: AuthenticatedHttpRequest, proposal_id: str) -> HttpResponse:
    """Let a proposal entered by hand be presented within its cooling-off period, with a reason.

    The carry-over path asks for the same on the next-round page; this is for a proposal whose
    lineage (`previous`) was set by hand.
    """
    proposal = access.get_proposal(request.user, proposal_id)
    access.require(request.user, proposal.round.municipality_id, Action.START_NEXT_ROUND)
    re_entry = re_entries([proposal]).get(proposal.pk)
    blocked = re_entry is not None and re_entry.blocked
    form = CoolingOffOverrideForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not blocked:
            messages.info(request, _("The proposal is not blocked by a decision."))
            return redirect("proposal_detail", proposal_id=proposal.public_id)
        if form.is_valid():
            assert re_entry is not None
            do_override_cooling_off(re_entry, form.cleaned_data["reason"], user=request.user)
            messages.success(
                request,
                _("%(code)s may be presented again. The reason is recorded.")
                % {"code": proposal.code},
            )
            return redirect("proposal_detail", proposal_id=proposal.public_id)
        status = 422
    return render(
        request,
        "decisions/cooling_off_override.html",
        {
            "round": proposal.round,
            "municipality": proposal.round.municipality,
            "proposal": proposal,
            "re_entry": re_entry if blocked else None,
            "form": form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def decision_settings(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.RECORD_DECISIONS)
    instance = DecisionSettings.objects.filter(municipality=municipality).first()
    form = DecisionSettingsForm(
        request.POST or None, instance=instance or DecisionSettings(municipality=municipality)
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved."))
        return redirect("decision_settings", municipality_slug=municipality.slug)
    return render(
        request,
        "decisions/settings.html",
        {"form": form, "municipality": municipality},
    )
