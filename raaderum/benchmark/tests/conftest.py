import pytest

from raaderum.organisation.models import Municipality
from raaderum.test import World


@pytest.fixture
def world(world: World) -> World:
    """The personas' world, with a municipality of number 999 as in the demo.

    The shipped sample files hold the demo's made-up kommune 999 next to real ones; an import
    knows a number when it is a real kommune or a municipality of the installation.
    """
    Municipality.objects.create(name="Demo Kommune", code=999, slug="demo")
    return world
