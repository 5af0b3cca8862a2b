import pytest
from django.core.cache import cache

from raaderum.rounds.models import PhaseKind


@pytest.fixture(autouse=True)
def empty_cache():
    """The public form's rate limit counts in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def open_world(world):
    """The world with its round in the ideas phase, so it takes ideas."""
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save(update_fields=["current_phase"])
    return world
