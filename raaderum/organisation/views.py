from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation import personal_log
from raaderum.organisation.forms import GlossaryTermForm
from raaderum.organisation.models import GlossaryTerm, Membership, User


@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The footer's "Tilgængelighedserklæring" on pages that belong to no single municipality.

    Goes to the statement of the user's municipality, else the installation's, else says where
    to find it. Public: the statement must be reachable without logging in.
    """
    if request.user.is_authenticated:
        urls = {
            m.municipality.accessibility_statement_url
            for m in Membership.objects.for_user(request.user)
        } - {""}
        if len(urls) == 1:
            return redirect(urls.pop())
    if settings.ACCESSIBILITY_STATEMENT_URL:
        return redirect(settings.ACCESSIBILITY_STATEMENT_URL)
    return render(request, "accessibility.html")


@login_required
@require_http_methods(["GET", "POST"])
def glossary(request: AuthenticatedHttpRequest, municipality_slug: str) -> HttpResponse:
    """The budget office's list of jargon and plain alternatives, highlighted in proposals."""
    municipality = access.get_municipality(request.user, municipality_slug, Action.MANAGE_GLOSSARY)
    form = GlossaryTermForm(
        request.POST if "add" in request.POST else None, municipality=municipality
    )
    if request.method == "POST":
        if "delete" in request.POST:
            GlossaryTerm.objects.filter(
                municipality=municipality, pk=request.POST.get("delete", "").strip() or 0
            ).delete()
            messages.success(request, _("The term was removed."))
            return redirect("glossary", municipality_slug=municipality.slug)
        if form.is_valid():
            form.save()
            messages.success(request, _("The term was added."))
            return redirect("glossary", municipality_slug=municipality.slug)
    return render(
        request,
        "organisation/glossary.html",
        {
            "municipality": municipality,
            "terms": GlossaryTerm.objects.filter(municipality=municipality),
            "form": form,
        },
    )


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, str] | None = None,
) -> HttpResponse:
    """django-axes' answer to a login while the user name is locked (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "organisation/locked_out.html", {"minutes": minutes}, status=429)


@require_GET
@login_required
def person_log(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The installation administrator's search of every log entry about one person."""
    if not request.user.is_superuser:
        raise PermissionDenied
    username = request.GET.get("username", "").strip()
    entries = personal_log.entries_for(username) if username else []
    if username and request.GET.get("format") == "csv":
        response = HttpResponse(
            personal_log.as_csv(username, entries), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="log-{slugify(username)}.csv"'
        return response
    known = username and User.objects.filter(username=username).exists()
    return render(
        request,
        "organisation/person_log.html",
        {"username": username, "entries": entries, "known": known},
    )
