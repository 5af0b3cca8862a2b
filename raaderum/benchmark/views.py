from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.benchmark import charts, distribution, potential, statbank, targets
from raaderum.benchmark.actions import (
    AreaChoice,
    do_fetch_statistics,
    do_import_statistics,
    do_save_distribution,
    do_save_settings,
)
from raaderum.benchmark.forms import (
    SIMILAR,
    ComparisonGroupForm,
    DistributionForm,
    FetchForm,
    KeyFigureForm,
    SettingsForm,
    UploadForm,
)
from raaderum.benchmark.keyfigures import (
    AreaRow,
    Overview,
    area_units,
    available_years,
    build_overview,
    data_years,
    settings_for,
)
from raaderum.benchmark.models import (
    ComparisonGroup,
    Dataset,
    DistributionArea,
    Method,
    Source,
    TargetDistribution,
)
from raaderum.lib import money
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Municipality, ServiceArea, User
from raaderum.rounds.models import BudgetRound


def get_group(user: User, public_id: UUID | str, action: Action) -> ComparisonGroup:
    group = (
        ComparisonGroup.objects.select_related("municipality").filter(public_id=public_id).first()
    )
    if group is None:
        raise Http404(_("Not found"))
    access.require(user, group.municipality_id, action)
    return group


# Key figures ---------------------------------------------------------------------------------


def _chosen(form: KeyFigureForm, name: str, default: Any) -> Any:
    if form.is_valid() or name not in form.errors:
        value = form.cleaned_data.get(name)
        if value not in (None, ""):
            return value
    return default


def ranking_chart(row: AreaRow, overview: Overview) -> charts.Chart | None:
    if row.result is None:
        return None
    reference = row.result.reference
    items = [
        (
            overview.name(figure.code),
            potential.per_unit_kr(figure),
            money.format_kr(potential.per_unit_kr(figure)),
            figure.code == overview.municipality.code,
        )
        for figure in row.figures
    ]
    return charts.bar_chart(
        items,
        marker=potential.per_unit_kr(reference) if reference else None,
        marker_label=_("The %(n)s. cheapest") % {"n": row.result.n_used},
    )


@dataclass(frozen=True)
class RankingLine:
    name: str
    figure: potential.Figure
    per_unit: int
    own: bool
    reference: bool


def ranking_lines(row: AreaRow, overview: Overview) -> list[RankingLine]:
    reference = row.result.reference if row.result else None
    return [
        RankingLine(
            name=overview.name(figure.code),
            figure=figure,
            per_unit=potential.per_unit_kr(figure),
            own=figure.code == overview.municipality.code,
            reference=reference is not None and figure.code == reference.code,
        )
        for figure in row.figures
    ]


def potential_chart(overview: Overview) -> charts.Chart:
    items = [
        (
            row.area.name,
            row.result.realistic,
            money.format_kr(row.result.realistic),
            False,
        )
        for row in overview.with_result
        if row.result is not None
    ]
    return charts.bar_chart(items, fill=charts.POTENTIAL)


