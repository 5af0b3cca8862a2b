"""Drafting, sending for approval, approving or sending back, routing: who may, and refusals."""

from datetime import date

import pytest
from django.urls import reverse

from raaderum.communication.models import Event, Notification
from raaderum.questions.actions import do_approve_answer, do_save_answer
from raaderum.questions.models import Question, QuestionStatus
from raaderum.questions.tests.helpers import answered, ask

pytestmark = pytest.mark.django_db


def detail(question):
    return reverse("question_detail", args=[question.public_id])


def post(client, user, name, question, data):
    client.force_login(user)
    return client.post(reverse(name, args=[question.public_id]), data)


def stored(question):
    return Question.objects.get(pk=question.pk)


def test_the_assignee_saves_a_draft_the_politician_does_not_see(client, world, published):
    question = ask(world, published)
    response = post(client, world.owner, "question_answer", question, {"answer": "Et udkast."})
    assert response.status_code == 302
    assert (stored(question).answer, stored(question).status) == ("Et udkast.", "asked")
    client.force_login(world.politician)
    html = client.get(detail(question)).content.decode()
    assert "Et udkast." not in html
    assert "Svaret er ikke godkendt endnu. Du får besked, når det er." in html


def test_sending_for_approval_tells_the_budget_office(client, world, published):
    question = ask(world, published)
    response = post(
        client, world.owner, "question_answer", question, {"answer": "24 pladser.", "submit": "1"}
    )
    assert response.status_code == 302
    assert stored(question).status == QuestionStatus.SUBMITTED
    event = Event.objects.get(verb="question_submitted")
    assert event.text == "Ole Testesen sendte svaret på budgetspørgsmål nr. 1 til godkendelse."
    assert list(Notification.objects.filter(event=event).values_list("user", flat=True)) == [
        world.budget_officer.pk
    ]
    client.force_login(world.budget_officer)
    html = client.get(detail(question)).content.decode()
    assert "24 pladser." in html and "Godkend svaret" in html


def test_someone_else_in_the_administration_is_refused(client, world, published):
    question = ask(world, published)
    # The contributor sees the question once it is answered; before that it is not theirs.
    response = post(client, world.contributor, "question_answer", question, {"answer": "Nej"})
    assert response.status_code == 403
    assert stored(question).answer == ""


def test_a_politician_cannot_answer(client, world, published):
    question = ask(world, published)
    response = post(client, world.politician, "question_answer", question, {"answer": "Ja"})
    assert response.status_code == 403
    assert (
        "Kun den, spørgsmålet er sendt til, og økonomiafdelingen må besvare det."
        in response.content.decode()
    )
    assert stored(question).answer == ""


def test_an_empty_answer_is_refused(client, world, published):
    question = ask(world, published)
    response = post(
        client, world.owner, "question_answer", question, {"answer": "  ", "submit": "1"}
    )
    assert response.status_code == 422
    assert "Skriv svaret." in response.content.decode()
    assert (stored(question).answer, stored(question).status) == ("", "asked")


def test_the_assignee_cannot_change_an_answer_waiting_for_approval(client, world, published):
    question = ask(world, published)
    do_save_answer(question, user=world.owner, text="Første svar.", submit=True)
    response = post(client, world.owner, "question_answer", question, {"answer": "Andet svar."})
    assert response.status_code == 409
    assert (
        "Svaret venter på økonomiafdelingens godkendelse og kan ikke ændres."
        in response.content.decode()
    )
    assert stored(question).answer == "Første svar."


def test_the_budget_office_approves_and_every_politician_reads_it(client, world, published):
    question = ask(world, published)
    do_save_answer(question, user=world.owner, text="24 pladser.", submit=True)
    response = post(
        client, world.budget_officer, "question_review", question, {"decision": "approve"}
    )
    assert response.status_code == 302
    question = stored(question)
    assert question.status == QuestionStatus.APPROVED
    assert (question.approved_by, question.public) == (world.budget_officer, False)
    event = Event.objects.get(verb="question_answered")
    told = set(Notification.objects.filter(event=event).values_list("user__username", flat=True))
    assert told == {"pia", "ole"}
    for user in (world.politician, world.reader, world.director):
        client.force_login(user)
        html = client.get(detail(question)).content.decode()
        assert "24 pladser." in html, user


def test_sending_back_needs_a_note(client, world, published):
    question = ask(world, published)
    do_save_answer(question, user=world.owner, text="24 pladser.", submit=True)
    response = post(
        client, world.budget_officer, "question_review", question, {"decision": "return"}
    )
    assert response.status_code == 422
    assert "Skriv, hvad der skal ændres, før svaret kan godkendes." in response.content.decode()
    assert stored(question).status == QuestionStatus.SUBMITTED


