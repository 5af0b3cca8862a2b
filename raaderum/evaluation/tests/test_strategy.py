"""The round's written strategy: the budget office writes it, everyone reads it on the round."""

import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.evaluation.models import HeadroomWay, RoundStrategy

pytestmark = pytest.mark.django_db


def url(world):
    return reverse("round_strategy", args=[world.round.public_id])


def test_the_budget_office_writes_the_strategy_and_everyone_reads_it_on_the_round(client, world):
    client.force_login(world.budget_officer)
    html = client.get(url(world)).content.decode()
    assert "Hvilke af KL&#x27;s fem veje til råderum bruger runden?" in html
    assert "Rammereduktion eller effektiviseringsmål for alle områder" in html
    response = client.post(
        url(world),
        {
            "purpose": "Balance i budgettet.",
            "goals": "30 mio. kr. fra 2028.",
            "ways": ["investment", "involvement"],
            "knowledge_base": "Nøgletal.",
            "stakeholders": "Udvalgene og MED.",
            "ownership": "Direktionen.",
        },
    )
    assert response["Location"] == reverse("round_detail", args=[world.round.public_id])
    strategy = RoundStrategy.objects.get(round=world.round)
    assert strategy.ways == ["investment", "involvement"]
    assert strategy.updated_by == world.budget_officer
    assert Event.objects.get(verb="strategy_saved").text == (
        "Bente Testesen har ændret strategien for runden."
    )
    client.force_login(world.politician)
    page = client.get(response["Location"]).content.decode()
    assert "Strategi for runden" in page
    assert "Balance i budgettet." in page and "Direktionen." in page
    assert "Investeringer, der frigør penge på sigt" in page
    assert "Nye idéer fra medarbejdere, borgere og andre kommuner" in page
    assert "Målrettede forslag" not in page
    assert "Ret strategien" not in page


def test_the_ways_are_listed_in_kls_order_and_unknown_codes_left_out(world):
    strategy = RoundStrategy(round=world.round, ways=["involvement", "gone", "across_the_board"])
    assert strategy.way_labels() == [
        str(HeadroomWay.ACROSS_THE_BOARD.label),
        str(HeadroomWay.INVOLVEMENT.label),
    ]


def test_an_unknown_way_is_refused_in_danish(client, world):
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"ways": ["nonsense"]})
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed. nonsense er ikke en af de tilgængelige" in (
        response.content.decode()
    )
    assert not RoundStrategy.objects.exists()


def test_without_a_strategy_only_the_budget_office_is_invited_to_write_one(client, world):
    round_url = reverse("round_detail", args=[world.round.public_id])
    client.force_login(world.reader)
    assert "Strategi" not in client.get(round_url).content.decode()
    client.force_login(world.budget_officer)
    html = client.get(round_url).content.decode()
    assert "Skriv strategien for runden" in html
    assert "Opret evalueringen af runden" in html


def test_only_the_budget_office_changes_the_strategy(client, world):
    client.force_login(world.director)
    assert client.post(url(world), {"purpose": "x"}).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url(world), {"purpose": "x"}).status_code == 404
    assert not RoundStrategy.objects.exists()
