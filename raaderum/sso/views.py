"""Hooks of other libraries into single sign-on (the SSO views are in oidc.py and saml.py)."""

from django.http import HttpRequest

SSO_URL_NAMES = {"sso_oidc_callback", "sso_saml_acs"}


def is_sso_request(request: HttpRequest, credentials: object = None) -> bool:
    """AXES_WHITELIST_CALLABLE: an SSO answer is neither locked nor counted as a failure."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name in SSO_URL_NAMES
