from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import rules, visibility
from raaderum.confidentiality.actions import do_set_version_visibility
from raaderum.confidentiality.forms import VersionVisibilityForm
from raaderum.confidentiality.models import AccessAction, AccessKind, Visibility
from raaderum.confidentiality.visibility import Marking, marking_of, record_access
from raaderum.impactscreening import published as impact_screening
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Committee, Role, ServiceArea, User
from raaderum.proposals.models import ProposalStatus, ProposalType
from raaderum.publication import compare, excel, imports
from raaderum.publication.access import get_published_proposal, get_version, shown_proposals
from raaderum.publication.actions import (
    PdfVariant,
    PublishRefused,
    do_import_proposals,
    do_publish_catalog,
    do_request_pdf,
)
from raaderum.publication.catalog import build_published_catalog, published_proposals
from raaderum.publication.forms import ImportForm, PublishForm
from raaderum.publication.models import CatalogPdf, CatalogVersion, PdfStatus, PublishedProposal
from raaderum.publication.pdf import area_rows
from raaderum.rounds.models import BudgetRound

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _render_versions(
    request: AuthenticatedHttpRequest,
    budget_round: BudgetRound,
    form: PublishForm,
    *,
    problems: list[str] | None = None,
    status: int = 200,
) -> HttpResponse:
    role = access.role_in(request.user, budget_round.municipality_id)
    may_publish = access.role_may(role, Action.PUBLISH_CATALOG)
    versions = list(
        visibility.visible_versions(budget_round.catalog_versions.all(), role)
        .select_related("published_by")
        .annotate(proposal_count=Count("proposals"))
    )
    for version in versions:
        version.level = visibility.version_level(version)  # type: ignore[attr-defined]
    return render(
        request,
        "publication/versions.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "versions": versions,
            "may_set_visibility": access.role_may(role, Action.SET_VISIBILITY),
            "form": form,
            "problems": problems or [],
            "may_publish": may_publish,
            "may_import": access.role_may(role, Action.IMPORT_PROPOSALS),
            "in_catalog": budget_round.proposals.filter(status=ProposalStatus.IN_CATALOG).count()
            if may_publish
            else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def versions(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """The round's published versions; the budget office publishes a new one here."""
    if request.method == "GET":
        budget_round = access.get_round(request.user, round_id, Action.VIEW_PUBLISHED)
        return _render_versions(request, budget_round, PublishForm())
    budget_round = access.get_round(request.user, round_id, Action.PUBLISH_CATALOG)
    form = PublishForm(request.POST)
    if not form.is_valid():
        return _render_versions(request, budget_round, form, status=422)
    try:
        version = do_publish_catalog(
            budget_round,
            user=request.user,
            note=form.cleaned_data["note"],
            visibility=form.cleaned_data["visibility"],
            release_date=form.cleaned_data["release_date"],
        )
    except PublishRefused as refused:
        return _render_versions(request, budget_round, form, problems=refused.problems, status=409)
    if version.visibility == Visibility.INTERNAL:
        done = _(
            "Version %(number)s of the catalog is published, internal to the administration: "
            "the politicians cannot read it yet."
        )
    else:
        done = _("Version %(number)s of the catalog is published. The politicians can read it now.")
    messages.success(request, done % {"number": version.number})
    return redirect("catalog_version", round_id=budget_round.public_id, number=version.number)


def _pdf_variant(request: AuthenticatedHttpRequest, version: CatalogVersion) -> PdfVariant:
    """The PDF this reader gets: the proposals they may see, marked as those are."""
    shown = list(shown_proposals(request.user, version))
    every = set(version.proposals.values_list("pk", flat=True))
    return PdfVariant(marking_of(version, shown), sorted(every - {p.pk for p in shown}))


def _pdf_of(version: CatalogVersion, variant: PdfVariant) -> CatalogPdf | None:
    # Never the file itself: the page only needs to know how far it is.
    return CatalogPdf.objects.defer("content").filter(version=version, variant=variant.key).first()


def _version_label(version: CatalogVersion) -> str:
    return _("%(name)s, version %(number)s") % {
        "name": version.round_name,
        "number": version.number,
    }


def hidden_from_politicians(version: CatalogVersion) -> int:
    """How many of the version's proposals the politicians do not see (for the budget office)."""
    every = version.proposals.count()
    return every - visibility.visible_published(version.proposals.all(), rules.POLITICIAN).count()


@login_required
@require_GET
def version_detail(request: AuthenticatedHttpRequest, round_id: str, number: int) -> HttpResponse:
    """The politicians' catalog: a frozen version, by committee, against the target."""
    version = get_version(request.user, round_id, number)
    proposals = published_proposals(version, shown_proposals(request.user, version))
    # The impact screening's markers and filter ("Climate: negative"); the rest is unfiltered.
    screening = impact_screening.for_catalog(version, proposals, request.GET.get("screening", ""))
    catalog = build_published_catalog(version, screening.listed)
    marking = marking_of(version, proposals)
    role = access.role_in(request.user, version.round.municipality_id)
    may_set_visibility = access.role_may(role, Action.SET_VISIBILITY)
    record_access(
        request,
        version.round.municipality_id,
        kind=AccessKind.CATALOG_VERSION,
        object_id=version.pk,
        label=_version_label(version),
        level=marking.level,
    )
    return render(
        request,
        "publication/version_detail.html",
        {
            "round": version.round,
            "municipality": version.round.municipality,
            "version": version,
            "catalog": catalog,
            "pdf": _pdf_of(version, _variant_of(version, proposals, marking)),
            "marking": marking,
            "version_marking": Marking(visibility.version_level(version), version.release_date),
            "may_set_visibility": may_set_visibility,
            "hidden": hidden_from_politicians(version) if may_set_visibility else 0,
            "may_optimise": access.role_may(role, Action.OPTIMISE),
            "screening": screening,
        },
    )


def _variant_of(
    version: CatalogVersion, shown: list[PublishedProposal], marking: Marking
) -> PdfVariant:
    every = set(version.proposals.values_list("pk", flat=True))
    return PdfVariant(marking, sorted(every - {p.pk for p in shown}))


@login_required
@require_GET
def published_proposal(
    request: AuthenticatedHttpRequest, round_id: str, number: int, code: str
) -> HttpResponse:
    published = get_published_proposal(request.user, round_id, number, code)
    version = published.version
    marking = marking_of(version, [published])
    record_access(
        request,
        version.round.municipality_id,
        kind=AccessKind.PUBLISHED_PROPOSAL,
        object_id=published.pk,
        label=f"{published.code} {published.title} ({_version_label(version)})",
        level=marking.level,
    )
    years = version.round.years
    headroom = {year: published.headroom_by_year().get(year, 0) for year in years}
    labels = {field.name: str(field.verbose_name) for field in PublishedProposal._meta.fields}
    sections = [
        (labels[name].capitalize(), getattr(published, name))
        for name in (
            "description",
            "consequences_service",
            "consequences_citizens",
            "consequences_staff",
            "risks",
            "calculation_basis",
            "assumptions",
        )
        if getattr(published, name).strip()
    ]
    return render(
        request,
        "publication/published_proposal.html",
        {
            "round": version.round,
            "municipality": version.round.municipality,
            "version": version,
            "proposal": published,
            "marking": marking,
            "years": years,
            "headroom": headroom,
            "area_rows": area_rows(published.effects),
            "fte": {int(year): Decimal(value) for year, value in published.fte.items()},
            "sections": sections,
            "type_label": dict(ProposalType.choices).get(published.type, published.type),
        },
    )


COMPARED_FIELDS = (
    "title",
    "type",
    "committee",
    "summary",
    "description",
    "consequences_service",
    "consequences_citizens",
    "consequences_staff",
    "risks",
    "calculation_basis",
    "assumptions",
    "owner_name",
    "director_name",
    "effects",
)


def _entry(published: PublishedProposal) -> compare.Entry:
    values: dict[str, object] = {name: getattr(published, name) for name in COMPARED_FIELDS}
    # As published: a committee renamed between two versions shows as a change.
    values["committee"] = (
        published.committee_id,
        published.committee_code,
        published.committee_name,
    )
    values["effects"] = sorted(
        (e["committee"], e["area"], int(e["year"]), int(e["amount"])) for e in published.effects
    )
    return compare.Entry(
        key=published.proposal_id,
        code=published.code,
        title=published.title,
        headroom=published.headroom_by_year(),
        fields=values,
    )


def _version_number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 6 else None


@login_required
@require_GET
def compare_versions(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """What changed from version a to version b: proposals added, removed and changed."""
    budget_round = access.get_round(request.user, round_id, Action.VIEW_PUBLISHED)
    role = access.role_in(request.user, budget_round.municipality_id)
    numbers = list(
        visibility.visible_versions(budget_round.catalog_versions.all(), role).values_list(
            "number", flat=True
        )
    )
    a = _version_number(request.GET.get("a"))
    b = _version_number(request.GET.get("b"))
    if a is None and b is None and len(numbers) >= 2:
        b, a = sorted(numbers)[-1], sorted(numbers)[-2]  # the latest change by default
    context: dict[str, object] = {
        "round": budget_round,
        "municipality": budget_round.municipality,
        "numbers": sorted(numbers),
        "a": a,
        "b": b,
        "comparison": None,
    }
    status = 200
    if a in numbers and b in numbers:
        chosen = {
            v.number: v
            for v in CatalogVersion.objects.select_related("published_by").filter(
                round=budget_round, number__in=[a, b]
            )
        }
        for version in chosen.values():
            version.round = budget_round
        before = chosen[a]
        after = chosen[b]
        shown = {
            number: published_proposals(version, shown_proposals(request.user, version))
            for number, version in chosen.items()
        }
        entries = {number: [_entry(p) for p in shown[number]] for number in shown}
        marking = visibility.Marking(
            *rules.marking(
                [
                    (m.level, m.release_date)
                    for m in (marking_of(v, shown[n]) for n, v in chosen.items())
                ],
                visibility.today(),
            )
        )
        context["marking"] = marking
        record_access(
            request,
            budget_round.municipality_id,
            kind=AccessKind.COMPARISON,
            object_id=f"{a}-{b}",
            label=_("%(name)s, version %(a)s against %(b)s")
            % {"name": budget_round.name, "a": a, "b": b},
            level=marking.level,
        )
        labels = {field.name: str(field.verbose_name) for field in PublishedProposal._meta.fields}
        context.update(
            {
                "before": before,
                "after": after,
                "comparison": compare.compare(
                    entries[before.number], entries[after.number], budget_round.years
                ),
                "labels": labels,
                "years": budget_round.years,
            }
        )
    elif a is not None or b is not None:
        context["choice_error"] = _("Choose two published versions to compare.")
        status = 400 if numbers else 200
    return render(request, "publication/compare.html", context, status=status)


@login_required
@require_POST
def pdf_make(request: AuthenticatedHttpRequest, round_id: str, number: int) -> HttpResponse:
    version = get_version(request.user, round_id, number)
    do_request_pdf(version, _pdf_variant(request, version))
    return redirect(
        reverse("catalog_version", args=[version.round.public_id, version.number]) + "#pdf"
    )


@login_required
@require_GET
def pdf_status(request: AuthenticatedHttpRequest, round_id: str, number: int) -> HttpResponse:
    """The progress fragment the version page polls while the PDF is being made."""
    version = get_version(request.user, round_id, number)
    pdf = _pdf_of(version, _pdf_variant(request, version))
    return render(
        request,
        "publication/version_detail.html#pdf-status",
        # poll: the live region's new text goes out of band into the one already on the page.
        {"round": version.round, "version": version, "pdf": pdf, "poll": True},
    )


@login_required
@require_GET
def pdf_download(request: AuthenticatedHttpRequest, round_id: str, number: int) -> HttpResponse:
    version = get_version(request.user, round_id, number)
    variant = _pdf_variant(request, version)
    pdf = CatalogPdf.objects.filter(
        version=version, variant=variant.key, status=PdfStatus.DONE
    ).first()
    if pdf is None:
        messages.info(request, _("The PDF is not ready yet."))
        return redirect(
            reverse("catalog_version", args=[version.round.public_id, version.number]) + "#pdf"
        )
    record_access(
        request,
        version.round.municipality_id,
        kind=AccessKind.CATALOG_PDF,
        object_id=version.pk,
        label=_version_label(version),
        level=variant.marking.level,
        action=AccessAction.DOWNLOAD,
    )
    response = HttpResponse(bytes(pdf.content), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{excel.filename(version, "pdf")}"'
    return response


@login_required
@require_GET
def excel_download(request: AuthenticatedHttpRequest, round_id: str, number: int) -> HttpResponse:
    version = get_version(request.user, round_id, number)
    proposals = published_proposals(version, shown_proposals(request.user, version))
    marking = marking_of(version, proposals)
    content = excel.catalog_workbook(build_published_catalog(version, proposals), marking)
    record_access(
        request,
        version.round.municipality_id,
        kind=AccessKind.CATALOG_EXCEL,
        object_id=version.pk,
        label=_version_label(version),
        level=marking.level,
        action=AccessAction.DOWNLOAD,
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{excel.filename(version, "xlsx")}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def version_visibility(
    request: AuthenticatedHttpRequest, round_id: str, number: int
) -> HttpResponse:
    """The budget office releases or restricts a published version (»Synlighed«)."""
    version = get_version(request.user, round_id, number, Action.SET_VISIBILITY)
    form = VersionVisibilityForm(
        request.POST or None,
        initial={"visibility": version.visibility, "release_date": version.release_date},
    )
    if request.method == "POST" and form.is_valid():
        do_set_version_visibility(
            version,
            level=form.cleaned_data["visibility"],
            release_date=form.cleaned_data["release_date"],
            user=request.user,
        )
        messages.success(request, _("The visibility of the version was saved."))
        return redirect("catalog_version", round_id=version.round.public_id, number=version.number)
    return render(
        request,
        "publication/version_visibility.html",
        {
            "round": version.round,
            "municipality": version.round.municipality,
            "version": version,
            "form": form,
            "version_marking": Marking(visibility.version_level(version), version.release_date),
            "hidden": hidden_from_politicians(version),
        },
        status=422 if form.is_bound else 200,
    )


OWNER_ROLES = (Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER)


def _import_lookups(budget_round: BudgetRound) -> imports.Lookups:
    committees = Committee.objects.filter(municipality=budget_round.municipality)
    areas = ServiceArea.objects.of_municipality(budget_round.municipality).select_related(
        "committee"
    )
    by_name: dict[str, list[int]] = {}
    qualified = {}
    for area in areas:
        by_name.setdefault(" ".join(area.name.lower().split()), []).append(area.pk)
        qualified[" ".join(f"{area.committee.code}: {area.name}".lower().split())] = area.pk
    owners = User.objects.filter(
        memberships__municipality=budget_round.municipality, memberships__role__in=OWNER_ROLES
    )
    return imports.Lookups(
        committees={c.code.upper(): c.pk for c in committees},
        areas=by_name,
        qualified_areas=qualified,
        owners={u.username.lower(): u.pk for u in owners},
        years=budget_round.years,
    )


@login_required
@require_http_methods(["GET", "POST"])
def proposal_import(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    """Proposals and effects from the Excel template, created as drafts; all or nothing."""
    budget_round = access.get_round(request.user, round_id, Action.IMPORT_PROPOSALS)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[imports.CellError] = []
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = imports.read_workbook(
                    upload.read(),
                    _import_lookups(budget_round),
                    unit=form.cleaned_data["unit"],
                    sign=form.cleaned_data["sign"],
                )
            except imports.ImportFileError as problem:
                form.add_error("file", str(problem))
            else:
                errors = result.errors
                if not errors:
                    created = do_import_proposals(budget_round, result.proposals, user=request.user)
                    messages.success(
                        request,
                        ngettext(
                            "%(count)s proposal was created as a draft.",
                            "%(count)s proposals were created as drafts.",
                            len(created),
                        )
                        % {"count": len(created)},
                    )
                    return redirect("catalog", round_id=budget_round.public_id)
    return render(
        request,
        "publication/import.html",
        {
            "round": budget_round,
            "municipality": budget_round.municipality,
            "form": form,
            "errors": errors,
            "max_proposals": imports.MAX_PROPOSALS,
        },
        status=status,
    )


@login_required
@require_GET
def proposal_import_template(request: AuthenticatedHttpRequest, round_id: str) -> HttpResponse:
    budget_round = access.get_round(request.user, round_id, Action.IMPORT_PROPOSALS)
    municipality = budget_round.municipality
    owners = (
        User.objects.filter(
            memberships__municipality=municipality, memberships__role__in=OWNER_ROLES
        )
        .order_by("username")
        .distinct()
    )
    content = imports.template_workbook(
        committees=[(c.code, c.name) for c in Committee.objects.filter(municipality=municipality)],
        areas=[
            (a.committee.code, a.name)
            for a in ServiceArea.objects.of_municipality(municipality).select_related("committee")
        ],
        owners=[(u.username, str(u)) for u in owners],
        years=budget_round.years,
    )
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="forslag-skabelon.xlsx"'
    return response