def test_sent_back_the_assignee_sees_the_note_and_can_change_the_answer(client, world, published):
    question = ask(world, published)
    do_save_answer(question, user=world.owner, text="24 pladser.", submit=True)
    post(
        client,
        world.budget_officer,
        "question_review",
        question,
        {"decision": "return", "note": "Skriv også, hvad det sparer."},
    )
    assert stored(question).status == QuestionStatus.ASKED
    client.force_login(world.owner)
    html = client.get(detail(question)).content.decode()
    assert "Økonomiafdelingen har sendt svaret tilbage" in html
    assert "Skriv også, hvad det sparer." in html
    response = post(
        client,
        world.owner,
        "question_answer",
        question,
        {"answer": "24 pladser; 20 mio. kr. om året.", "submit": "1"},
    )
    assert response.status_code == 302
    assert stored(question).status == QuestionStatus.SUBMITTED


def test_only_the_budget_office_approves(client, world, published):
    question = ask(world, published)
    do_save_answer(question, user=world.owner, text="24 pladser.", submit=True)
    response = post(client, world.owner, "question_review", question, {"decision": "approve"})
    assert response.status_code == 403
    assert stored(question).status == QuestionStatus.SUBMITTED


def test_an_approved_answer_cannot_be_answered_again(client, world, published):
    question = answered(world, published)
    for user in (world.owner, world.budget_officer):
        response = post(
            client, user, "question_answer", question, {"answer": "Et nyt svar.", "submit": "1"}
        )
        assert response.status_code == 409, user
        assert "Svaret er godkendt og kan ikke længere ændres." in response.content.decode()
    assert stored(question).answer == "24 pladser."


def test_approving_twice_is_refused(client, world, published):
    question = answered(world, published)
    response = post(
        client, world.budget_officer, "question_review", question, {"decision": "approve"}
    )
    assert response.status_code == 409
    assert "Svaret er allerede godkendt." in response.content.decode()


def test_an_answer_not_sent_for_approval_cannot_be_approved(world, published):
    from raaderum.questions.actions import QuestionRefused

    question = ask(world, published)
    with pytest.raises(QuestionRefused):
        do_approve_answer(question, user=world.budget_officer, public=False)


def test_the_budget_office_routes_to_someone_else_with_a_new_deadline(client, world, published):
    question = ask(world, published)
    response = post(
        client,
        world.budget_officer,
        "question_route",
        question,
        {"assignee": world.director.pk, "deadline": "2027-05-12"},
    )
    assert response.status_code == 302
    question = stored(question)
    assert (question.assignee, question.deadline) == (world.director, date(2027, 5, 12))
    event = Event.objects.get(verb="question_routed")
    assert event.text == (
        "Bente Testesen sendte budgetspørgsmål nr. 1 til Dorte Testesen med frist 12. maj 2027."
    )
    assert Notification.objects.filter(event=event, user=world.director).exists()
    client.force_login(world.owner)
    assert client.get(detail(question)).status_code == 403
    client.force_login(world.director)
    assert client.get(detail(question)).status_code == 200


def test_routing_to_a_politician_is_refused(client, world, published):
    question = ask(world, published)
    response = post(
        client,
        world.budget_officer,
        "question_route",
        question,
        {"assignee": world.politician.pk, "deadline": "2027-05-12"},
    )
    assert response.status_code == 422
    assert "Vælg en i administrationen, der kan skrive svar." in response.content.decode()
    assert stored(question).assignee == world.owner


def test_routing_to_nobody_leaves_it_with_the_budget_office(client, world, published):
    question = ask(world, published)
    post(
        client,
        world.budget_officer,
        "question_route",
        question,
        {"assignee": "", "deadline": "2027-05-12"},
    )
    assert stored(question).assignee is None


def test_only_the_budget_office_routes(client, world, published):
    question = ask(world, published)
    response = post(
        client,
        world.owner,
        "question_route",
        question,
        {"assignee": world.owner.pk, "deadline": "2030-01-01"},
    )
    assert response.status_code == 403
    assert stored(question).deadline != date(2030, 1, 1)


def test_the_budget_office_takes_an_answer_off_the_public_pages(client, world, published):
    question = answered(world, published, public=True)
    response = post(client, world.budget_officer, "question_publicity", question, {})
    assert response.status_code == 302
    assert stored(question).public is False
    assert Event.objects.filter(verb="question_public").count() == 1


def test_another_municipality_gets_404(client, world, published):
    question = ask(world, published)
    client.force_login(world.outsider)
    assert client.get(detail(question)).status_code == 404
    for name in ("question_answer", "question_review", "question_route", "question_publicity"):
        response = client.post(reverse(name, args=[question.public_id]), {"answer": "x"})
        assert response.status_code == 404, name
    assert stored(question).answer == ""
