"""Single sign-on over OpenID Connect (Entra ID, Keycloak) with mozilla-django-oidc.

The provider is found from OIDC_ISSUER through its discovery document, fetched when someone
logs in (never when the app starts: a provider that is down must not stop Råderum) and kept
for an hour. On top of the library: the ID token's issuer, audience, expiry and signature are
all checked (the library checks the signature only), PKCE is used, userinfo must be about the
same `sub` as the ID token, and a failure is a Danish page, never a redirect to nowhere.
"""

from __future__ import annotations

import logging
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from raaderum.sso import mapping
from raaderum.sso.actions import (
    CANCELLED,
    INVALID,
    UNAVAILABLE,
    SsoLogin,
    SsoRefused,
    do_sign_in_sso_user,
)
from raaderum.sso.models import Provider
from raaderum.sso.refusal import refused

logger = logging.getLogger("raaderum.sso")

TIMEOUT = 10  # seconds for each call to the provider
DISCOVERY_SECONDS = 60 * 60
CLOCK_SKEW = 60  # seconds of leeway on the token's times
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
}


def configured() -> bool:
    return bool(settings.OIDC_ISSUER)


def discovery() -> dict[str, Any]:
    """The provider's /.well-known/openid-configuration, checked to be about OIDC_ISSUER."""
    issuer = settings.OIDC_ISSUER
    key = f"sso-oidc-discovery:{issuer}"
    document = cache.get(key)
    if document is None:
        response = requests.get(f"{issuer}/.well-known/openid-configuration", timeout=TIMEOUT)
        response.raise_for_status()
        document = response.json()
        if document.get("issuer", "").rstrip("/") != issuer:
            raise SuspiciousOperation(f"the discovery document is for {document.get('issuer')}")
        cache.set(key, document, DISCOVERY_SECONDS)
    return document


def oidc_setting(name: str, *default: Any) -> Any:
    """mozilla-django-oidc's settings, from Råderum's OIDC_* settings and the discovery."""
    if name in ENDPOINTS:
        return discovery().get(ENDPOINTS[name], *default)
    fixed = {
        "OIDC_RP_CLIENT_ID": settings.OIDC_CLIENT_ID,
        "OIDC_RP_CLIENT_SECRET": settings.OIDC_CLIENT_SECRET,
        "OIDC_RP_SCOPES": settings.OIDC_SCOPES,
        "OIDC_RP_SIGN_ALGO": "RS256",
        "OIDC_USE_PKCE": True,
        "OIDC_USE_NONCE": True,
        "OIDC_TIMEOUT": TIMEOUT,
        "OIDC_AUTHENTICATION_CALLBACK_URL": "sso_oidc_callback",
        "OIDC_STORE_ACCESS_TOKEN": False,
        "OIDC_STORE_ID_TOKEN": False,
    }
    if name in fixed:
        return fixed[name]
    return getattr(settings, name, *default)


class OidcBackend(OIDCAuthenticationBackend):
    """Logs in the person the provider vouches for; only on the OIDC callback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django makes every backend for every login, also password logins: no discovery here.
        self.UserModel = get_user_model()

    get_settings = staticmethod(oidc_setting)

    def __getattr__(self, name: str) -> Any:
        # The library reads OIDC_OP_* / OIDC_RP_* as attributes set in its __init__.
        if name.startswith(("OIDC_OP_", "OIDC_RP_")):
            return oidc_setting(name, None)
        raise AttributeError(name)

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if request is None or not configured() or set(kwargs) != {"nonce", "code_verifier"}:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SsoRefused as refusal:
            request.sso_refusal = refusal.reason  # type: ignore[attr-defined]
        except SuspiciousOperation as error:
            logger.warning("OIDC login refused: %s", error)
            request.sso_refusal = INVALID  # type: ignore[attr-defined]
        except requests.RequestException as error:
            logger.warning("OIDC provider unavailable: %s", error)
            request.sso_refusal = UNAVAILABLE  # type: ignore[attr-defined]
        return None

    def get_payload_data(self, token: str | bytes, key: Any) -> dict[str, Any]:
        """The ID token's claims, after checking signature, issuer, audience and times."""
        try:
            header = jwt.get_unverified_header(token)
            if header.get("alg") != "RS256":
                raise SuspiciousOperation(f"ID token signed with {header.get('alg')}")
            claims: dict[str, Any] = jwt.decode(
                token,
                key,
                algorithms=["RS256"],
                audience=settings.OIDC_CLIENT_ID,
                issuer=settings.OIDC_ISSUER,
                leeway=CLOCK_SKEW,
                options={"require": ["iss", "aud", "exp", "iat", "sub"]},
            )
        except jwt.InvalidTokenError as error:
            raise SuspiciousOperation(f"ID token refused: {error}") from error
        audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
        if len(audiences) > 1 and claims.get("azp") != settings.OIDC_CLIENT_ID:
            raise SuspiciousOperation("ID token for several audiences without our azp")
        return claims

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The ID token's claims with the userinfo endpoint's on top (same person only)."""
        claims = dict(payload)
        if oidc_setting("OIDC_OP_USER_ENDPOINT", None):
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload["sub"]:
                raise SuspiciousOperation("userinfo is about another subject")
            claims.update(userinfo)
        return claims

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        claims = self.get_userinfo(access_token, id_token, payload)
        return do_sign_in_sso_user(
            SsoLogin(
                provider=Provider.OIDC,
                issuer=settings.OIDC_ISSUER,
                subject=str(claims["sub"]),
                profile=mapping.oidc_profile(claims, settings.OIDC_USERNAME_CLAIM),
                groups=tuple(mapping.group_values(claims.get(settings.OIDC_GROUPS_CLAIM))),
            )
        )


class OidcLoginView(OIDCAuthenticationRequestView):
    """ "Log ind med …": to the provider's authorization endpoint."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs: Any) -> None:
        super(OIDCAuthenticationRequestView, self).__init__(**kwargs)  # no discovery yet

    def get(self, request: HttpRequest) -> HttpResponse:
        if not configured():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except (requests.RequestException, ValueError, SuspiciousOperation) as error:
            logger.warning("OIDC discovery failed: %s", error)
            return refused(request, UNAVAILABLE)
        self.OIDC_RP_CLIENT_ID = settings.OIDC_CLIENT_ID
        return super().get(request)


class OidcCallbackView(OIDCAuthenticationCallbackView):
    """The provider sends the person back here with a code; a refusal is a Danish page."""

    get_settings = staticmethod(oidc_setting)

    def get(self, request: HttpRequest) -> HttpResponse:
        if not configured():
            raise Http404
        if request.GET.get("error"):
            logger.info("OIDC provider answered %s", request.GET.get("error"))
            request.sso_refusal = CANCELLED  # type: ignore[attr-defined]
        try:
            return super().get(request)
        except SuspiciousOperation as error:  # an unknown state: replayed or forged
            logger.warning("OIDC callback refused: %s", error)
            return refused(request, INVALID)

    def login_failure(self) -> HttpResponse:
        return refused(self.request, getattr(self.request, "sso_refusal", None))
