from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas.models import Idea, IdeaStatus
from raaderum.proposals.models import Origin
from raaderum.rounds.models import PhaseKind


def url(world):
    return reverse("idea_create", args=[world.round.public_id])


def idea_data(world, **overrides):
    data = {
        "title": "Fælles indkøb af kontorartikler",
        "description": "Vi køber ind samlet for hele kommunen.",
        "origin": Origin.MANAGER,
        "committee": str(world.children.pk),
        "estimated_amount": "250.000",
    }
    data.update(overrides)
    return data


def test_a_member_submits_an_idea_with_the_origin_chosen_on_the_form(client, open_world):
    world = open_world
    client.force_login(world.contributor)
    response = client.post(url(world), idea_data(world))
    assert response.status_code == 302
    assert response["Location"] == reverse("my_ideas", args=[world.round.public_id])
    idea = Idea.objects.get()
    assert idea.submitted_by == world.contributor
    assert idea.origin == Origin.MANAGER
    assert idea.committee == world.children
    assert idea.estimated_amount == 250_000  # positive: frees money, as typed
    assert idea.status == IdeaStatus.NEW
    assert Event.objects.get(verb="idea_submitted").text == (
        "Carl Testesen har indsendt idéen “Fælles indkøb af kontorartikler”."
    )
    follow = client.get(response["Location"]).content.decode()
    assert "Tak. Din idé er indsendt og bliver screenet." in follow


def test_the_form_explains_the_sign_of_the_estimate(client, open_world):
    client.force_login(open_world.owner)
    html = client.get(url(open_world)).content.decode()
    assert "Skriv det, idéen frigør hvert år, som et positivt beløb" in html
    assert "Medarbejder" in html and "Leder" in html


def test_only_employee_or_manager_can_be_chosen(client, open_world):
    client.force_login(open_world.owner)
    response = client.post(url(open_world), idea_data(open_world, origin=Origin.PARTY))
    assert response.status_code == 200
    assert 'id="id_origin-error"' in response.content.decode()
    assert not Idea.objects.exists()


def test_errors_are_danish_next_to_the_field_and_input_is_kept(client, open_world):
    client.force_login(open_world.owner)
    response = client.post(
        url(open_world),
        idea_data(open_world, title="", estimated_amount="12.5", description="Det jeg skrev"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_title-error"' in html and "Dette felt er påkrævet." in html
    assert 'id="id_estimated_amount-error"' in html
    assert "Brug komma som decimaltegn, fx 1,5." in html
    assert "Det jeg skrev" in html
    assert not Idea.objects.exists()


def test_it_refuses_a_committee_of_another_municipality(client, open_world):
    client.force_login(open_world.owner)
    other = open_world.other_area.committee
    response = client.post(url(open_world), idea_data(open_world, committee=str(other.pk)))
    assert response.context["form"].errors.keys() == {"committee"}


def test_outside_the_ideas_phase_it_says_so_and_takes_nothing(client, world):
    world.round.current_phase = PhaseKind.DRAFTING
    world.round.save(update_fields=["current_phase"])
    client.force_login(world.owner)
    response = client.get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Budgetrunden modtager ikke idéer nu." in html
    assert 'name="title"' not in html
    response = client.post(url(world), idea_data(world))
    assert response.status_code == 409
    assert "Budgetrunden modtager ikke idéer nu." in response.content.decode()
    assert not Idea.objects.exists()


def test_a_politician_may_not_submit_an_administrative_idea(client, open_world):
    client.force_login(open_world.politician)
    assert client.get(url(open_world)).status_code == 403
    assert client.post(url(open_world), idea_data(open_world)).status_code == 403
    assert not Idea.objects.exists()


def test_another_municipality_gets_404(client, open_world):
    client.force_login(open_world.outsider)
    assert client.get(url(open_world)).status_code == 404
    assert client.post(url(open_world), idea_data(open_world)).status_code == 404


def test_anonymous_users_are_sent_to_login(client, open_world):
    response = client.get(url(open_world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
