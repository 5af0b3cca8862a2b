import pytest
from django.core.cache import cache

from raaderum.sso import saml
from raaderum.sso.tests.providers import OidcProvider, SamlProvider

# Norddjurs (707) is the world's municipality, Syddjurs (706) the other one.
ROLE_MAP = """
raaderum-oekonomi=707:budget_office
raaderum-politikere=707:politician; raaderum-laesere=707:reader
CN=Syddjurs Direktion,OU=Grupper,DC=syddjurs,DC=dk=706:director
raaderum-aarhus=751:reader
"""


@pytest.fixture
def oidc(settings):
    """The test's own OpenID Connect provider, configured as Råderum's."""
    cache.clear()
    with OidcProvider("raaderum", "hemmelig-klientnoegle") as provider:
        settings.OIDC_ISSUER = provider.issuer
        settings.OIDC_CLIENT_ID = "raaderum"
        settings.OIDC_CLIENT_SECRET = "hemmelig-klientnoegle"
        settings.OIDC_NAME = "Keycloak"
        settings.SSO_ROLE_MAP = ROLE_MAP
        settings.AUTHENTICATION_BACKENDS = [
            *settings.AUTHENTICATION_BACKENDS,
            "raaderum.sso.oidc.OidcBackend",
        ]
        provider.claims = {
            "sub": "5f0c2a4e-1b7d-4c55-9d1e-8a2b3c4d5e6f",
            "preferred_username": "birgitte",
            "given_name": "Birgitte",
            "family_name": "Nielsen",
            "email": "bini@norddjurs.dk",
            "groups": ["raaderum-oekonomi"],
        }
        yield provider
    cache.clear()


@pytest.fixture
def saml_idp(settings, tmp_path, client):
    """The test's own SAML identity provider; metadata exchanged through files in tmp_path."""
    provider = SamlProvider(tmp_path)
    settings.SITE_URL = "http://testserver"
    settings.SAML_IDP_METADATA = str(provider.metadata_file)
    settings.SAML_NAME = "KOMBIT"
    settings.SAML_GROUPS_ATTRIBUTE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"
    settings.SAML_USERNAME_ATTRIBUTE = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
    settings.SSO_ROLE_MAP = ROLE_MAP
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "raaderum.sso.saml.SamlBackend",
    ]
    saml._cache.clear()
    # The IdP's administrator registers Råderum from its metadata address.
    provider.sp_metadata_file.write_bytes(client.get("/sso/saml/metadata/").content)
    yield provider
    saml._cache.clear()
