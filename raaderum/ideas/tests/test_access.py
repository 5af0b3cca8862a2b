import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from raaderum.access import Action
from raaderum.ideas.access import get_idea
from raaderum.ideas.tests.helpers import create_citizen_idea, create_idea
from raaderum.organisation.models import Role


def test_the_administration_reads_ideas_and_politicians_do_not(world):
    idea = create_citizen_idea(world.round)
    for role, user in world.personas().items():
        if role == Role.POLITICIAN:
            with pytest.raises(PermissionDenied):
                get_idea(user, idea.public_id)
        else:
            assert get_idea(user, idea.public_id) == idea


def test_the_submitter_may_always_read_but_not_screen_their_idea(world):
    idea = create_idea(world.round, world.politician)
    assert get_idea(world.politician, idea.public_id, Action.VIEW_IDEAS) == idea
    with pytest.raises(PermissionDenied):
        get_idea(world.politician, idea.public_id, Action.SCREEN_IDEAS)


def test_only_the_budget_office_and_directors_screen(world):
    idea = create_citizen_idea(world.round)
    allowed = {
        role
        for role, user in world.personas().items()
        if _may(lambda u=user: get_idea(u, idea.public_id, Action.SCREEN_IDEAS))
    }
    assert allowed == {Role.BUDGET_OFFICE, Role.DIRECTOR}


def _may(call):
    try:
        call()
    except PermissionDenied:
        return False
    return True


def test_another_municipality_and_unknown_ideas_are_404(world, django_user_model):
    idea = create_citizen_idea(world.round)
    stranger = django_user_model.objects.create_user("stranger", password="x")
    for user in (world.outsider, stranger):
        with pytest.raises(Http404):
            get_idea(user, idea.public_id)
    with pytest.raises(Http404):
        get_idea(world.budget_officer, "00000000-0000-0000-0000-000000000000")
