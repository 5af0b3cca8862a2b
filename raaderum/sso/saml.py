"""Single sign-on over SAML 2.0 (KOMBIT's context handler, ADFS, Entra ID) with djangosaml2.

Råderum is the service provider: its metadata is at /sso/saml/metadata/, the identity
provider's comes from SAML_IDP_METADATA (a file or an address). The request goes to the
provider by HTTP-Redirect (no page with a script: the CSP forbids inline script); the answer
comes back by HTTP-POST and must carry a signed assertion for Råderum's entity ID, in answer to
a request this browser made (no unsolicited answers). Signatures are checked by pysaml2 with
Debian's xmlsec1. Attributes keep the names the provider sends (attributemaps/ is empty).
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path
from typing import Any

import saml2
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from djangosaml2.backends import Saml2Backend
from djangosaml2.views import AssertionConsumerServiceView, LoginView, MetadataView
from saml2.config import SPConfig
from saml2.saml import NAMEID_FORMAT_TRANSIENT

from raaderum.sso import mapping
from raaderum.sso.actions import INVALID, SsoLogin, SsoRefused, do_sign_in_sso_user
from raaderum.sso.models import Provider
from raaderum.sso.refusal import refused

logger = logging.getLogger("raaderum.sso")

ATTRIBUTE_MAPS = Path(__file__).resolve().parent / "attributemaps"
CONFIG_SECONDS = 60 * 60  # remote metadata is fetched again after an hour
CONFIG_PATH = "raaderum.sso.saml.sp_config"

_cache: dict[str, tuple[float, SPConfig]] = {}


def configured() -> bool:
    return bool(settings.SAML_IDP_METADATA)


def entity_id() -> str:
    return settings.SAML_ENTITY_ID or f"{settings.SITE_URL}{reverse('sso_saml_metadata')}"


def config_dict() -> dict[str, Any]:
    source = settings.SAML_IDP_METADATA
    metadata: dict[str, list[Any]] = (
        {"remote": [{"url": source}]}
        if source.startswith(("https://", "http://"))
        else {"local": [source]}
    )
    signing = bool(settings.SAML_CERT and settings.SAML_KEY)
    config: dict[str, Any] = {
        "entityid": entity_id(),
        "xmlsec_binary": shutil.which("xmlsec1"),
        "attribute_map_dir": str(ATTRIBUTE_MAPS),
        "allow_unknown_attributes": True,
        "metadata": metadata,
        "accepted_time_diff": 60,
        "service": {
            "sp": {
                "name": "Råderum",
                "endpoints": {
                    "assertion_consumer_service": [
                        (f"{settings.SITE_URL}{reverse('sso_saml_acs')}", saml2.BINDING_HTTP_POST)
                    ],
                },
                "allow_unsolicited": False,
                "authn_requests_signed": signing,
                "want_assertions_signed": True,
                "want_response_signed": False,
                "only_use_keys_in_metadata": True,
            }
        },
    }
    if signing:
        config["key_file"] = settings.SAML_KEY
        config["cert_file"] = settings.SAML_CERT
        # KOMBIT encrypts the assertion to the service provider's certificate.
        config["encryption_keypairs"] = [
            {"key_file": settings.SAML_KEY, "cert_file": settings.SAML_CERT}
        ]
    return config


def sp_config(request: HttpRequest | None = None) -> SPConfig:
    """djangosaml2's configuration loader, kept for an hour (remote metadata is a download)."""
    key = repr(sorted(config_dict().items()))
    cached = _cache.get(key)
    if cached is None or time.monotonic() - cached[0] > CONFIG_SECONDS:
        config = SPConfig()
        config.load(config_dict())
        _cache.clear()
        _cache[key] = cached = (time.monotonic(), config)
    return cached[1]


class SamlBackend(Saml2Backend):
    """Logs in the person of a verified assertion (djangosaml2 has checked it by now)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        session_info: dict[str, Any] | None = None,
        attribute_mapping: Any = None,
        create_unknown_user: bool = True,
        assertion_info: Any = None,
        **kwargs: Any,
    ) -> Any:
        if request is None or session_info is None or not configured():
            return None
        attributes: dict[str, list[str]] = session_info.get("ava", {})
        name_id = session_info.get("name_id")
        name_id_text = (name_id.text or "").strip() if name_id is not None else ""
        profile = mapping.saml_profile(attributes, name_id_text, settings.SAML_USERNAME_ATTRIBUTE)
        # A transient NameID is new at every login: then the user name is the lasting ID.
        transient = name_id is None or name_id.format == NAMEID_FORMAT_TRANSIENT
        subject = profile.username if transient else name_id_text
        try:
            return do_sign_in_sso_user(
                SsoLogin(
                    provider=Provider.SAML,
                    issuer=session_info["issuer"],
                    subject=subject,
                    profile=profile,
                    groups=tuple(
                        mapping.group_values(attributes.get(settings.SAML_GROUPS_ATTRIBUTE))
                    ),
                )
            )
        except SsoRefused as refusal:
            request.sso_refusal = refusal.reason  # type: ignore[attr-defined]
            return None


class SamlLoginView(LoginView):
    config_loader_path = CONFIG_PATH
    # Only used when the provider takes no HTTP-Redirect: a button, no script.
    post_binding_form_template = "sso/post_binding_form.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not configured():
            raise Http404
        return super().get(request, *args, **kwargs)


class SamlAcsView(AssertionConsumerServiceView):
    config_loader_path = CONFIG_PATH

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not configured():
            raise Http404
        return super().post(request, *args, **kwargs)

    def handle_acs_failure(
        self,
        request: HttpRequest,
        exception: Exception | None = None,
        status: int = 403,
        **kwargs: Any,
    ) -> HttpResponse:
        reason = getattr(request, "sso_refusal", None)
        if reason is None:
            logger.warning("SAML answer refused: %r", exception)
            reason = INVALID
        return refused(request, reason)


class SamlMetadataView(MetadataView):
    """What the identity provider's administrator registers Råderum with."""

    config_loader_path = CONFIG_PATH

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not configured():
            raise Http404
        return super().get(request, *args, **kwargs)
