import pytest


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    from raaderum.test import create_world

    return create_world()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
