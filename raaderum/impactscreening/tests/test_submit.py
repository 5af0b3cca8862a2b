"""A required question must be assessed before the proposal is submitted (and signed off)."""

import pytest
from django.urls import reverse

from raaderum.impactscreening.tests.helpers import answer, default_questions
from raaderum.proposals.models import Proposal
from raaderum.test import create_proposal

pytestmark = pytest.mark.django_db


def test_submitting_waits_for_the_required_questions(client, world):
    questions = default_questions(world)
    questions.climate.required = True
    questions.climate.save()
    proposal = create_proposal(
        world.round, world.children, world.owner, effects={(world.schools, 2027): -1_000}
    )
    client.force_login(world.owner)
    transition = reverse("proposal_transition", args=[proposal.public_id])
    response = client.post(transition, {"step": "submit", "version": proposal.version})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Besvar først konsekvensscreeningens obligatoriske spørgsmål" in html
    assert "Skal besvares, før forslaget sendes til kvalitetssikring: Klima." in html
    assert Proposal.objects.get(pk=proposal.pk).status == "draft"
    # "Not assessed" is no answer; "no significance" is.
    answer(proposal, questions.climate, None, "Afventer.", world.owner)
    response = client.post(transition, {"step": "submit", "version": proposal.version})
    assert response.status_code == 409
    answer(proposal, questions.climate, 0, "", world.owner)
    response = client.post(transition, {"step": "submit", "version": proposal.version})
    assert response.status_code == 302
    assert Proposal.objects.get(pk=proposal.pk).status == "submitted"


def test_a_retired_or_optional_question_does_not_hold_the_proposal_back(client, world):
    questions = default_questions(world)
    questions.climate.required = True
    questions.climate.retired = True
    questions.climate.save()
    proposal = create_proposal(
        world.round, world.children, world.owner, effects={(world.schools, 2027): -1_000}
    )
    client.force_login(world.owner)
    transition = reverse("proposal_transition", args=[proposal.public_id])
    response = client.post(transition, {"step": "submit", "version": proposal.version})
    assert response.status_code == 302
