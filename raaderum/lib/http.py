"""The request type views see after @login_required and django-htmx's middleware."""

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from raaderum.organisation.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
    htmx: HtmxDetails
