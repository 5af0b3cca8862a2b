import pytest
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from raaderum.decisions.tests.helpers import decide, publish
from raaderum.proposals.models import Proposal
from raaderum.test import World

pytestmark = pytest.mark.django_db

TEMPLATE = Template("{% load decisions %}{% lineage proposal %}")


def test_it_says_nothing_for_a_new_proposal(world: World) -> None:
    publish(world)
    proposal = Proposal.objects.first()
    assert TEMPLATE.render(Context({"proposal": proposal})).strip() == ""


def test_it_links_to_the_original_with_its_decision(client: Client, world: World) -> None:
    decide(
        world,
        publish(world),
        {
            "BU-01": {"outcome": "deferred", "note": "Afventer ny skolestruktur"},
            "BU-02": {"outcome": "adopted"},
            "BU-03": {"outcome": "adopted"},
            "SU-01": {"outcome": "adopted"},
        },
    )
    client.force_login(world.budget_officer)
    client.post(
        reverse("next_round", args=[world.round.public_id]),
        {
            "name": "Budget 2028–2031",
            "budget_year": "2028",
            "price_level_year": "2028",
            "target_amount": "30.000",
            "full_effect_year": "2029",
            "price_index": "1,032",
        },
    )
    copy = Proposal.objects.get(round__name="Budget 2028–2031")
    original = copy.previous
    assert original is not None
    with translation.override("da"):
        html = TEMPLATE.render(Context({"proposal": copy}))
    assert reverse("proposal_detail", args=[original.public_id]) in html
    assert "Fremsat igen fra" in html
    assert "BU-01 Færre vikarer" in html
    assert "budget 2027" in html
    assert "parkeret" in html
    assert "Afventer ny skolestruktur" in html
    assert "1,032" in html
