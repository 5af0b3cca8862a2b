import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """The source municipalities of the filter are cached: every test starts from none."""
    cache.clear()
    yield
    cache.clear()
