import os
import subprocess
import sys
from pathlib import Path

import pytest

from raaderum.sso.checks import check_sso_settings

ROOT = Path(__file__).resolve().parents[3]


def ids(settings_messages):
    return sorted(message.id for message in settings_messages)


def test_no_sso_is_no_problem(settings):
    settings.OIDC_ISSUER = settings.SAML_IDP_METADATA = settings.SSO_ROLE_MAP = ""
    assert check_sso_settings() == []


def test_a_bad_role_map_is_an_error_naming_the_entry(settings):
    settings.SSO_ROLE_MAP = "raaderum-oekonomi=707:oekonomi"
    [error] = check_sso_settings()
    assert error.id == "sso.E001"
    assert "unknown role 'oekonomi'" in error.msg


def test_oidc_needs_a_client_and_a_map(settings):
    settings.OIDC_ISSUER = "https://login.example/realms/raaderum"
    settings.OIDC_CLIENT_ID = settings.OIDC_CLIENT_SECRET = settings.SSO_ROLE_MAP = ""
    assert ids(check_sso_settings()) == ["sso.E002", "sso.W001"]


def test_saml_needs_its_files(settings, tmp_path):
    settings.SAML_IDP_METADATA = str(tmp_path / "missing.xml")
    settings.SAML_CERT = str(tmp_path / "sp.crt")
    settings.SAML_KEY = ""
    settings.SSO_ROLE_MAP = "g=707:reader"
    assert ids(check_sso_settings()) == ["sso.E003", "sso.E004", "sso.E004"]


def test_local_login_off_needs_sso(settings):
    settings.LOCAL_LOGIN = False
    settings.OIDC_ISSUER = settings.SAML_IDP_METADATA = ""
    assert ids(check_sso_settings()) == ["sso.E006"]


def backends(env):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(' '.join(b.rsplit('.', 1)[1] for b in settings.AUTHENTICATION_BACKENDS))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OIDC_", "SAML_"))}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "raaderum.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["AxesStandaloneBackend", "ModelBackend"]),
        (
            {"OIDC_ISSUER": "https://idp.example", "SAML_IDP_METADATA": "/etc/idp.xml"},
            ["AxesStandaloneBackend", "ModelBackend", "OidcBackend", "SamlBackend"],
        ),
        (
            {"OIDC_ISSUER": "https://idp.example", "LOCAL_LOGIN": "false"},
            ["AxesStandaloneBackend", "OidcBackend"],
        ),
    ],
)
def test_the_environment_chooses_the_ways_to_log_in(env, expected):
    assert backends(env) == expected
