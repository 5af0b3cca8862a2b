"""The budget office manages the municipality's screening questions; everyone else is refused."""

import pytest
from django.urls import reverse

from raaderum.impactscreening.models import ImpactQuestion
from raaderum.impactscreening.tests.helpers import answer, default_questions, screened_catalog
from raaderum.test import create_proposal

pytestmark = pytest.mark.django_db

FIELDS = {
    "title": "Sundhed",
    "question": "Hvordan påvirker forslaget borgernes sundhed?",
    "help_text": "",
    "scale": "three",
    "position": "",
}


def list_url(world):
    return reverse("impact_questions", args=[world.municipality.slug])


def test_the_four_defaults_are_created_once_from_the_empty_list(client, world):
    client.force_login(world.budget_officer)
    html = client.get(list_url(world)).content.decode()
    assert "Kommunen har ingen screeningsspørgsmål endnu." in html
    response = client.post(list_url(world), {"defaults": "1"})
    assert response.status_code == 302
    titles = list(
        ImpactQuestion.objects.filter(municipality=world.municipality).values_list(
            "title", flat=True
        )
    )
    assert titles == ["Klima", "Ligestilling", "Udsatte borgere", "Medarbejdere"]
    assert ImpactQuestion.objects.get(title="Klima").question == (
        "Hvordan påvirker forslaget kommunens CO2-udledning og klimatilpasning?"
    )
    client.post(list_url(world), {"defaults": "1"})
    assert ImpactQuestion.objects.count() == 4
    html = client.get(list_url(world)).content.decode()
    assert "Opret de fire foreslåede spørgsmål" not in html


def test_the_budget_office_creates_a_question_last_in_order(client, world):
    default_questions(world)
    client.force_login(world.budget_officer)
    url = reverse("impact_question_create", args=[world.municipality.slug])
    response = client.post(url, {**FIELDS, "required": "on"})
    assert response.status_code == 302
    question = ImpactQuestion.objects.get(title="Sundhed")
    assert (question.scale, question.position, question.required, question.retired) == (
        "three",
        5,
        True,
        False,
    )
    assert question.history.count() == 1


def test_a_question_without_text_or_with_a_taken_title_is_refused_and_kept(client, world):
    default_questions(world)
    client.force_login(world.budget_officer)
    url = reverse("impact_question_create", args=[world.municipality.slug])
    response = client.post(url, {**FIELDS, "title": "klima", "question": "  "})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Formularen har fejl. Intet er gemt." in html
    assert "Et andet spørgsmål har allerede denne titel. Vælg en anden." in html
    assert "Skriv det spørgsmål, forslagsejeren skal besvare." in html
    assert 'value="klima"' in html
    assert ImpactQuestion.objects.count() == 4


def test_the_scale_of_an_answered_question_cannot_change(client, world):
    questions = default_questions(world)
    proposal = create_proposal(world.round, world.children, world.owner)
    answer(proposal, questions.climate, -1, "Mere kørsel.", world.owner)
    client.force_login(world.budget_officer)
    url = reverse("impact_question_edit", args=[questions.climate.public_id])
    data = {"title": "Klima", "question": questions.climate.question, "scale": "three"}
    response = client.post(url, data)
    assert response.status_code == 422
    assert "Skalaen kan ikke ændres: der er vurderet forslag på den." in response.content.decode()
    assert ImpactQuestion.objects.get(pk=questions.climate.pk).scale == "five"
    response = client.post(url, {**data, "scale": "five", "retired": "on"})
    assert response.status_code == 302
    assert ImpactQuestion.objects.get(pk=questions.climate.pk).retired is True


def test_a_question_with_answers_cannot_be_deleted_one_without_can(client, world):
    questions = default_questions(world)
    proposal = create_proposal(world.round, world.children, world.owner)
    answer(proposal, questions.climate, None, "Afventer beregning.", world.owner)
    client.force_login(world.budget_officer)
    response = client.post(reverse("impact_question_delete", args=[questions.climate.public_id]))
    assert response.status_code == 409
    assert "kan derfor ikke slettes. Sæt det som udgået i stedet" in response.content.decode()
    assert ImpactQuestion.objects.filter(pk=questions.climate.pk).exists()
    response = client.post(reverse("impact_question_delete", args=[questions.staff.public_id]))
    assert response.status_code == 302
    assert not ImpactQuestion.objects.filter(pk=questions.staff.pk).exists()


def test_a_question_in_a_published_catalog_cannot_be_deleted(client, world):
    screened = screened_catalog(world)
    client.force_login(world.budget_officer)
    # Nobody answered "Ligestilling", but version 1 shows it ("not assessed" for every proposal).
    url = reverse("impact_question_delete", args=[screened.questions.equality.public_id])
    assert client.post(url).status_code == 409
    assert ImpactQuestion.objects.filter(pk=screened.questions.equality.pk).exists()


def test_only_the_budget_office_manages_and_other_municipalities_see_nothing(client, world):
    questions = default_questions(world)
    edit = reverse("impact_question_edit", args=[questions.climate.public_id])
    delete = reverse("impact_question_delete", args=[questions.climate.public_id])
    for user in (world.director, world.owner, world.politician, world.reader):
        client.force_login(user)
        assert client.get(list_url(world)).status_code == 403
        assert client.post(edit, {**FIELDS}).status_code == 403
        assert client.post(delete).status_code == 403
    client.force_login(world.outsider)
    assert client.get(list_url(world)).status_code == 404
    assert client.get(edit).status_code == 404
    assert client.post(delete).status_code == 404
    assert ImpactQuestion.objects.get(pk=questions.climate.pk).title == "Klima"
