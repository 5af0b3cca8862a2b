"""Similar proposals from earlier rounds and the idea bank, beside a draft idea or proposal.

Budget 2027 (decided): BU-01 Færre vikarer adopted, 750.150 of 1.000.200 realised in 2027 = 75 %;
BU-02 Samling af dagtilbud adopted; BU-03 Lukning af ungdomsklub rejected, may be presented again
from budget 2029; SU-01 Velfærdsteknologi adopted. The new round is budget 2028.
"""

from typing import Any

import pytest
from django.urls import reverse

from raaderum.followup.tests.helpers import adopt, assess
from raaderum.ideabank.tests.helpers import create_bank_idea
from raaderum.ideas.tests.helpers import create_idea
from raaderum.organisation.models import ServiceArea
from raaderum.proposals.similar import similar_earlier, similar_to
from raaderum.test import create_proposal, create_round

pytestmark = pytest.mark.django_db

OUTCOMES: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "adopted"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected", "may_return": True, "return_from_year": 2029},
    "SU-01": {"outcome": "adopted"},
}


@pytest.fixture
def history(world):
    adopt(world, OUTCOMES)
    assess(world, "BU-01", 2027, 750_150)
    world.next_round = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    # The other municipality closed a youth club too, in an earlier round: never shown here.
    other_round = create_round(
        world.other_municipality, name="Budget 2026–2029 Syddjurs", budget_year=2026
    )
    area = ServiceArea.objects.get(pk=world.other_area.pk)
    create_proposal(
        other_round,
        area.committee,
        world.outsider,
        title="Lukning af ungdomsklub i Ebeltoft",
        summary="Ungdomsklubben lukker.",
    )
    create_bank_idea(
        world.other_municipality,
        world.outsider,
        title="Ungdomsklub i skolens lokaler",
        service_area="Fritid",
        type="saving",
        source_name="Syddjurs Kommune",
        description="Klubben flytter ind på skolen og sparer huslejen.",
    )
    return world


def draft(world, title, **fields):
    return create_proposal(world.next_round, world.children, world.owner, title=title, **fields)


def test_a_rejected_proposal_shows_with_its_cooling_off(client, history):
    proposal = draft(history, "Lukning af ungdomsklubben i Auning")
    found = similar_earlier(proposal)
    assert [(row.code, row.round_name) for row in found] == [("BU-03", "Budget 2027–2030")]
    assert found[0].outcome == "rejected"
    assert found[0].cooling_off == "Må tidligst fremsættes igen fra budget 2029"
    client.force_login(history.owner)
    page = client.get(reverse("proposal_edit", args=[proposal.public_id])).content.decode()
    assert "Lignende forslag fra tidligere runder" in page
    assert "BU-03 Lukning af ungdomsklub</a> (Budget 2027–2030): Fravalgt." in page
    assert "Må tidligst fremsættes igen fra budget 2029" in page
    # Another municipality's similar proposal never shows; unrelated earlier ones neither.
    assert "Ebeltoft" not in page
    assert "Velfærdsteknologi" not in page
    assert "Færre vikarer" not in page
    # The idea bank's entry sharing "ungdomsklub" does show, with a link.
    assert "Fra idébanken" in page
    assert "Ungdomsklub i skolens lokaler</a> (Syddjurs Kommune)" in page


def test_an_adopted_proposal_shows_its_realisation_rate(client, history):
    proposal = draft(history, "Færre vikarer på skolerne", summary="Færre vikartimer.")
    found = similar_earlier(proposal)
    assert [row.code for row in found] == ["BU-01"]
    assert (found[0].outcome, found[0].realisation_percent, found[0].cooling_off) == (
        "adopted",
        75,
        "",
    )
    client.force_login(history.budget_officer)
    page = client.get(reverse("proposal_edit", args=[proposal.public_id])).content.decode()
    assert "BU-01 Færre vikarer</a> (Budget 2027–2030): Vedtaget. 75 % realiseret." in page


def test_the_proposal_create_page_shows_similar_ones_after_a_failed_save(client, history):
    client.force_login(history.owner)
    response = client.post(
        reverse("proposal_create", args=[history.next_round.public_id]),
        {"title": "Lukning af ungdomsklub", "committee": history.children.pk},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "BU-03 Lukning af ungdomsklub</a>" in page
    empty = client.get(reverse("proposal_create", args=[history.next_round.public_id]))
    assert "Lignende forslag" not in empty.content.decode()


def test_the_idea_page_shows_similar_proposals_and_bank_ideas(client, history):
    idea = create_idea(
        history.next_round,
        history.owner,
        title="Luk ungdomsklubben",
        description="Ungdomsklubben har få brugere.",
    )
    client.force_login(history.budget_officer)
    page = client.get(reverse("idea_detail", args=[idea.public_id])).content.decode()
    assert "Lignende forslag fra tidligere runder" in page
    assert "BU-03 Lukning af ungdomsklub</a>" in page
    assert "Ungdomsklub i skolens lokaler</a>" in page
    assert "Ebeltoft" not in page


def test_nothing_is_shown_when_nothing_is_similar(client, history):
    proposal = draft(history, "Nyt lønsystem", summary="Lønkørsel bliver digital.")
    assert similar_earlier(proposal) == []
    assert not similar_to(proposal)
    client.force_login(history.owner)
    page = client.get(reverse("proposal_edit", args=[proposal.public_id])).content.decode()
    assert "Lignende forslag" not in page
    assert "Fra idébanken" not in page


def test_the_other_municipality_sees_only_its_own(history):
    later = create_round(history.other_municipality, name="Budget 2028 Syddjurs", budget_year=2028)
    area = ServiceArea.objects.get(pk=history.other_area.pk)
    proposal = create_proposal(
        later, area.committee, history.outsider, title="Lukning af ungdomsklub i Rønde"
    )
    assert [row.title for row in similar_earlier(proposal)] == ["Lukning af ungdomsklub i Ebeltoft"]


def test_queries_do_not_grow_with_the_history(history, django_assert_max_num_queries):
    proposal = draft(history, "Færre vikarer og lukning af ungdomsklub samt dagtilbud")
    for number in range(20):
        draft(history, f"Lukning af ungdomsklub nr. {number}")  # same round: not earlier
    with django_assert_max_num_queries(7):
        found = similar_to(proposal)
    assert {row.code for row in found.proposals} == {"BU-01", "BU-02", "BU-03"}
