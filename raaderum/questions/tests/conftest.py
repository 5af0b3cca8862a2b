import pytest

from raaderum.prioritisation.tests.helpers import publish_catalog


@pytest.fixture
def catalog(world):
    """A published version: BU-01 … SU-02, owned by the owner persona (ole)."""
    for user in world.personas().values():
        user.email = f"{user.username}@norddjurs.dk"
        user.save(update_fields=["email"])
    return publish_catalog(world)


@pytest.fixture
def published(catalog):
    """SU-01 Lukning af plejecenter, as published in version 1."""
    return catalog.version.proposals.get(code="SU-01")
