import re

import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas import spam
from raaderum.ideas.models import Idea, IdeaStatus
from raaderum.ideas.tests.helpers import create_idea
from raaderum.proposals.models import Origin
from raaderum.rounds.models import PhaseKind


def url(world, slug=None, round_id=None):
    return reverse(
        "public_idea",
        args=[slug or world.municipality.slug, round_id or world.round.public_id],
    )


def thanks_url(world):
    return reverse("public_idea_thanks", args=[world.municipality.slug, world.round.public_id])


def idea_data(**overrides):
    data = {
        "title": "Sluk gadelyset om natten",
        "description": "Mellem kl. 1 og 5 er der næsten ingen på vejene.",
        "name": "Birthe Borger",
        "email": "birthe@example.dk",
        "website": "",
    }
    data.update(overrides)
    return data


def test_it_needs_no_login_and_shows_the_form(client, open_world):
    response = client.get(url(open_world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Din idé til budgettet i Norddjurs Kommune" in html
    assert 'name="title"' in html and 'name="description"' in html


def test_a_valid_idea_is_stored_as_a_citizen_idea_and_answered_with_a_redirect(client, open_world):
    response = client.post(url(open_world), idea_data())
    assert response.status_code == 302
    assert response["Location"] == thanks_url(open_world)
    idea = Idea.objects.get()
    assert idea.round == open_world.round
    assert idea.origin == Origin.CITIZEN
    assert idea.status == IdeaStatus.NEW
    assert idea.submitted_by is None
    assert (idea.submitter_name, idea.submitter_email) == ("Birthe Borger", "birthe@example.dk")
    event = Event.objects.get(verb="idea_submitted")
    assert event.text == (
        "En borger har indsendt idéen “Sluk gadelyset om natten” via den offentlige formular."
    )
    thanks = client.get(response["Location"])
    assert "Norddjurs Kommune har modtaget din idé." in thanks.content.decode()


def test_name_and_email_are_optional(client, open_world):
    client.post(url(open_world), idea_data(name="", email=""))
    assert Idea.objects.get().submitter_email == ""


def test_a_filled_honeypot_saves_nothing_but_answers_the_same(client, open_world):
    response = client.post(url(open_world), idea_data(website="https://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == thanks_url(open_world)
    assert not Idea.objects.exists()
    assert not Event.objects.exists()


def test_the_honeypot_is_hidden_from_eyes_screen_readers_and_the_keyboard(client, open_world):
    html = client.get(url(open_world)).content.decode()
    wrapper = re.search(r'<div class="d-none" aria-hidden="true">(.*?)</div>', html, re.S)
    assert wrapper is not None
    assert "Lad dette felt være tomt" in wrapper.group(1)
    field = re.search(r"<input[^>]*name=\"website\"[^>]*>", wrapper.group(1))
    assert field is not None
    assert 'tabindex="-1"' in field.group(0) and 'autocomplete="off"' in field.group(0)
    assert "sr-only" not in wrapper.group(0)


def test_the_sixth_post_from_one_address_within_ten_minutes_gets_429(client, open_world):
    for n in range(spam.PUBLIC_IDEA_LIMIT):
        response = client.post(url(open_world), idea_data(title=f"Idé nummer {n}"))
        assert response.status_code == 302
    response = client.post(url(open_world), idea_data(title="Den sjette idé"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    html = response.content.decode()
    assert "For mange idéer på kort tid" in html
    assert "Den sjette idé" in html  # what was typed is given back
    assert Idea.objects.count() == spam.PUBLIC_IDEA_LIMIT


def test_the_limit_is_per_address(client, open_world):
    for _n in range(spam.PUBLIC_IDEA_LIMIT):
        client.post(url(open_world), idea_data(), REMOTE_ADDR="10.0.0.1")
    assert client.post(url(open_world), idea_data(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.post(url(open_world), idea_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_honeypot_posts_count_towards_the_limit(client, open_world):
    for _n in range(spam.PUBLIC_IDEA_LIMIT):
        client.post(url(open_world), idea_data(website="x"))
    assert client.post(url(open_world), idea_data()).status_code == 429
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "Spar"}, "title", "Skriv en titel på mindst 5 tegn."),
        ({"title": "x" * 201}, "title", "Skriv en titel på højst 200 tegn."),
        ({"title": ""}, "title", "Skriv en titel på din idé."),
        ({"title": "12345 !!!"}, "title", "Skriv titlen med ord."),
        ({"description": ""}, "description", "Beskriv din idé."),
        ({"description": "x" * 5001}, "description", "Skriv højst 5.000 tegn."),
        (
            {"description": " ".join(f"https://example.com/{n}" for n in range(6))},
            "description",
            "Skriv højst 5 links (webadresser).",
        ),
        ({"email": "birthe@"}, "email", "Skriv en gyldig e-mailadresse, fx navn@example.dk."),
    ],
)
def test_it_validates_length_and_content_in_danish_and_keeps_the_input(
    client, open_world, overrides, field, message
):
    response = client.post(url(open_world), idea_data(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html
    assert message in html
    assert "Mellem kl. 1 og 5" in html or field == "description"
    assert not Idea.objects.exists()


def test_five_links_are_allowed(client, open_world):
    description = " ".join(f"www.example.com/{n}" for n in range(5))
    assert client.post(url(open_world), idea_data(description=description)).status_code == 302


def test_a_closed_round_shows_a_friendly_page_and_takes_nothing(client, world):
    for phase in ["", PhaseKind.SCREENING, PhaseKind.NEGOTIATION]:
        world.round.current_phase = phase
        world.round.save(update_fields=["current_phase"])
        response = client.get(url(world))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Idéformularen er lukket" in html
        assert 'name="title"' not in html
        assert client.post(url(world), idea_data()).status_code == 200
    assert not Idea.objects.exists()


def test_an_unknown_round_or_the_wrong_municipality_is_404(client, open_world):
    other = open_world.other_round
    other.current_phase = PhaseKind.IDEAS
    other.save(update_fields=["current_phase"])
    assert client.get(url(open_world, slug="syddjurs")).status_code == 404
    assert client.get(url(open_world, round_id=other.public_id)).status_code == 404
    assert client.get(url(open_world, slug="findes-ikke")).status_code == 404
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(url(open_world, round_id=missing)).status_code == 404
    assert client.post(url(open_world, slug="syddjurs"), idea_data()).status_code == 404
    thanks = reverse("public_idea_thanks", args=["syddjurs", open_world.round.public_id])
    assert client.get(thanks).status_code == 404
    assert not Idea.objects.exists()


def test_it_never_shows_internal_data(client, open_world):
    create_idea(open_world.round, open_world.owner, title="Hemmelig intern idé")
    for response in (
        client.get(url(open_world)),
        client.post(url(open_world), idea_data(title="x")),
        client.get(thanks_url(open_world)),
    ):
        html = response.content.decode()
        assert "Hemmelig intern idé" not in html
        assert "Ole Testesen" not in html and "Bente" not in html
        assert str(open_world.round.target_amount) not in html


def test_no_inline_script_or_style(client, open_world):
    html = client.get(url(open_world)).content.decode()
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None
    assert "style=" not in html and "<style" not in html
    assert "onclick" not in html