@login_required
@require_GET
def key_figures(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """Spend per unit against the comparison group, ranking and potential per service area."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_BENCHMARK)
    role = access.role_in(request.user, municipality.pk)
    saved = settings_for(municipality)
    groups = list(ComparisonGroup.objects.filter(municipality=municipality))
    areas = list(ServiceArea.objects.of_municipality(municipality))
    years = available_years(municipality)
    form = KeyFigureForm(request.GET, groups=groups, years=years, areas=areas)
    group_choice = _chosen(
        form, "group", str(saved.comparison_group.public_id) if saved.comparison_group else SIMILAR
    )
    group = next((g for g in groups if str(g.public_id) == group_choice), None)
    overview = build_overview(
        municipality,
        year=_chosen(form, "year", years[0] if years else None),
        group=group,
        rank=_chosen(form, "rank", saved.rank),
        realism_percent=_chosen(form, "realism", saved.realism_percent),
        areas=areas,
        years=years,
    )
    with_result = overview.with_result
    chosen_area = _chosen(form, "area", None)
    ranked_row = overview.row_for(chosen_area) if chosen_area else None
    if ranked_row is None or ranked_row.result is None:
        ranked_row = max(
            with_result, key=lambda row: row.result.realistic if row.result else 0, default=None
        )
    shown = {
        "group": str(group.public_id) if group else SIMILAR,
        "year": overview.year,
        "rank": overview.rank,
        "realism": overview.realism_percent,
        "area": ranked_row.area.pk if ranked_row else None,
    }
    return render(
        request,
        "benchmark/key_figures.html",
        {
            "municipality": municipality,
            "form": form,
            "shown": shown,
            "groups": groups,
            "areas_with_result": [row.area for row in with_result],
            "overview": overview,
            "ranked_row": ranked_row,
            "ranking_chart": ranking_chart(ranked_row, overview) if ranked_row else None,
            "ranking_lines": ranking_lines(ranked_row, overview) if ranked_row else [],
            "potential_chart": potential_chart(overview) if with_result else None,
            "may_manage": access.role_may(role, Action.MANAGE_BENCHMARK),
            "rounds": BudgetRound.objects.filter(municipality=municipality),
        },
    )


# Statistics ----------------------------------------------------------------------------------


def _render_data(
    request: AuthenticatedHttpRequest,
    municipality: Municipality,
    *,
    upload_form: UploadForm | None = None,
    fetch_form: FetchForm | None = None,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    years = data_years(municipality)
    suggestion = ", ".join(str(year) for year in _suggested_years())
    return render(
        request,
        "benchmark/data.html",
        {
            "municipality": municipality,
            "upload_form": upload_form or UploadForm(),
            "fetch_form": fetch_form or FetchForm(initial={"years": suggestion}),
            "problems": problems or [],
            "datasets": Dataset.objects.filter(municipality=municipality)
            .select_related("imported_by")
            .annotate(
                spending_now=Count("spending", distinct=True),
                population_now=Count("population", distinct=True),
            ),
            "years": years,
            "functions": sorted(
                {
                    code
                    for area in ServiceArea.objects.of_municipality(municipality)
                    for code in area.function_code_list()
                }
            ),
            "api_url": statbank.API_URL,
        },
        status=status,
    )


def _suggested_years() -> list[int]:
    this_year = timezone.localdate().year
    return [this_year - 2, this_year - 1]


@login_required
@require_http_methods(["GET", "POST"])
def benchmark_data(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """The imported statistics, a CSV upload and the fetch from Statistikbanken."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_BENCHMARK)
    if request.method == "GET":
        return _render_data(request, municipality)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_data(request, municipality, upload_form=form, status=422)
    upload = form.cleaned_data["file"]
    try:
        dataset = do_import_statistics(
            municipality,
            upload.read(),
            source=Source.FILE,
            file_name=upload.name,
            note=form.cleaned_data["note"],
            user=request.user,
        )
    except statbank.StatbankError as error:
        return _render_data(
            request, municipality, upload_form=form, problems=error.messages, status=422
        )
    messages.success(request, _imported_message([dataset]))
    return redirect("benchmark_data", municipality_slug=municipality.slug)


def _imported_message(datasets: list[Dataset]) -> str:
    parts = [
        _("%(table)s %(period)s: %(rows)s figures for %(kommuner)s kommuner.")
        % {
            "table": dataset.table,
            "period": dataset.period_label,
            "rows": money.format_number(dataset.rows),
            "kommuner": dataset.kommuner,
        }
        for dataset in datasets
    ]
    return _("Imported. %(what)s") % {"what": " ".join(parts)}


@login_required
@require_POST
def benchmark_fetch(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """Fetch expenditure and inhabitants for the chosen years from Statistikbanken's API."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_BENCHMARK)
    form = FetchForm(request.POST)
    if not form.is_valid():
        return _render_data(request, municipality, fetch_form=form, status=422)
    try:
        datasets = do_fetch_statistics(municipality, form.cleaned_data["years"], user=request.user)
    except statbank.StatbankError as error:
        return _render_data(
            request, municipality, fetch_form=form, problems=error.messages, status=422
        )
    messages.success(request, _imported_message(datasets))
    return redirect("benchmark_data", municipality_slug=municipality.slug)


# Settings and comparison groups --------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def benchmark_settings(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_BENCHMARK)
    areas = list(ServiceArea.objects.of_municipality(municipality))
    form = SettingsForm(
        request.POST or None,
        instance=settings_for(municipality),
        areas=areas,
        units=area_units(areas),
    )
    if request.method == "POST" and form.is_valid():
        do_save_settings(form.save(commit=False), form.units())
        messages.success(request, _("The settings were saved."))
        return redirect("key_figures", municipality_slug=municipality.slug)
    return render(
        request,
        "benchmark/settings.html",
        {"municipality": municipality, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comparison_groups(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """The municipality's comparison groups, and a form for a new one."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_BENCHMARK)
    form = ComparisonGroupForm(request.POST or None, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        group = form.save()
        messages.success(request, _("The group »%(name)s« was saved.") % {"name": group.name})
        return redirect("comparison_groups", municipality_slug=municipality.slug)
    return render(
        request,
        "benchmark/groups.html",
        {
            "municipality": municipality,
            "groups": ComparisonGroup.objects.filter(municipality=municipality),
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def comparison_group_edit(request: AuthenticatedHttpRequest, group_id: str) -> HttpResponse:
    group = get_group(request.user, group_id, Action.MANAGE_BENCHMARK)
    form = ComparisonGroupForm(
        request.POST or None, instance=group, municipality=group.municipality
    )
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The group »%(name)s« was saved.") % {"name": group.name})
        return redirect("comparison_groups", municipality_slug=group.municipality.slug)
    return render(
        request,
        "benchmark/group_form.html",
        {"municipality": group.municipality, "group": group, "form": form},
        status=422 if form.errors else 200,
    )


@login_required
@require_POST
def comparison_group_delete(request: AuthenticatedHttpRequest, group_id: str) -> HttpResponse:
    group = get_group(request.user, group_id, Action.MANAGE_BENCHMARK)
    group.delete()
    messages.success(request, _("The group »%(name)s« was deleted.") % {"name": group.name})
    return redirect("comparison_groups", municipality_slug=group.municipality.slug)


# The round's target distribution -------------------------------------------------------------


def _basis(overview: Overview) -> str:
    group = overview.group.name if overview.group else _("kommuner of similar size")
    return _(
        "Potential from the accounts of %(year)s against the %(n)s. cheapest of »%(group)s«, "
        "realism factor %(realism)s %%."
    ) % {
        "year": overview.year,
        "n": overview.rank,
        "group": group,
        "realism": overview.realism_percent,
    }


def _initial(saved: TargetDistribution | None, areas: list[ServiceArea]) -> dict[str, Any]:
    if saved is None:
        return {"method": Method.UNIFORM}
    rows = {row.service_area_id: row for row in saved.areas.all()}
    initial: dict[str, Any] = {"method": saved.method}
    for area in areas:
        row: DistributionArea | None = rows.get(area.pk)
        if row is not None:
            initial[f"exempt_{area.pk}"] = row.exempt
            initial[f"share_{area.pk}"] = row.share_percent
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def target_distribution(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The round's target per year spread across the service areas, shown per committee."""
    action = Action.MANAGE_BENCHMARK if request.method == "POST" else Action.VIEW_BENCHMARK
    budget_round = access.get_round(request.user, round_id, action)
    municipality = budget_round.municipality
    role = access.role_in(request.user, municipality.pk)
    may_manage = access.role_may(role, Action.MANAGE_BENCHMARK)
    areas = list(ServiceArea.objects.of_municipality(municipality))
    years = budget_round.years
    round_targets = budget_round.target_by_year()
    saved, saved_table = targets.saved_table(budget_round)
    form = None
    preview = None
    overview = None
    status = 200
    if may_manage:
        saved_settings = settings_for(municipality)
        overview = build_overview(
            municipality,
            year=None,
            group=saved_settings.comparison_group,
            rank=saved_settings.rank,
            realism_percent=saved_settings.realism_percent,
        )
        form = DistributionForm(request.POST or None, areas=areas, initial=_initial(saved, areas))
        if request.method == "POST":
            status = 422
            if form.is_valid():
                method = form.cleaned_data["method"]
                potentials = {
                    row.area.pk: row.result.realistic for row in overview.rows if row.result
                }
                budgets = targets.budgets_by_year(areas, years)
                weights = targets.weights_for(
                    method, years, budgets=budgets, potentials=potentials, manual=form.shares()
                )
                exempt = form.exempt()
                try:
                    shares = targets.compute_shares(round_targets, areas, weights, exempt)
                except distribution.NoWeight as error:
                    form.add_error(None, _no_weight_message(method, error.year))
                else:
                    if "preview" not in request.POST:
                        do_save_distribution(
                            budget_round,
                            method,
                            [
                                AreaChoice(
                                    area=area,
                                    exempt=area.pk in exempt,
                                    share_percent=form.cleaned_data.get(f"share_{area.pk}")
                                    if method == Method.MANUAL
                                    else None,
                                    potential=potentials.get(area.pk),
                                )
                                for area in areas
                            ],
                            shares,
                            basis=_basis(overview) if method == Method.POTENTIAL else "",
                            user=request.user,
                        )
                        messages.success(request, _("The distribution of the target was saved."))
                        return redirect("target_distribution", round_id=budget_round.public_id)
                    status = 200
                    preview = targets.share_table(
                        years,
                        areas,
                        shares,
                        round_targets,
                        exempt=exempt,
                        budgets=budgets if method == Method.UNIFORM else None,
                    )
    return render(
        request,
        "benchmark/target_distribution.html",
        {
            "round": budget_round,
            "municipality": municipality,
            "saved": saved,
            "table": saved_table,
            "preview": preview,
            "form": form,
            "overview": overview,
            "potentials": {row.area.pk: row.result for row in overview.rows} if overview else {},
            "budgets": targets.budgets_by_year(areas, [budget_round.budget_year]).get(
                budget_round.budget_year, {}
            ),
            "may_manage": may_manage,
        },
        status=status,
    )


def _no_weight_message(method: str, year: int) -> str:
    if method == Method.UNIFORM:
        return _(
            "No area that is not exempt has a budget for %(year)s. Enter the areas' budgets "
            "or exempt fewer areas."
        ) % {"year": year}
    if method == Method.POTENTIAL:
        return _(
            "No area that is not exempt has a potential. Choose another method or look at "
            "the key figures first."
        )
    return _("No area that is not exempt has a share.")
