"""Learning across rounds: earlier realisation rates weigh a new catalog; lessons are shown
beside similar proposals.

Budget 2027 (followed up): BU-01 (saving, BU) realised 750.150 of 1.000.200 in 2027 = 3/4;
SU-01 (investment, SU) realised 450.000 of 900.000 in 2029 = 1/2.
"""

import pytest
from django.urls import reverse

from raaderum.followup.tests.helpers import adopt, assess
from raaderum.test import create_proposal, create_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def learned(world):
    adopt(world)
    assess(world, "BU-01", 2027, 750_150, learning="Vikarpuljen virker, når skolerne deler den.")
    assess(world, "SU-01", 2029, 450_000, status="at_risk", learning="Robotter kræver oplæring.")
    assess(world, "BU-02", 2028, 0, learning="Ikke godkendt: vises ikke.", approve=False)
    world.next_round = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    return world


def test_the_catalog_shows_a_risk_adjusted_total(client, learned):
    new = learned.next_round
    create_proposal(
        new,
        learned.children,
        learned.owner,
        title="Færre vikarer igen",
        effects={(learned.schools, 2028): -1_000_000, (learned.schools, 2029): -2_000_001},
    )
    create_proposal(
        new,
        learned.social,
        learned.owner,
        title="Flere robotter",
        type="investment",
        effects={(learned.elderly, 2028): 300_000, (learned.elderly, 2031): -600_000},
    )
    create_proposal(
        new,
        learned.children,
        learned.owner,
        title="Digital skoleadministration",
        type="efficiency",  # no efficiency history: the committee's 3/4
        effects={(learned.daycare, 2030): -400_000},
    )
    client.force_login(learned.budget_officer)
    response = client.get(reverse("catalog", args=[new.public_id]))
    risk = response.context["catalog"].risk
    assert risk.total == {2028: 750_000 - 300_000, 2029: 1_500_001, 2030: 300_000, 2031: 300_000}
    assert [(row.label, row.percent) for row in risk.type_rows] == [
        ("Besparelse", 75),
        ("Investering", 50),
    ]
    assert [(row.label, row.percent) for row in risk.committee_rows] == [
        ("Børne- og Ungdomsudvalget", 75),
        ("Social- og Sundhedsudvalget", 50),
    ]
    page = response.content.decode()
    assert "Risikojusteret råderum (tidligere runders realiseringsgrad)" in page
    assert ">1.500<" in page  # 1.500.001 kr. in 1.000 kr.


def test_a_round_without_history_has_no_risk_row(client, world):
    create_proposal(world.round, world.children, world.owner, effects={(world.schools, 2027): -5})
    client.force_login(world.budget_officer)
    response = client.get(reverse("catalog", args=[world.round.public_id]))
    assert response.context["catalog"].risk is None
    assert "Risikojusteret" not in response.content.decode()


def detail(client, proposal):
    return client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()


def test_lessons_of_similar_earlier_proposals_are_shown_newest_first(client, learned):
    new = learned.next_round
    client.force_login(learned.owner)
    same_committee = create_proposal(new, learned.children, learned.owner, title="Vikarer")
    page = detail(client, same_committee)
    assert "Erfaringer fra lignende forslag" in page
    assert "Vikarpuljen virker, når skolerne deler den." in page
    assert "Robotter kræver oplæring." not in page  # another type and committee
    assert "Ikke godkendt: vises ikke." not in page

    # Another committee, but effects in the same service area.
    same_area = create_proposal(
        new,
        learned.social,
        learned.owner,
        title="Skolemad",
        effects={(learned.schools, 2028): -10_000},
    )
    assert "Vikarpuljen virker" in detail(client, same_area)
    unrelated = create_proposal(new, learned.social, learned.owner, title="Færre nattevagter")
    assert "Erfaringer fra lignende forslag" not in detail(client, unrelated)
    other_type = create_proposal(
        new, learned.children, learned.owner, title="Flere pædagoger", type="expansion"
    )
    assert "Erfaringer fra lignende forslag" not in detail(client, other_type)
    # The edit page shows them too.
    edit = client.get(reverse("proposal_edit", args=[same_committee.public_id]))
    assert "Vikarpuljen virker" in edit.content.decode()


def test_an_adopted_proposal_links_to_its_follow_up(client, learned):
    from raaderum.followup.tests.helpers import initiative

    found = initiative("BU-01")
    client.force_login(learned.reader)
    page = detail(client, found.published.proposal)
    assert reverse("followup_initiative", args=[learned.round.public_id, "BU-01"]) in page
    # Its own lesson is not shown as a lesson from another proposal.
    assert "Erfaringer fra lignende forslag" not in page
