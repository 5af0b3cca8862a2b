import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas.models import Idea
from raaderum.organisation.models import Membership
from raaderum.proposals.models import Origin
from raaderum.rounds.models import PhaseKind


def url(world):
    return reverse("party_proposal_create", args=[world.round.public_id])


def party_data(**overrides):
    data = {
        "title": "Gratis parkering i bymidten",
        "description": "Flere kunder til de lokale butikker.",
        "party_name": "Det Lokale Parti",
        "committee": "",
        "estimated_amount": "-400.000",
    }
    data.update(overrides)
    return data


@pytest.fixture
def party_world(open_world):
    Membership.objects.filter(user=open_world.politician).update(party="Venstre")
    return open_world


def test_the_party_name_is_prefilled_from_the_membership(client, party_world):
    client.force_login(party_world.politician)
    response = client.get(url(party_world))
    assert response.status_code == 200
    assert 'value="Venstre"' in response.content.decode()


def test_a_politician_submits_a_party_proposal(client, party_world):
    world = party_world
    client.force_login(world.politician)
    response = client.post(url(world), party_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("my_ideas", args=[world.round.public_id])
    idea = Idea.objects.get()
    assert idea.origin == Origin.PARTY
    assert idea.party_name == "Det Lokale Parti"
    assert idea.submitted_by == world.politician
    assert idea.estimated_amount == -400_000  # costs money
    event = Event.objects.get(verb="idea_submitted")
    assert event.text == (
        "Pia Testesen (Det Lokale Parti) har indsendt partiforslaget “Gratis parkering i bymidten”."
    )
    mine = client.get(response["Location"]).content.decode()
    assert "Gratis parkering i bymidten" in mine
    assert "Jeres partiforslag er indsendt." in mine


def test_the_party_name_is_required(client, party_world):
    client.force_login(party_world.politician)
    response = client.post(url(party_world), party_data(party_name=""))
    assert response.status_code == 200
    assert 'id="id_party_name-error"' in response.content.decode()
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("phase", "open"),
    [
        (PhaseKind.IDEAS, True),
        (PhaseKind.CATALOG, True),
        (PhaseKind.NEGOTIATION, True),
        (PhaseKind.SCREENING, False),
        (PhaseKind.DRAFTING, False),
        (PhaseKind.ADOPTION, False),
        ("", False),
    ],
)
def test_party_proposals_are_taken_in_the_ideas_catalog_and_negotiation_phases(
    client, party_world, phase, open
):
    party_world.round.current_phase = phase
    party_world.round.save(update_fields=["current_phase"])
    client.force_login(party_world.politician)
    response = client.post(url(party_world), party_data())
    assert response.status_code == (302 if open else 409)
    assert Idea.objects.exists() is open
    if not open:
        assert "Budgetrunden modtager ikke partiforslag nu." in response.content.decode()


def test_only_politicians_submit_party_proposals(client, party_world):
    for user in (party_world.budget_officer, party_world.owner, party_world.reader):
        client.force_login(user)
        assert client.get(url(party_world)).status_code == 403
        assert client.post(url(party_world), party_data()).status_code == 403
    assert not Idea.objects.exists()


def test_another_municipality_gets_404(client, party_world):
    client.force_login(party_world.outsider)
    assert client.get(url(party_world)).status_code == 404
