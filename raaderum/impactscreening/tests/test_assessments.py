"""The owner answers the screening on the proposal: errors in Danish, nothing lost, locking."""

import json

import pytest
from django.urls import reverse

from raaderum.impactscreening.models import ImpactAssessment
from raaderum.impactscreening.tests.helpers import answer, default_questions
from raaderum.test import create_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(world):
    questions = default_questions(world)
    proposal = create_proposal(
        world.round, world.children, world.owner, director=world.director, title="Større klasser"
    )
    return questions, proposal


def url(proposal):
    return reverse("proposal_screening", args=[proposal.public_id])


def form_data(client, proposal):
    """The form as the page shows it: every field with its value, the hidden started_from."""
    response = client.get(url(proposal))
    assert response.status_code == 200
    form = response.context["form"]
    data = {"started_from": form["started_from"].value()}
    for _question, score, text in form.rows():
        data[score.html_name] = score.value()
        data[text.html_name] = text.value() or ""
    return data


def stored(proposal, question):
    row = ImpactAssessment.objects.filter(proposal=proposal, question=question).first()
    return None if row is None else (row.score, row.text)


def test_the_owner_answers_and_the_proposal_page_shows_it(client, world, setup):
    questions, proposal = setup
    client.force_login(world.owner)
    data = form_data(client, proposal)
    c, s = questions.climate.pk, questions.staff.pk
    data.update({f"q{c}-score": "-2", f"q{c}-text": "Flere kører i bil.", f"q{s}-score": "0"})
    response = client.post(url(proposal), data)
    assert response.status_code == 302
    assert stored(proposal, questions.climate) == (-2, "Flere kører i bil.")
    assert stored(proposal, questions.staff) == (0, "")
    assert stored(proposal, questions.equality) is None  # left at "not assessed": no row
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Konsekvensscreening" in html
    assert "Klart negativ" in html and "Flere kører i bil." in html
    assert "Udfyld konsekvensscreeningen" in html
    # The history: who, before and after.
    assert "1 ændring i screeningen" not in html and "2 ændringer i screeningen" in html
    record = ImpactAssessment.history.get(question=questions.climate)
    assert record.history_user == world.owner


def test_a_negative_assessment_without_an_explanation_is_refused_and_kept(client, world, setup):
    questions, proposal = setup
    client.force_login(world.owner)
    data = form_data(client, proposal)
    c, e = questions.climate.pk, questions.equality.pk
    data.update(
        {f"q{c}-score": "1", f"q{c}-text": "  ", f"q{e}-score": "0", f"q{e}-text": "Ingen."}
    )
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert (
        "Begrund vurderingen med en sætning eller to: en begrundelse skal udfyldes, når "
        "forslaget er vurderet som lidt positiv." in html
    )
    assert f'id="id_q{c}-score_3" name="q{c}-score" value="1" checked' in html
    assert ">\nIngen.</textarea>" in html
    assert ImpactAssessment.objects.count() == 0


def test_a_score_outside_the_scale_is_refused(client, world, setup):
    questions, proposal = setup
    client.force_login(world.owner)
    data = form_data(client, proposal)
    data[f"q{questions.climate.pk}-score"] = "7"
    response = client.post(url(proposal), data)
    assert response.status_code == 422
    assert "Vælg et af skalaens trin." in response.content.decode()
    assert ImpactAssessment.objects.count() == 0


def test_two_people_changing_other_questions_are_merged(client, world, setup):
    questions, proposal = setup
    client.force_login(world.owner)
    mine = form_data(client, proposal)
    # Meanwhile the budget office assesses the staff question.
    answer(proposal, questions.staff, -1, "Færre lærere.", world.budget_officer)
    c = questions.climate.pk
    mine.update({f"q{c}-score": "0"})
    response = client.post(url(proposal), mine)
    assert response.status_code == 302
    assert stored(proposal, questions.climate) == (0, "")
    assert stored(proposal, questions.staff) == (-1, "Færre lærere.")


def test_two_people_changing_the_same_question_see_both_and_nothing_is_overwritten(
    client, world, setup
):
    questions, proposal = setup
    client.force_login(world.owner)
    mine = form_data(client, proposal)
    answer(proposal, questions.climate, 1, "Mindre kørsel.", world.budget_officer)
    c = questions.climate.pk
    mine.update({f"q{c}-score": "-1", f"q{c}-text": "Mere kørsel."})
    response = client.post(url(proposal), mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "En anden gemte screeningen, mens du redigerede" in html
    assert "Lidt positiv: Mindre kørsel." in html and "Lidt negativ: Mere kørsel." in html
    assert ">\nMere kørsel.</textarea>" in html  # what the user typed is kept
    assert stored(proposal, questions.climate) == (1, "Mindre kørsel.")
    # Saving the form again, now started from the newer answer, keeps the user's choice.
    again = {key: value for key, value in response.context["form"].data.items()}
    assert json.loads(again["started_from"])[str(c)] == [1, "Mindre kørsel."]
    assert client.post(url(proposal), again).status_code == 302
    assert stored(proposal, questions.climate) == (-1, "Mere kørsel.")


def test_only_those_who_may_edit_the_proposal_answer(client, world, setup):
    questions, proposal = setup
    data = {f"q{questions.climate.pk}-score": "0", "started_from": "{}"}
    for user in (world.contributor, world.politician, world.reader):
        client.force_login(user)
        assert client.post(url(proposal), data).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url(proposal), data).status_code == 404
    assert ImpactAssessment.objects.count() == 0
    # Once in the catalog only the budget office changes the proposal, its screening too.
    proposal.status = "in_catalog"
    proposal.save(update_fields=["status"])
    client.force_login(world.owner)
    assert client.get(url(proposal)).status_code == 403
    client.force_login(world.budget_officer)
    assert client.post(url(proposal), data).status_code == 302


def test_a_retired_question_is_not_asked_but_its_answer_stays_visible(client, world, setup):
    questions, proposal = setup
    answer(proposal, questions.equality, -1, "Rammer især kvinder.", world.owner)
    questions.equality.retired = True
    questions.equality.save()
    client.force_login(world.owner)
    form = client.get(url(proposal)).context["form"]
    assert [q.title for q in form.questions] == ["Klima", "Udsatte borgere", "Medarbejdere"]
    html = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Rammer især kvinder." in html and "stilles ikke længere" in html
