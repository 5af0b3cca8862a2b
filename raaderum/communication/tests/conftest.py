import pytest


@pytest.fixture
def emails(world):
    """Give every persona an e-mail address (raaderum.test creates users without one)."""
    addresses = {}
    for user in [*world.personas().values(), world.outsider]:
        user.email = f"{user.username}@example.dk"
        user.save(update_fields=["email"])
        addresses[user.username] = user.email
    return addresses


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://raaderum.norddjurs.dk"
    return settings.SITE_URL
