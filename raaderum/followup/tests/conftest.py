import pytest


@pytest.fixture
def emails(world):
    """Give every persona an e-mail address (raaderum.test creates users without one)."""
    for user in [*world.personas().values(), world.outsider]:
        user.email = f"{user.username}@example.dk"
        user.save(update_fields=["email"])
    return world
