"""The page a person sees when single sign-on does not log them in."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from raaderum.sso.actions import CANCELLED, INVALID, UNAVAILABLE, refusal_message

STATUS = {INVALID: 400, CANCELLED: 400, UNAVAILABLE: 502}


def refused(request: HttpRequest, reason: str | None) -> HttpResponse:
    return render(
        request,
        "sso/refused.html",
        {"message": refusal_message(reason)},
        status=STATUS.get(reason or CANCELLED, 403),
    )
