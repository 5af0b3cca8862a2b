from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.ideas.models import accepts_party_proposals
from raaderum.lib import concurrency
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.lib.money import format_kr
from raaderum.organisation.models import Membership
from raaderum.proposals.catalog import build_catalog
from raaderum.rounds.actions import do_save_plan, do_save_round, plan_state, round_state
from raaderum.rounds.dashboard import build_dashboard
from raaderum.rounds.forms import PlanForm, RoundForm
from raaderum.rounds.models import BudgetRound, PhaseKind


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    memberships = list(Membership.objects.for_user(request.user).order_by("municipality__name"))
    rounds = BudgetRound.objects.filter(
        municipality__in=[m.municipality for m in memberships]
    ).select_related("municipality")
    by_municipality = [
        {
            "membership": m,
            "rounds": [r for r in rounds if r.municipality_id == m.municipality_id],
            "may_manage": access.role_may(m.role, Action.MANAGE_ROUND),
        }
        for m in memberships
    ]
    return render(request, "rounds/home.html", {"by_municipality": by_municipality})


@login_required
@require_GET
def round_detail(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id)
    role = access.role_in(request.user, budget_round.municipality_id)
    may_see_catalog = access.role_may(role, Action.VIEW_CATALOG)
    catalog = None
    dashboard = None
    if may_see_catalog:
        proposals = budget_round.proposals.for_catalog().select_related("owner", "director")
        catalog = build_catalog(budget_round, proposals)
        dashboard = build_dashboard(budget_round, catalog, request.user, timezone.localdate())
    return render(
        request,
        "rounds/round_detail.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "target": budget_round.target_by_year(),
            "catalog": catalog,
            "dashboard": dashboard,
            "phases": budget_round.phases.all(),
            "may_see_catalog": may_see_catalog,
            "may_manage": access.role_may(role, Action.MANAGE_ROUND),
            "may_create": access.role_may(role, Action.CREATE_PROPOSAL),
            "may_see_activity": access.role_may(role, Action.VIEW_ACTIVITY),
            "ideas": {
                "view": access.role_may(role, Action.VIEW_IDEAS),
                "submit": budget_round.accepts_ideas and access.role_may(role, Action.SUBMIT_IDEA),
                "party": accepts_party_proposals(budget_round)
                and access.role_may(role, Action.SUBMIT_PARTY_PROPOSAL),
                "screen": access.role_may(role, Action.SCREEN_IDEAS),
                "import": access.role_may(role, Action.IMPORT_IDEAS),
                "public_url": request.build_absolute_uri(
                    reverse("public_idea", args=[budget_round.municipality.slug, round_id])
                )
                if budget_round.accepts_ideas
                else "",
            },
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_plan(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The process plan: each phase's dates and the phase the round is in now."""
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_ROUND)
    loaded = {concurrency.FIELD: concurrency.fingerprint(plan_state(budget_round))}
    form = PlanForm(request.POST or None, budget_round=budget_round, initial=loaded)
    context = {"form": form, "round": budget_round, "municipality": budget_round.municipality}
    if request.method == "POST" and form.is_valid():
        try:
            do_save_plan(budget_round, form, user=request.user)
        except concurrency.StaleState:
            budget_round = BudgetRound.objects.get(pk=budget_round.pk)
            return _stale(request, "rounds/round_plan.html", context, plan_state(budget_round))
        messages.success(request, _("The process plan was saved."))
        return redirect("round_detail", round_id=budget_round.public_id)
    return render(request, "rounds/round_plan.html", context)


def _shown(name: str, value: Any) -> str:
    """A saved value as the forms show it: amounts in kroner, dates and phases in Danish."""
    if name == "target_amount" or name.startswith("year_target_"):
        return format_kr(int(value))
    if name == "current_phase":
        return str(PhaseKind(value).label)
    if isinstance(value, date):
        return formats.date_format(value, "j. F Y")
    return str(value)


def _stale(
    request: AuthenticatedHttpRequest,
    template: str,
    context: dict[str, Any],
    current: dict[str, object],
) -> HttpResponse:
    """409: nothing saved; what was typed stays, the values saved meanwhile are shown."""
    form = context["form"]
    saved = {name: current.get(name) for name in form.fields if name != concurrency.FIELD}
    differences = concurrency.differences(form, saved, _shown)
    concurrency.reload(form, current)
    return render(
        request,
        template,
        {**context, "stale": True, "stale_differences": differences},
        status=409,
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_create(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_ROUND)
    form = RoundForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        budget_round = do_save_round(form, user=request.user)
        messages.success(request, _("The round was created."))
        return redirect("round_detail", round_id=budget_round.public_id)
    return render(
        request,
        "rounds/round_form.html",
        {"form": form, "municipality": municipality, "round": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def round_edit(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_ROUND)
    form = RoundForm(
        request.POST or None,
        instance=budget_round,
        municipality=budget_round.municipality,
        initial={concurrency.FIELD: concurrency.fingerprint(round_state(budget_round))},
    )
    context = {"form": form, "municipality": budget_round.municipality, "round": budget_round}
    if request.method == "POST" and form.is_valid():
        try:
            do_save_round(form, user=request.user)
        except concurrency.StaleState:
            current = BudgetRound.objects.get(pk=budget_round.pk)
            return _stale(request, "rounds/round_form.html", context, round_state(current))
        messages.success(request, _("The round was saved."))
        return redirect("round_detail", round_id=budget_round.public_id)
    return render(request, "rounds/round_form.html", context)
