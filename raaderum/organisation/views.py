from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from raaderum import access
from raaderum.access import Action
from raaderum.lib.http import AuthenticatedHttpRequest
from raaderum.organisation.forms import GlossaryTermForm
from raaderum.organisation.models import GlossaryTerm, Membership


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
