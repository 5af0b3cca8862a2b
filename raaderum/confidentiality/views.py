"""The budget office's access log: who saw or downloaded confidential or internal material."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import log
from raaderum.confidentiality.forms import AccessLogFilterForm
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.models import Municipality

SHOWN = 200  # rows on the page; the exports hold every row of the selection
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters(
    request: AuthenticatedHttpRequest, municipality: Municipality
) -> tuple[AccessLogFilterForm, log.Filters | None]:
    """The form and, when it is valid, its filters (None: show the errors, nothing else)."""
    form = AccessLogFilterForm(request.GET or None, people=log.people(municipality))
    if not form.is_bound:
        return form, log.Filters()
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, log.Filters(
        from_date=data["from_date"],
        to_date=data["to_date"],
        person=data["person"],
        item=data["item"].strip(),
    )


@login_required
@require_GET
def access_log(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_ACCESS_LOG)
    form, filters = _filters(request, municipality)
    found = log.records(municipality, filters) if filters is not None else None
    rows = list(found[:SHOWN]) if found is not None else []
    return render(
        request,
        "confidentiality/access_log.html",
        {
            "municipality": municipality,
            "form": form,
            "records": rows,
            "count": found.count() if found is not None and len(rows) == SHOWN else len(rows),
            "shown": SHOWN,
            "query": request.GET.urlencode(),
        },
        status=200 if filters is not None else 422,
    )


def _export(
    request: AuthenticatedHttpRequest, municipality_slug: str, extension: str
) -> HttpResponse:
    municipality = access.get_municipality(request.user, municipality_slug, Action.VIEW_ACCESS_LOG)
    _form, filters = _filters(request, municipality)
    if filters is None:
        return access_log(request, municipality_slug)
    filename = f"adgangslog-{municipality.slug}.{extension}"
    if extension == "csv":
        response = HttpResponse(
            log.as_csv(municipality, filters), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(log.as_xlsx(municipality, filters), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_GET
def access_log_csv(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    return _export(request, municipality_slug, "csv")


@login_required
@require_GET
def access_log_xlsx(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    return _export(request, municipality_slug, "xlsx")
