"""The public list: approved answers marked public, of this municipality only, no names."""

import pytest
from django.urls import reverse

from raaderum.organisation.models import Membership
from raaderum.questions.actions import do_save_answer
from raaderum.questions.tests.helpers import answered, ask

pytestmark = pytest.mark.django_db


def url(slug):
    return reverse("public_question_list", args=[slug])


def test_it_needs_no_login_and_shows_public_approved_answers_only(client, world, published):
    published.version.visibility = "public"  # the proposal itself is public
    published.version.save(update_fields=["visibility"])
    Membership.objects.filter(user=world.politician).update(party="Venstre")
    answered(world, published, public=True, text="Hvor mange pladser lukker?")
    answered(world, published, public=False, text="Et internt spørgsmål")
    draft = ask(world, published, text="Et spørgsmål med udkast")
    do_save_answer(draft, user=world.owner, text="Et udkast", submit=True)
    draft.public = True
    draft.save(update_fields=["public"])  # marked public, but not approved: still not shown

    response = client.get(url(world.municipality.slug))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Budgetspørgsmål og svar – Norddjurs Kommune" in html
    assert "Spørgsmål nr. 1: SU-01 Lukning af plejecenter" in html
    assert "Hvor mange pladser lukker?" in html and "24 pladser." in html
    assert "Stillet af Venstre den" in html
    assert "Pia" not in html  # the party, not the person
    assert "Et internt spørgsmål" not in html
    assert "Et spørgsmål med udkast" not in html and "Et udkast" not in html


def test_another_municipality_shows_none_of_it(client, world, published):
    published.version.visibility = "public"
    published.version.save(update_fields=["visibility"])
    answered(world, published, public=True)
    html = client.get(url(world.other_municipality.slug)).content.decode()
    assert "24 pladser." not in html
    assert "Der er ikke offentliggjort nogen svar endnu." in html


def test_an_unknown_municipality_is_404(client, world):
    assert client.get(url("ingen")).status_code == 404
