from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from raaderum.organisation.models import Membership


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
