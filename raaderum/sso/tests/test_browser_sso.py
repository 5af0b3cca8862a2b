"""Single sign-on in Debian's Chromium: the login button, the provider, and back, logged in."""

import pytest
import requests
from django.core.cache import cache

from raaderum.organisation.models import Membership
from raaderum.sso import saml
from raaderum.sso.tests.conftest import ROLE_MAP
from raaderum.sso.tests.providers import OidcProvider, SamlProviderPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_logs_in_with_keycloak(page, live_server, world, settings):
    cache.clear()
    with OidcProvider("raaderum", "hemmelig") as provider:
        settings.OIDC_ISSUER = provider.issuer
        settings.OIDC_CLIENT_ID, settings.OIDC_CLIENT_SECRET = "raaderum", "hemmelig"
        settings.OIDC_NAME = "Keycloak"
        settings.SSO_ROLE_MAP = ROLE_MAP
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "raaderum.sso.oidc.OidcBackend",
        ]
        provider.claims = {
            "sub": "b7e1",
            "preferred_username": "birgitte",
            "name": "Birgitte Nielsen",
            "groups": ["raaderum-oekonomi"],
        }
        page.goto(f"{live_server.url}/")  # to the login page
        page.get_by_role("link", name="Log ind med Keycloak").click()
        page.get_by_role("heading", name="Budgetrunder").wait_for()
        assert page.url == f"{live_server.url}/"
        assert page.get_by_text("Birgitte Nielsen").is_visible()
        page.get_by_role("link", name="Budget 2027–2030").click()
        # The budget office's own page: the role came from the group.
        assert page.get_by_role("link", name="Redigér budgetrunde").count() == 1
    cache.clear()


def test_a_person_logs_in_with_kombit_and_a_stranger_is_refused(
    browser, live_server, world, settings, tmp_path
):
    # Not the `page` fixture: the refusal answers 403 on purpose, which Chromium logs as an error.
    context = browser.new_context(locale="da-DK")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    def on_console(message):
        if message.type == "error":
            errors.append(message.text)

    page.on("console", on_console)
    with SamlProviderPage(tmp_path) as idp:
        settings.SITE_URL = live_server.url
        settings.SAML_IDP_METADATA = str(idp.provider.metadata_file)
        settings.SAML_GROUPS_ATTRIBUTE = "role"
        settings.SAML_USERNAME_ATTRIBUTE = "upn"
        settings.SSO_ROLE_MAP = ROLE_MAP
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "raaderum.sso.saml.SamlBackend",
        ]
        saml._cache.clear()
        metadata = requests.get(f"{live_server.url}/sso/saml/metadata/", timeout=10)
        idp.provider.sp_metadata_file.write_bytes(metadata.content)

        idp.attributes = {"upn": ["kaj@norddjurs.dk"], "cn": ["Kaj Sørensen"], "role": ["x"]}
        page.goto(f"{live_server.url}/accounts/login/")
        page.get_by_role("link", name="Log ind med KOMBIT").click()
        page.get_by_role("button", name="Godkend login").click()
        page.get_by_role("heading", name="Du blev ikke logget ind").wait_for()
        assert "Du har ikke fået adgang til Råderum" in page.inner_text("main")

        idp.attributes["role"] = ["raaderum-politikere"]
        page.get_by_role("link", name="Tilbage til login").click()
        page.get_by_role("link", name="Log ind med KOMBIT").click()
        page.get_by_role("button", name="Godkend login").click()
        page.get_by_role("heading", name="Budgetrunder").wait_for()
        assert page.get_by_text("Kaj Sørensen").is_visible()
        membership = Membership.objects.get(user__username="kaj@norddjurs.dk")
        assert (membership.municipality, membership.role) == (world.municipality, "politician")
    saml._cache.clear()
    context.close()
    assert errors == [
        "Failed to load resource: the server responded with a status of 403 (Forbidden)"
    ]
