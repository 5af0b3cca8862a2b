from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from raaderum.consultation.actions import Settings, do_open_consultation
from raaderum.prioritisation.tests.helpers import publish_catalog


@pytest.fixture(autouse=True)
def empty_cache():
    """The rate limit counts in the cache: every test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def catalog(world):
    """BU-01 … SU-02 published as version 1; target 0 in 2027, 30 mio. kr. from 2028."""
    catalog = publish_catalog(world)
    # Citizens are consulted on a public version only (raaderum/confidentiality).
    catalog.version.visibility = "public"
    catalog.version.save(update_fields=["visibility"])
    return catalog


@pytest.fixture
def consultation(world, catalog):
    today = timezone.localdate()
    return do_open_consultation(
        catalog.version,
        Settings(
            title="Hjælp os med at prioritere",
            intro="Vælg de forslag, du ville vælge.",
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=13),
            target=catalog.version.target_by_year(),
        ),
        list(catalog.version.proposals.all()),
        user=world.budget_officer,
    )
