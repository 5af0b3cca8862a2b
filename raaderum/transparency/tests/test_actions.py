"""Setting a round's publicity, and the demo's making agreed rounds public."""

from __future__ import annotations

from raaderum.communication.models import Event
from raaderum.decisions.models import Outcome
from raaderum.publication.actions import do_publish_catalog
from raaderum.test import create_proposal, create_round
from raaderum.transparency.actions import do_publish_agreed_rounds, do_set_publicity
from raaderum.transparency.models import RoundPublicity
from raaderum.transparency.tests.helpers import decide


def agree(world, budget_round):
    create_proposal(
        budget_round,
        world.children,
        world.owner,
        summary="Kort.",
        effects={(world.schools, budget_round.budget_year): -1_000},
        status="in_catalog",
    )
    version = do_publish_catalog(budget_round, user=world.budget_officer)
    return decide(budget_round, version, {"BU-01": Outcome.ADOPTED}, world.budget_officer)


def test_agreed_rounds_nobody_decided_about_go_public_once(world):
    agree(world, world.round)
    private = create_round(world.municipality, name="Budget 2026", budget_year=2026)
    agree(world, private)
    do_set_publicity(private, public=False, show_realisation=True, user=world.budget_officer)
    create_round(world.municipality, name="Budget 2028", budget_year=2028)  # no agreement
    assert do_publish_agreed_rounds(world.municipality, user=world.budget_officer) == 1
    assert do_publish_agreed_rounds(world.municipality, user=world.budget_officer) == 0
    publicity = RoundPublicity.objects.get(round=world.round)
    assert (publicity.public, publicity.show_realisation) == (True, True)
    assert RoundPublicity.objects.get(round=private).public is False
    assert RoundPublicity.objects.count() == 2
    assert Event.objects.filter(verb="publicity").count() == 1


def test_a_new_setting_that_keeps_the_round_private_is_not_news(world):
    do_set_publicity(world.round, public=False, show_realisation=False, user=world.budget_officer)
    assert RoundPublicity.objects.get(round=world.round).changed_by == world.budget_officer
    assert not Event.objects.filter(verb="publicity").exists()
