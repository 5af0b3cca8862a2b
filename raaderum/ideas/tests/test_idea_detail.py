import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas.actions import do_reject_idea
from raaderum.ideas.models import Assessment, Idea, IdeaStatus, ScreeningCriterion, ScreeningRules
from raaderum.ideas.tests.helpers import create_citizen_idea, create_idea
from raaderum.organisation.models import Membership
from raaderum.proposals.models import Origin, Proposal, ProposalStatus, ProposalType


def url(idea):
    return reverse("idea_detail", args=[idea.public_id])


@pytest.fixture
def idea(open_world):
    return create_idea(
        open_world.round,
        open_world.contributor,
        title="Fælles vikarkorps",
        description="Ét vikarkorps for alle skoler.",
        origin=Origin.MANAGER,
        committee=open_world.children,
        estimated_amount=750_000,
    )


def pass_data(world, **overrides):
    data = {
        "decision": "pass",
        "pass-type": ProposalType.EFFICIENCY,
        "pass-committee": str(world.children.pk),
        "pass-owner": str(world.owner.pk),
        "pass-cross_cutting": "no",
        "pass-director": "",
    }
    data.update(overrides)
    return data


def test_it_shows_the_idea_and_its_screening_to_the_administration(client, open_world, idea):
    ScreeningRules.objects.create(round=open_world.round, min_amount=1_000_000)
    client.force_login(open_world.reader)
    response = client.get(url(idea))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fælles vikarkorps" in html and "Ét vikarkorps for alle skoler." in html
    assert "Frigør 750.000 kr." in html
    assert "Mindst 1.000.000 kr." in html
    assert "Ikke opfyldt" in html  # 750.000 is below the minimum
    assert "Ikke alle kriterier er vurderet endnu." not in html  # one is not met: that decides
    assert "Idéen opfylder ikke alle kriterier." in html
    assert 'name="decision"' not in html  # a reader may not screen


def test_the_citizens_email_is_shown_to_the_budget_office_only(client, open_world):
    citizen = create_citizen_idea(open_world.round)
    client.force_login(open_world.budget_officer)
    html = client.get(url(citizen)).content.decode()
    assert "birthe@example.dk" in html and "Birthe Borger" in html
    client.force_login(open_world.director)
    html = client.get(url(citizen)).content.decode()
    assert "birthe@example.dk" not in html and "Birthe Borger" in html


def test_the_submitter_may_read_their_idea_without_the_right_to_see_ideas(client, open_world):
    mine = create_idea(
        open_world.round, open_world.politician, origin=Origin.PARTY, party_name="Venstre"
    )
    do_reject_idea(mine, reason="Ligger uden for kommunens område.", user=open_world.director)
    client.force_login(open_world.politician)
    response = client.get(url(mine))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ligger uden for kommunens område." in html
    assert "Rundens standardkriterier" not in html  # the screening itself is internal


def test_a_politician_may_not_read_other_ideas(client, open_world, idea):
    client.force_login(open_world.politician)
    assert client.get(url(idea)).status_code == 403


