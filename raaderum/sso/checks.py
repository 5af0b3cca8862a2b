"""`manage.py check` (also run by migrate and runserver) tells about a broken SSO setup."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from raaderum.sso import mapping


@register()
def check_sso_settings(app_configs: object = None, **kwargs: object) -> list[CheckMessage]:
    messages: list[CheckMessage] = []
    try:
        grants = mapping.parse_role_map(settings.SSO_ROLE_MAP)
    except mapping.RoleMapError as error:
        messages.append(Error(f"SSO_ROLE_MAP: {error}", id="sso.E001"))
        grants = ()
    oidc, saml = bool(settings.OIDC_ISSUER), bool(settings.SAML_IDP_METADATA)
    if oidc and not (settings.OIDC_CLIENT_ID and settings.OIDC_CLIENT_SECRET):
        messages.append(
            Error("OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET", id="sso.E002")
        )
    metadata = settings.SAML_IDP_METADATA
    if saml and "://" not in metadata and not Path(metadata).is_file():
        messages.append(Error(f"SAML_IDP_METADATA: no file {metadata}", id="sso.E003"))
    if bool(settings.SAML_CERT) != bool(settings.SAML_KEY):
        messages.append(Error("Set both SAML_CERT and SAML_KEY, or neither", id="sso.E004"))
    for name in ("SAML_CERT", "SAML_KEY"):
        path = getattr(settings, name)
        if path and not Path(path).is_file():
            messages.append(Error(f"{name}: no file {path}", id="sso.E004"))
    if saml and shutil.which("xmlsec1") is None:
        messages.append(
            Error("SAML needs the xmlsec1 program (apt-get install xmlsec1)", id="sso.E005")
        )
    if not settings.LOCAL_LOGIN and not (oidc or saml):
        messages.append(
            Error("LOCAL_LOGIN=false needs OIDC_ISSUER or SAML_IDP_METADATA", id="sso.E006")
        )
    if (oidc or saml) and not grants:
        messages.append(
            Warning("SSO_ROLE_MAP is empty: nobody can log in through SSO", id="sso.W001")
        )
    return messages
