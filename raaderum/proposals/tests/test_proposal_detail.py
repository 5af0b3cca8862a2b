from decimal import Decimal

from django.urls import reverse

from raaderum.proposals import calculation
from raaderum.proposals.models import WARNING_MESSAGES, ProposalType
from raaderum.test import create_proposal


def test_it_shows_effects_totals_payback_and_the_sign_convention(client, world):
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Energirenovering",
        type=ProposalType.INVESTMENT,
        director=world.director,
        summary="Vi isolerer skolerne.",
        risks="Priserne kan stige.",
        effects={
            (world.schools, 2027): 2_000_000,
            (world.schools, 2028): -500_000,
            (world.elderly, 2029): -1_000_000,
            (world.elderly, 2030): -1_000_000,
        },
        fte={2029: Decimal("-1.5")},
    )
    client.force_login(world.reader)
    response = client.get(reverse("proposal_detail", args=[proposal.public_id]))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["headroom"] == {
        2027: -2_000_000,
        2028: 500_000,
        2029: 1_000_000,
        2030: 1_000_000,
    }
    assert "Frigør 1,0 mio. kr. om året ved fuld effekt." in html
    assert "Investeringen er tjent hjem i 2030." in html
    assert "negativt beløb frigør penge" in html
    assert "Vi isolerer skolerne." in html and "Priserne kan stige." in html
    assert "2.000" in html and "\u2212500" in html and "\u22121,50" in html
    assert "Tværgående" in html
    assert "Redigér effekter" not in html  # a reader may not edit


def test_it_shows_warnings_in_plain_danish(client, world):
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        type=ProposalType.EXPANSION,
        effects={(world.schools, 2027): -10_000},
    )
    client.force_login(world.owner)
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Forslaget er en budgetudvidelse, men frigør penge." in html
    assert "Redigér effekter" in html


def test_every_warning_has_a_message():
    assert set(WARNING_MESSAGES) == set(calculation.ALL_WARNINGS)


def test_another_municipality_gets_404_and_politicians_403(client, world):
    proposal = create_proposal(world.round, world.children, world.owner)
    url = reverse("proposal_detail", args=[proposal.public_id])
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.politician)
    assert client.get(url).status_code == 403


def test_effects_only_under_another_committee_make_it_cross_cutting(client, world):
    proposal = create_proposal(
        world.round, world.children, world.owner, effects={(world.elderly, 2027): -5_000}
    )
    client.force_login(world.owner)
    response = client.get(reverse("proposal_detail", args=[proposal.public_id]))
    assert response.context["cross_cutting"] is True
    assert "skal have en direktør som ejer" in response.content.decode()
