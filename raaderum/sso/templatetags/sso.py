from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse

from raaderum.sso import oidc, saml

register = template.Library()


@dataclass(frozen=True)
class LoginOption:
    name: str
    url: str


@register.simple_tag
def sso_logins() -> list[LoginOption]:
    """The identity providers the login page offers, in the order OIDC, SAML."""
    options = []
    if oidc.configured():
        options.append(LoginOption(settings.OIDC_NAME, reverse("sso_oidc_login")))
    if saml.configured():
        options.append(LoginOption(settings.SAML_NAME, reverse("sso_saml_login")))
    return options


@register.simple_tag
def local_login() -> bool:
    """Whether the login page offers user name and password (LOCAL_LOGIN)."""
    return bool(settings.LOCAL_LOGIN)
