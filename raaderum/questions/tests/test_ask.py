"""Asking: the running number, routing to the owner, the deadline in working days, refusals."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.urls import reverse

from raaderum.communication.models import Event, Notification
from raaderum.organisation.models import Membership
from raaderum.questions import actions
from raaderum.questions.actions import QuestionRefused, do_ask_question, do_save_question_settings
from raaderum.questions.models import Question, QuestionStatus
from raaderum.questions.tests.helpers import ask
from raaderum.test import create_round

pytestmark = pytest.mark.django_db

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# The Wednesday before Easter 2027: Thursday, Friday and Monday are public holidays.
BEFORE_EASTER = datetime(2027, 3, 24, 10, 0, tzinfo=COPENHAGEN)


def test_a_question_about_a_proposal_goes_to_its_owner_with_a_deadline_in_working_days(
    world, published
):
    with time_machine.travel(BEFORE_EASTER, tick=False):
        question = ask(world, published)
    assert question.number == 1
    assert question.assignee == world.owner
    assert question.proposal == published.proposal
    assert question.status == QuestionStatus.ASKED
    # 5 working days: 30 and 31 March, 1, 2 and 5 April (25, 26 and 29 March are holidays).
    assert question.deadline == date(2027, 4, 5)


def test_a_question_about_the_round_goes_to_the_budget_office(world, catalog):
    question = ask(world, None)
    assert question.assignee is None
    assert question.proposal is None and question.published_proposal is None


def test_numbers_run_per_round_without_gaps(world, published):
    assert [ask(world, published).number for _ in range(3)] == [1, 2, 3]
    other = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    assert do_ask_question(other, user=world.politician, text="Og her?").number == 1


def test_a_clash_on_the_number_is_retried_and_leaves_no_gap(world, published, monkeypatch):
    ask(world, published)
    real = actions.next_question_number
    calls = []

    def stale_then_real(budget_round):
        calls.append(1)
        # The first attempt reads the number as another request saw it a moment ago.
        return 1 if len(calls) == 1 else real(budget_round)

    monkeypatch.setattr(actions, "next_question_number", stale_then_real)
    question = ask(world, published)
    assert question.number == 2
    assert len(calls) == 2
    assert list(Question.objects.values_list("number", flat=True)) == [1, 2]
    # The failed attempt stored nothing, not even its event.
    assert Event.objects.filter(verb="question_asked").count() == 2


def test_it_gives_up_after_three_clashes(world, published, monkeypatch):
    ask(world, published)
    monkeypatch.setattr(actions, "next_question_number", lambda budget_round: 1)
    with pytest.raises(IntegrityError):
        ask(world, published)
    assert Question.objects.count() == 1


def test_the_number_is_taken_under_a_lock_on_the_round(world, published, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        ask(world, published)
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, s in enumerate(sql) if 'FROM "rounds_budgetround"' in s)
    insert = next(i for i, s in enumerate(sql) if s.startswith('INSERT INTO "questions_question"'))
    assert lock < insert
    if connection.vendor == "postgresql":
        assert "FOR UPDATE" in sql[lock]


def test_the_budget_office_sets_the_working_days_per_round(world, published):
    do_save_question_settings(world.round, user=world.budget_officer, working_days=2)
    with time_machine.travel(BEFORE_EASTER, tick=False):
        assert ask(world, published).deadline == date(2027, 3, 31)


def test_an_owner_who_left_the_municipality_is_not_asked(world, published):
    Membership.objects.filter(user=world.owner).delete()
    assert ask(world, published).assignee is None


def test_the_owner_and_the_budget_office_are_told(world, published, mailoutbox):
    question = ask(world, published)
    event = Event.objects.get(verb="question_asked")
    assert event.text == (
        f"Pia Testesen stillede budgetspørgsmål nr. 1 om SU-01 Lukning af plejecenter. "
        f"Ole Testesen svarer senest {_danish(question.deadline)}."
    )
    told = set(Notification.objects.filter(event=event).values_list("user__username", flat=True))
    assert told == {"ole", "bente"}
    assert Notification.objects.get(user=world.owner).url == reverse(
        "question_detail", args=[question.public_id]
    )


def _danish(day):
    months = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
              "september", "oktober", "november", "december"]  # fmt: skip
    return f"{day.day}. {months[day.month - 1]} {day.year}"


def test_only_politicians_ask(world, published):
    with pytest.raises(PermissionDenied):
        do_ask_question(world.round, user=world.owner, text="Må jeg?", published=published)
    assert not Question.objects.exists()


def test_a_proposal_of_another_round_is_refused(world, published):
    other = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    with pytest.raises(QuestionRefused):
        do_ask_question(other, user=world.politician, text="Hvad?", published=published)
    assert not Question.objects.exists()


# The page


def url(world):
    return reverse("question_ask", args=[world.round.public_id])


def test_the_form_offers_the_latest_version_and_the_round(client, world, published):
    client.force_login(world.politician)
    html = client.get(url(world)).content.decode()
    assert "Runden generelt" in html
    assert "SU-01 Lukning af plejecenter" in html and "BU-01 Større klasser" in html


def test_the_proposal_can_be_chosen_from_its_page(client, world, published):
    client.force_login(world.politician)
    response = client.get(url(world) + "?version=1&code=SU-01")
    assert response.context["form"].initial["proposal"] == published


def test_asking_shows_the_number_and_the_deadline(client, world, published):
    with time_machine.travel(BEFORE_EASTER, tick=False):
        client.force_login(world.politician)  # inside: the session would be expired by then
        response = client.post(
            url(world),
            {"version": "1", "proposal": published.pk, "text": "Hvor mange pladser lukker?"},
            follow=True,
        )
    question = Question.objects.get()
    assert response.redirect_chain == [(reverse("question_detail", args=[question.public_id]), 302)]
    html = response.content.decode()
    assert (
        "Dit spørgsmål har nummer 1. Ole Testesen svarer senest 5. april 2027; du får besked, "
        "når svaret er godkendt." in html
    )


def test_a_question_without_text_is_refused_and_nothing_is_stored(client, world, published):
    client.force_login(world.politician)
    response = client.post(url(world), {"version": "1", "proposal": published.pk, "text": "  "})
    assert response.status_code == 422
    assert "Skriv spørgsmålet." in response.content.decode()
    assert not Question.objects.exists()
    assert not Event.objects.filter(verb__startswith="question").exists()


def test_a_proposal_not_in_the_version_is_refused(client, world, catalog):
    other = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    client.force_login(world.politician)
    response = client.post(
        reverse("question_ask", args=[other.public_id]),
        {"proposal": catalog.version.proposals.first().pk, "text": "Hvad?"},
    )
    assert response.status_code == 422
    assert "Vælg et forslag fra det offentliggjorte katalog." in response.content.decode()
    assert not Question.objects.exists()


def test_an_over_long_question_is_refused(client, world, published):
    client.force_login(world.politician)
    response = client.post(url(world), {"version": "1", "text": "x" * 5001})
    assert response.status_code == 422
    assert "Skriv højst 5.000 tegn." in response.content.decode()
    assert not Question.objects.exists()


def test_the_administration_cannot_ask(client, world, published):
    client.force_login(world.owner)
    assert client.post(url(world), {"text": "Hvad?"}).status_code == 403
    assert not Question.objects.exists()


def test_another_municipality_gets_404(client, world, published):
    client.force_login(world.outsider)
    assert client.post(url(world), {"text": "Hvad?"}).status_code == 404
    assert not Question.objects.exists()
