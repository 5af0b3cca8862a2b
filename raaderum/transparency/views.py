"""The public transparency page and open data (no login), and the budget office's setting.

Everything public is read through raaderum.transparency.public, which decides what may be shown.
Public pages are cacheable for a few minutes (so a change of the setting reaches everyone within
that time), carry no CSRF token or login state, and vary only on the language cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import conditional_page, require_http_methods, require_safe

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality.visibility import marking_of
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.proposals.models import ProposalType
from raaderum.publication import excel
from raaderum.publication.actions import PdfVariant, do_request_pdf
from raaderum.publication.catalog import build_published_catalog, published_proposals
from raaderum.publication.models import CatalogPdf, CatalogVersion, PdfStatus
from raaderum.transparency import opendata
from raaderum.transparency.actions import do_set_publicity
from raaderum.transparency.forms import PublicityForm
from raaderum.transparency.models import RoundPublicity
from raaderum.transparency.public import (
    PublicInitiative,
    PublicRound,
    by_year,
    filter_initiatives,
    get_public_municipality,
    preview_round,
    public_round,
    public_rounds,
    public_version,
    public_version_proposals,
    public_versions,
    publicity_of,
    status_choices,
)

PUBLIC_MAX_AGE = 300  # seconds a browser or proxy may keep a public page or data file

View = Callable[..., HttpResponse]


def public_view(view: View) -> View:
    """GET/HEAD only, cacheable by anyone for PUBLIC_MAX_AGE, with an ETag for revalidation."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])  # the language is chosen by a cookie
        return response

    return require_safe(conditional_page(wrapper))


def _proposal_url(request: HttpRequest, initiative: PublicInitiative) -> str:
    return request.build_absolute_uri(
        reverse(
            "public_proposal",
            args=[
                initiative.round.round.municipality.slug,
                initiative.round.public_id,
                initiative.code,
            ],
        )
    )


