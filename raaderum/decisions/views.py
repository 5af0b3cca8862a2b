from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.decisions import rules
from raaderum.decisions.actions import (
    carry_over_candidates,
    do_record_decisions,
    do_start_next_round,
)
from raaderum.decisions.forms import AgreementForm, DecisionSettingsForm, NextRoundForm
from raaderum.decisions.models import (
    BudgetAgreement,
    Decision,
    DecisionSettings,
    Outcome,
    default_return_year,
)
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Committee, ServiceArea
from raaderum.proposals import calculation
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.models import BudgetRound


def _agreement(budget_round: BudgetRound) -> BudgetAgreement | None:
    return (
        BudgetAgreement.objects.filter(round=budget_round)
        .select_related("version", "recorded_by")
        .first()
    )


def _decisions(agreement: BudgetAgreement | None) -> list[Decision]:
    if agreement is None:
        return []
    return list(agreement.decisions.select_related("published__committee"))


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
            do_record_decisions(
                budget_round,
                version,
                form.agreement_fields(),
                form.decisions(),
                user=request.user,
            )
            messages.success(request, _("The decisions were saved."))
            return redirect("decisions", round_id=budget_round.public_id)
    elif request.method == "POST":
        messages.error(request, _("Publish a catalog before recording decisions on it."))
        return redirect("decisions", round_id=budget_round.public_id)
    recorded = _decisions(agreement)
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


def adjustment_rows(budget_round: BudgetRound) -> list[rules.Adjustment]:
    agreement = _agreement(budget_round)
    adopted = [d for d in _decisions(agreement) if d.outcome == Outcome.ADOPTED]
    areas = ServiceArea.objects.filter(
        committee__municipality_id=budget_round.municipality_id
    ).select_related("committee")
    committees = Committee.objects.filter(municipality_id=budget_round.municipality_id)
    return rules.adjustments(
        ((d.published.code, d.published.title, d.published.effects) for d in adopted),
        {(a.committee.code, a.name): a.function_codes for a in areas},
        {c.code: c.name for c in committees},
    )


def adjustment_header() -> list[str]:
    return [
        _("Municipality number"),
        _("Committee"),
        _("Service area"),
        _("Functions"),
        _("Year"),
        _("Amount (kr.)"),
        _("Proposal"),
        _("Title"),
    ]


def _filename(budget_round: BudgetRound, extension: str) -> str:
    name = _("budget-adjustments")
    return f"{name}-{budget_round.budget_year}.{extension}"


@login_required
@require_GET
def adjustments_csv(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The adopted effects for the finance system: `;`-separated, UTF-8 with BOM, whole kroner."""
    budget_round = access.get_round(request.user, round_id, Action.VIEW_DECISIONS)
    code = budget_round.municipality.code
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(adjustment_header())
    for row in adjustment_rows(budget_round):
        writer.writerow(
            [
                code,
                row.committee,
                row.area,
                row.functions,
                row.year,
                row.amount,
                row.code,
                row.title,
            ]
        )
    response = HttpResponse(
        buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(budget_round, "csv")}"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
@require_GET
def adjustments_xlsx(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    budget_round = access.get_round(request.user, round_id, Action.VIEW_DECISIONS)
    code = budget_round.municipality.code
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Adjustments")[:31]
    sheet.append(adjustment_header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    rows = adjustment_rows(budget_round)
    for row in rows:
        sheet.append(
            [
                code,
                row.committee,
                row.area,
                row.functions,
                row.year,
                row.amount,
                row.code,
                row.title,
            ]
        )
        sheet.cell(row=sheet.max_row, column=6).number_format = "#,##0"
    # The total as a value, not a formula: readers without a calculation engine see it too.
    sheet.append(["", _("Total"), "", "", "", sum(row.amount for row in rows), "", ""])
    total = sheet.cell(row=sheet.max_row, column=6)
    total.number_format = "#,##0"
    total.font = sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True)
    for column, width in zip("ABCDEFGH", (14, 30, 30, 16, 8, 16, 10, 50), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(budget_round, "xlsx")}"'
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
    form = NextRoundForm(request.POST or None, source=source, blocked=blocked)
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