def test_another_municipality_gets_404(client, open_world, idea):
    client.force_login(open_world.outsider)
    assert client.get(url(idea)).status_code == 404
    assert client.post(url(idea), {"decision": "reject", "reject-reason": "x"}).status_code == 404
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_a_role_without_the_right_to_screen_gets_403_and_nothing_changes(client, open_world, idea):
    client.force_login(open_world.owner)
    response = client.post(url(idea), {"decision": "reject", "reject-reason": "Nej tak."})
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_an_assessment_computes_the_standard_criteria_and_keeps_the_answers(
    client, open_world, idea
):
    world = open_world
    ScreeningRules.objects.create(
        round=world.round, min_amount=500_000, latest_full_effect_year=2028
    )
    criterion = ScreeningCriterion.objects.create(
        round=world.round, text="Kan det gennemføres uden ny it?", position=1
    )
    client.force_login(world.director)
    html = client.get(url(idea)).content.decode()
    assert "Kan det gennemføres uden ny it?" in html
    assert 'value="750.000"' in html  # the submitter's estimate is the starting point
    response = client.post(
        url(idea),
        {
            "decision": "assess",
            "assess-estimated_amount": "600.000",
            "assess-full_effect_year": "2029",
            "assess-needs_political_decision": "yes",
            f"assess-criterion_{criterion.pk}": "yes",
            f"assess-criterion_{criterion.pk}_note": "Bruger det nuværende system.",
            "assess-note": "Bør regnes igennem af BU.",
        },
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get(idea=idea)
    assert assessment.assessed_by == world.director
    assert (assessment.estimated_amount, assessment.full_effect_year) == (600_000, 2029)
    assert assessment.needs_political_decision is True
    answer = assessment.answers.get()
    assert (answer.met, answer.note) == (True, "Bruger det nuværende system.")
    assert Event.objects.filter(verb="idea_screened").count() == 1
    response = client.get(url(idea))
    rows = {row["label"]: row["met"] for row in response.context["standard_rows"]}
    assert rows == {"Beløb om året": True, "Fuld effekt": False, "Politisk beslutning": True}
    html = response.content.decode()
    assert "Senest i 2028" in html and "Bruger det nuværende system." in html
    assert "Idéen opfylder ikke alle kriterier." in html
    assert "Vurdering af Dorte Testesen" not in html and "Vurderet af Dorte Testesen" in html


def test_assessment_errors_are_danish_and_keep_the_input(client, open_world, idea):
    criterion = ScreeningCriterion.objects.create(round=open_world.round, text="Uden ny it?")
    client.force_login(open_world.budget_officer)
    response = client.post(
        url(idea),
        {
            "decision": "assess",
            "assess-estimated_amount": "mange penge",
            "assess-full_effect_year": "snart",
            "assess-needs_political_decision": "yes",
            f"assess-criterion_{criterion.pk}": "",
            f"assess-criterion_{criterion.pk}_note": "Måske",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_assess-criterion_{criterion.pk}-error"' in html
    assert "Svar ja eller nej: en note gemmes kun sammen med et svar." in html
    assert 'id="id_assess-estimated_amount-error"' in html
    assert "Skriv beløbet som et tal, fx 1.234 eller −250,5." in html
    assert 'id="id_assess-full_effect_year-error"' in html
    assert "mange penge" in html
    assert not Assessment.objects.exists()


def test_passing_creates_a_proposal_with_the_ideas_origin_and_links_it(client, open_world, idea):
    world = open_world
    client.force_login(world.budget_officer)
    response = client.post(url(idea), pass_data(world))
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("proposal_effects", args=[proposal.public_id])
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PASSED
    assert idea.proposal == proposal
    assert idea.decided_by == world.budget_officer
    assert proposal.origin == Origin.MANAGER
    assert proposal.title == "Fælles vikarkorps"
    assert proposal.summary == "Ét vikarkorps for alle skoler."
    assert proposal.type == ProposalType.EFFICIENCY
    assert proposal.owner == world.owner
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.code == "BU-01"
    event = Event.objects.get(verb="idea_passed")
    assert event.proposal == proposal
    assert event.text == (
        "Bente Testesen har sendt idéen “Fælles vikarkorps” videre som forslag BU-01 "
        "med Ole Testesen som forslagsejer."
    )
    html = client.get(url(idea)).content.decode()
    proposal_url = reverse("proposal_detail", args=[proposal.public_id])
    assert f'blev til forslag <a href="{proposal_url}">BU-01</a>' in html


def test_a_party_proposal_keeps_its_party_on_the_proposal(client, open_world):
    world = open_world
    Membership.objects.filter(user=world.politician).update(party="Venstre")
    party = create_idea(world.round, world.politician, origin=Origin.PARTY, party_name="Venstre")
    client.force_login(world.budget_officer)
    client.post(url(party), pass_data(world))
    proposal = Proposal.objects.get()
    assert (proposal.origin, proposal.party_name) == (Origin.PARTY, "Venstre")


def test_a_cross_cutting_idea_needs_a_director(client, open_world, idea):
    world = open_world
    client.force_login(world.budget_officer)
    response = client.post(url(idea), pass_data(world, **{"pass-cross_cutting": "yes"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_pass-director-error"' in html
    assert "Et tværgående forslag skal have en direktør som ejer fra starten: vælg en." in html
    assert not Proposal.objects.exists()
    response = client.post(
        url(idea),
        pass_data(world, **{"pass-cross_cutting": "yes", "pass-director": str(world.director.pk)}),
    )
    assert response.status_code == 302
    assert Proposal.objects.get().director == world.director


def test_the_owner_and_director_must_be_members_with_the_right_role(client, open_world, idea):
    world = open_world
    client.force_login(world.budget_officer)
    response = client.post(
        url(idea),
        pass_data(
            world,
            **{
                "pass-owner": str(world.outsider.pk),
                "pass-director": str(world.owner.pk),
                "pass-committee": str(world.other_area.committee.pk),
            },
        ),
    )
    assert response.status_code == 200
    assert response.context["pass_form"].errors.keys() == {"owner", "director", "committee"}
    assert not Proposal.objects.exists()


def test_a_director_who_passes_an_idea_to_another_owner_lands_on_the_proposal(
    client, open_world, idea
):
    client.force_login(open_world.director)
    response = client.post(url(idea), pass_data(open_world))
    proposal = Proposal.objects.get()
    assert response["Location"] == reverse("proposal_detail", args=[proposal.public_id])


def test_rejecting_needs_a_reason(client, open_world, idea):
    client.force_login(open_world.budget_officer)
    response = client.post(url(idea), {"decision": "reject", "reject-reason": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_reject-reason-error"' in html
    assert "Skriv, hvorfor idéen afvises." in html
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_a_rejected_idea_keeps_its_reason_for_the_submitter(client, open_world, idea):
    world = open_world
    client.force_login(world.budget_officer)
    response = client.post(
        url(idea), {"decision": "reject", "reject-reason": "Skolerne deler allerede vikarer."}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.REJECTED
    assert idea.rejection_reason == "Skolerne deler allerede vikarer."
    assert Event.objects.get(verb="idea_rejected").text == (
        "Bente Testesen har afvist idéen “Fælles vikarkorps”."
    )
    client.force_login(world.contributor)
    mine = client.get(reverse("my_ideas", args=[world.round.public_id])).content.decode()
    assert "Begrundelse: Skolerne deler allerede vikarer." in mine
    detail = client.get(url(idea)).content.decode()
    assert "Idéen er afvist" in detail and "Skolerne deler allerede vikarer." in detail


def test_a_duplicate_is_merged_into_another_idea_of_the_round(client, open_world, idea):
    world = open_world
    duplicate = create_idea(world.round, world.owner, title="Vikarer på tværs af skoler")
    client.force_login(world.director)
    response = client.post(url(duplicate), {"decision": "merge", "merge-into": str(idea.pk)})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.status == IdeaStatus.MERGED
    assert duplicate.merged_into == idea
    assert Event.objects.get(verb="idea_merged").text == (
        "Dorte Testesen har lagt idéen “Vikarer på tværs af skoler” sammen med “Fælles vikarkorps”."
    )
    html = client.get(url(idea)).content.decode()
    assert "Dubletter lagt sammen med denne idé" in html and "Vikarer på tværs af skoler" in html
    html = client.get(url(duplicate)).content.decode()
    assert f'Idéen er en dublet af <a href="{url(idea)}">“Fælles vikarkorps”</a>' in html
    assert 'name="decision"' not in html  # closed: no more decisions


def test_it_will_not_merge_into_itself_or_another_round(client, open_world, idea):
    world = open_world
    foreign = create_idea(world.other_round, world.outsider)
    client.force_login(world.budget_officer)
    for target in (idea, foreign):
        response = client.post(url(idea), {"decision": "merge", "merge-into": str(target.pk)})
        assert response.status_code == 200
        assert "Vælg en anden åben idé i samme budgetrunde." in response.content.decode()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_a_screened_idea_cannot_be_screened_again(client, open_world, idea):
    world = open_world
    client.force_login(world.budget_officer)
    client.post(url(idea), {"decision": "reject", "reject-reason": "Dublet."})
    response = client.post(url(idea), pass_data(world))
    assert response.status_code == 409
    assert "Idéen er allerede screenet (afvist ved screeningen), så intet blev ændret." in (
        response.content.decode()
    )
    assert not Proposal.objects.exists()
    assert Idea.objects.get().status == IdeaStatus.REJECTED
    assert 'name="decision"' not in client.get(url(idea)).content.decode()


def test_an_unknown_decision_is_a_bad_request(client, open_world, idea):
    client.force_login(open_world.budget_officer)
    assert client.post(url(idea), {"decision": "delete"}).status_code == 400