@public_view
def public_home(request: HttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = get_public_municipality(municipality_slug)
    rounds = public_rounds(municipality)
    return render(
        request,
        "transparency/public_home.html",
        {
            "municipality": municipality,
            "rounds": rounds,
            "versions": public_versions(municipality),
        },
    )


def _public_pdf_variant(version: CatalogVersion) -> PdfVariant:
    """The PDF the public gets: the version's public proposals, unmarked."""
    shown = list(public_version_proposals(version))
    every = set(version.proposals.values_list("pk", flat=True))
    return PdfVariant(marking_of(version, shown), sorted(every - {p.pk for p in shown}))


@public_view
def public_catalog(
    request: HttpRequest, municipality_slug: str, round_id: str, number: int
) -> HttpResponse:
    """A catalog version the budget office made public (or whose release date has come), with
    its public proposals and their råderum per year, read-only."""
    municipality = get_public_municipality(municipality_slug)
    version = public_version(municipality, round_id, number)
    catalog = build_published_catalog(
        version, published_proposals(version, public_version_proposals(version))
    )
    pdf = (
        CatalogPdf.objects.defer("content")
        .filter(version=version, variant=_public_pdf_variant(version).key, status=PdfStatus.DONE)
        .first()
    )
    return render(
        request,
        "transparency/public_catalog.html",
        {
            "municipality": municipality,
            "round": version.round,
            "version": version,
            "catalog": catalog,
            "pdf": pdf,
        },
    )


@require_safe
def public_catalog_pdf(
    request: HttpRequest, municipality_slug: str, round_id: str, number: int
) -> HttpResponse:
    """The public version's PDF; the first visitor has it made (once per variant)."""
    municipality = get_public_municipality(municipality_slug)
    version = public_version(municipality, round_id, number)
    variant = _public_pdf_variant(version)
    pdf = CatalogPdf.objects.filter(
        version=version, variant=variant.key, status=PdfStatus.DONE
    ).first()
    if pdf is None:
        do_request_pdf(version, variant)
        response = render(
            request,
            "transparency/public_catalog_pdf_wait.html",
            {"municipality": municipality, "round": version.round, "version": version},
            status=202,
        )
        patch_cache_control(response, no_cache=True, max_age=0)
        return response
    response = HttpResponse(bytes(pdf.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{excel.filename(version, "pdf")}"'
    patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    return response


def _chosen_filters(request: HttpRequest, public: PublicRound) -> dict[str, str]:
    """The GET filters; values the round does not have are ignored (the URL may be hand-edited)."""
    chosen = {name: request.GET.get(name, "") for name in ("committee", "type", "status")}
    if chosen["committee"] not in {i.committee_code for i in public.initiatives}:
        chosen["committee"] = ""
    if chosen["type"] not in ProposalType.values:
        chosen["type"] = ""
    if not public.show_realisation or chosen["status"] not in dict(status_choices()):
        chosen["status"] = ""
    return chosen


def round_context(public: PublicRound, chosen: dict[str, str]) -> dict[str, Any]:
    shown = filter_initiatives(public.initiatives, **chosen)
    committees = {i.committee_code: i.committee_name for i in public.initiatives}
    return {
        "public": public,
        "round": public.round,
        "agreement": public.agreement,
        "initiatives": shown,
        "years": public.years,
        "year_totals": by_year(shown),
        "adjusted": any(i.adjusted for i in shown),
        "committee_choices": list(committees.items()),
        "types": [(v, label) for v, label in ProposalType.choices],
        "statuses": status_choices(),
        "chosen": chosen,
        "filtered": any(chosen.values()),
    }


@public_view
def public_round_page(request: HttpRequest, municipality_slug: str, round_id: str) -> HttpResponse:
    municipality = get_public_municipality(municipality_slug)
    public = public_round(municipality, round_id)
    context = round_context(public, _chosen_filters(request, public))
    return render(
        request, "transparency/public_round.html", {**context, "municipality": municipality}
    )


@public_view
def public_proposal(
    request: HttpRequest, municipality_slug: str, round_id: str, code: str
) -> HttpResponse:
    municipality = get_public_municipality(municipality_slug)
    public = public_round(municipality, round_id)
    initiative = next((i for i in public.initiatives if i.code == code), None)
    if initiative is None:
        raise Http404(_("Not found"))
    return render(
        request,
        "transparency/public_proposal.html",
        {
            "municipality": municipality,
            "public": public,
            "round": public.round,
            "agreement": public.agreement,
            "initiative": initiative,
        },
    )


@public_view
def public_data(request: HttpRequest, municipality_slug: str) -> HttpResponse:
    """What the open data files hold, field by field, with links to them."""
    municipality = get_public_municipality(municipality_slug)
    return render(
        request,
        "transparency/public_data.html",
        {
            "municipality": municipality,
            "datasets": opendata.DATASETS.values(),
            "schema_version": opendata.SCHEMA_VERSION,
            "licence": opendata.LICENCE,
        },
    )


def public_dataset(
    request: HttpRequest, municipality_slug: str, dataset: str, extension: str
) -> HttpResponse:
    municipality = get_public_municipality(municipality_slug)
    chosen = opendata.DATASETS[dataset]
    rows = chosen.rows(public_rounds(municipality), lambda i: _proposal_url(request, i))
    filename = f"{municipality.slug}-{chosen.name}.{extension}"
    if extension == "csv":
        response = HttpResponse(
            opendata.to_csv(chosen, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        documentation = request.build_absolute_uri(reverse("public_data", args=[municipality.slug]))
        response = HttpResponse(
            opendata.to_json(chosen, rows, municipality, documentation),
            content_type="application/json",
        )
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _dataset_view(dataset: str, extension: str) -> View:
    def view(request: HttpRequest, municipality_slug: str) -> HttpResponse:
        return public_dataset(request, municipality_slug, dataset, extension)

    view.__name__ = f"public_{dataset}_{extension}"
    return public_view(view)


public_initiatives_json = _dataset_view("initiatives", "json")
public_initiatives_csv = _dataset_view("initiatives", "csv")
public_realisation_json = _dataset_view("realisation", "json")
public_realisation_csv = _dataset_view("realisation", "csv")


@login_required
@require_http_methods(["GET", "POST"])
def round_publicity(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The budget office chooses what of the round is public, seeing exactly what that is."""
    budget_round = access.get_round(request.user, round_id, Action.MANAGE_PUBLICITY)
    publicity = publicity_of(budget_round)
    has_agreement = hasattr(budget_round, "agreement")
    form = PublicityForm(
        request.POST or None,
        instance=publicity or RoundPublicity(round=budget_round),
        has_agreement=has_agreement,
    )
    if request.method == "POST" and form.is_valid():
        do_set_publicity(
            budget_round,
            public=form.cleaned_data["public"],
            show_realisation=form.cleaned_data["show_realisation"],
            user=request.user,
        )
        messages.success(request, _("The settings of the public page were saved."))
        return redirect("round_publicity", round_id=budget_round.public_id)
    # The preview follows the form: after a refused save it shows what was asked for.
    show_realisation = bool(form["show_realisation"].value())
    preview = preview_round(budget_round, show_realisation=show_realisation)
    context: dict[str, Any] = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "form": form,
        "publicity": publicity,
        "preview": preview,
        "is_public": publicity is not None and publicity.public and has_agreement,
    }
    if preview is not None:
        context.update(round_context(preview, {"committee": "", "type": "", "status": ""}))
    return render(request, "transparency/publicity.html", context)
