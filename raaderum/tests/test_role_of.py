"""access.role_of (plain SQL) and access.with_role say what role_in says, in one query each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raaderum import access
from raaderum.access import Action
from raaderum.rounds.models import BudgetRound

pytestmark = pytest.mark.django_db


def test_role_of_gives_each_persona_its_role_and_outsiders_none(world):
    municipality = world.municipality.pk
    for role, user in world.personas().items():
        with CaptureQueriesContext(connection) as queries:
            assert access.role_of(user, municipality) == role
        assert len(queries) == 1
        assert access.role_of(user, municipality) == access.role_in(user, municipality)
    assert access.role_of(world.outsider, municipality) is None
    assert access.role_of(world.outsider, world.other_municipality.pk) == "budget_office"


def test_with_role_reads_the_role_beside_the_object(world):
    rounds = access.with_role(BudgetRound.objects.all(), world.politician, "municipality_id")
    [own] = rounds.filter(pk=world.round.pk)
    [other] = rounds.filter(pk=world.other_round.pk)
    assert (own.user_role, other.user_role) == ("politician", None)  # type: ignore[attr-defined]


def test_require_role_answers_404_for_none_and_403_without_the_right():
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    with pytest.raises(Http404):
        access.require_role(None, Action.SIMULATE)
    with pytest.raises(PermissionDenied):
        access.require_role("reader", Action.OPTIMISE)
    access.require_role("politician", Action.OPTIMISE)
