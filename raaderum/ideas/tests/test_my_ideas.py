from django.urls import reverse

from raaderum.ideas.actions import do_merge_idea, do_pass_idea, do_reject_idea
from raaderum.ideas.tests.helpers import create_idea
from raaderum.proposals.models import Origin, ProposalType


def url(world):
    return reverse("my_ideas", args=[world.round.public_id])


def test_a_member_sees_only_their_own_ideas_with_status(client, open_world):
    world = open_world
    create_idea(world.round, world.owner, title="Min egen idé")
    create_idea(world.round, world.contributor, title="Carls idé")
    client.force_login(world.owner)
    response = client.get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Min egen idé" in html and "Afventer screening" in html
    assert "Venter på screening." in html
    assert "Carls idé" not in html


def test_a_rejected_idea_shows_its_reason_to_the_submitter(client, open_world):
    world = open_world
    idea = create_idea(world.round, world.owner, title="Lukke svømmehallen")
    do_reject_idea(
        idea, reason="Svømmehallen er med i en aftale til 2030.", user=world.budget_officer
    )
    client.force_login(world.owner)
    html = client.get(url(world)).content.decode()
    assert "Afvist ved screeningen" in html
    assert "Begrundelse: Svømmehallen er med i en aftale til 2030." in html


def test_merged_and_passed_ideas_say_what_became_of_them(client, open_world):
    world = open_world
    original = create_idea(world.round, world.director, title="Samlet indkøb")
    duplicate = create_idea(world.round, world.owner, title="Fælles indkøb")
    do_merge_idea(duplicate, into=original, user=world.budget_officer)
    passed = create_idea(world.round, world.owner, title="Digital post")
    proposal = do_pass_idea(
        passed,
        type=ProposalType.EFFICIENCY,
        committee=world.children,
        owner=world.owner,
        director=None,
        user=world.budget_officer,
    )
    client.force_login(world.owner)
    html = client.get(url(world)).content.decode()
    assert "Lagt sammen med en anden idé." in html  # an owner does not screen
    assert "Samlet indkøb" not in html
    assert "Blev til forslag BU-01" in html
    assert reverse("proposal_detail", args=[proposal.public_id]) in html


def test_a_politician_sees_their_party_proposals_without_links_to_drafts(client, open_world):
    world = open_world
    idea = create_idea(
        world.round,
        world.politician,
        title="Partiets forslag",
        origin=Origin.PARTY,
        party_name="Venstre",
    )
    proposal = do_pass_idea(
        idea,
        type=ProposalType.SAVING,
        committee=world.social,
        owner=world.owner,
        director=None,
        user=world.budget_officer,
    )
    client.force_login(world.politician)
    response = client.get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Partiets forslag" in html and "Venstre" in html
    assert "Blev til forslag SU-01" in html
    assert reverse("proposal_detail", args=[proposal.public_id]) not in html
    assert "Nyt partiforslag" in html


def test_no_ideas_says_so(client, open_world):
    client.force_login(open_world.reader)
    html = client.get(url(open_world)).content.decode()
    assert "Du har ikke indsendt nogen idéer i denne budgetrunde." in html


def test_another_municipality_gets_404(client, open_world):
    client.force_login(open_world.outsider)
    assert client.get(url(open_world)).status_code == 404


def test_the_number_of_queries_does_not_grow_with_the_ideas(
    client, open_world, django_assert_num_queries
):
    world = open_world
    client.force_login(world.owner)
    create_idea(world.round, world.owner, title="Første")
    client.get(url(world))
    with django_assert_num_queries(5):
        client.get(url(world))
    original = create_idea(world.round, world.director, title="Original")
    for n in range(3):
        duplicate = create_idea(world.round, world.owner, title=f"Dublet {n}")
        do_merge_idea(duplicate, into=original, user=world.budget_officer)
    with django_assert_num_queries(5):
        client.get(url(world))


def test_it_reads_in_english_when_chosen(client, open_world):
    idea = create_idea(open_world.round, open_world.owner, title="Min idé")
    do_reject_idea(idea, reason="Nej.", user=open_world.budget_officer)
    client.force_login(open_world.owner)
    client.cookies["django_language"] = "en"
    html = client.get(url(open_world)).content.decode()
    assert "My ideas" in html and "Rejected at screening" in html and "Reason: Nej." in html
