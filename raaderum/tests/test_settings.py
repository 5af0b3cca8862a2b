import os
import re
import subprocess
import sys
from pathlib import Path

import polib  # type: ignore[import-untyped]
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def settings_env_names():
    source = (ROOT / "raaderum" / "settings.py").read_text()
    pattern = r'(?:os\.environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"'
    return set(re.findall(pattern, source)) | {"DATABASE_URL"}  # read by dj_database_url


def readme_env_names():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([A-Z_]+)` \|", section, flags=re.MULTILINE))


def test_readme_documents_every_environment_variable():
    assert settings_env_names() == readme_env_names()


def run_settings(env):
    code = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)"
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": "raaderum.settings", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_the_placeholder_secret_key():
    result = run_settings({"DEBUG": "false"})
    assert result.returncode != 0
    assert "SECRET_KEY is the development placeholder" in result.stderr


def test_production_starts_with_a_real_key():
    result = run_settings({"DEBUG": "false", "SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_a_bad_boolean_is_refused():
    result = run_settings({"DEBUG": "maybe"})
    assert "DEBUG must be true or false" in result.stderr


def test_danish_is_the_language_and_copenhagen_the_time():
    assert settings.LANGUAGE_CODE == "da"
    assert dict(settings.LANGUAGES).keys() == {"da", "en"}
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    assert settings.USE_TZ is True


@pytest.mark.skipif("DATABASE_URL" in os.environ, reason="the default database is SQLite")
def test_the_default_database_is_sqlite_under_var():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.db import connection; "
            "print(connection.settings_dict['NAME'], connection.settings_dict['OPTIONS'])",
        ],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "raaderum.settings", "DEBUG": "true"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert str(ROOT / "var" / "raaderum.sqlite3") in result.stdout
    assert "IMMEDIATE" in result.stdout


def test_the_danish_translation_is_complete():
    po = polib.pofile(str(ROOT / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in po.untranslated_entries() if not e.obsolete]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
    assert len(po.translated_entries()) > 200


# The environment docs/deployment.md tells a kommune's IT to set.
PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-production-key-" + "x" * 40,
    "ALLOWED_HOSTS": "raaderum.kommune.dk",
    "CSRF_TRUSTED_ORIGINS": "https://raaderum.kommune.dk",
    "BEHIND_HTTPS_PROXY": "true",
    "SECURE_SSL_REDIRECT": "true",
    "SECURE_HSTS_SECONDS": "31536000",
    "STATIC_MANIFEST": "true",
}


def test_check_deploy_is_clean_with_the_documented_production_settings():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECURE_COOKIES"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env={**env, **PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": "raaderum.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deployment_guide_sets_what_check_deploy_needs():
    guide = (ROOT / "docs" / "deployment.md").read_text()
    for name, value in PRODUCTION_ENV.items():
        if name != "SECRET_KEY":
            assert f"{name}={value}" in guide, name
