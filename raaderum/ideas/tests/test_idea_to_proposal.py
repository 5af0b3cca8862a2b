"""A citizen's idea from the public form through screening into a draft proposal."""

from django.urls import reverse

from raaderum.ideas.models import Idea, IdeaStatus
from raaderum.proposals.models import Origin, Proposal, ProposalType


def test_a_citizens_idea_becomes_a_proposal_with_origin_citizen(client, open_world):
    world = open_world
    public = reverse("public_idea", args=[world.municipality.slug, world.round.public_id])
    client.post(
        public,
        {
            "title": "Sluk gadelyset om natten",
            "description": "Mellem kl. 1 og 5 er der næsten ingen på vejene.",
            "name": "",
            "email": "",
            "website": "",
        },
    )
    idea = Idea.objects.get()

    client.force_login(world.budget_officer)
    ideas = client.get(reverse("idea_list", args=[world.round.public_id])).content.decode()
    assert reverse("idea_detail", args=[idea.public_id]) in ideas
    response = client.post(
        reverse("idea_detail", args=[idea.public_id]),
        {
            "decision": "pass",
            "pass-type": ProposalType.SAVING,
            "pass-committee": str(world.social.pk),
            "pass-owner": str(world.owner.pk),
            "pass-cross_cutting": "yes",
            "pass-director": str(world.director.pk),
        },
    )
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("proposal_effects", args=[proposal.public_id])
    assert (proposal.origin, proposal.code, proposal.director) == (
        Origin.CITIZEN,
        "SU-01",
        world.director,
    )
    idea.refresh_from_db()
    assert (idea.status, idea.proposal) == (IdeaStatus.PASSED, proposal)
    effects = client.get(response["Location"])
    assert effects.status_code == 200
    assert "Idéen gik videre fra screeningen og blev til forslag SU-01." in (
        effects.content.decode()
    )
