"""The round's list: who sees which questions, the filter, and a fixed number of queries."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from raaderum.questions.tests.helpers import answered, ask

pytestmark = pytest.mark.django_db


def url(world, query=""):
    return reverse("question_list", args=[world.round.public_id]) + query


def numbers(response):
    return [q.number for q in response.context["questions"]]


def test_politicians_and_the_budget_office_see_every_question(client, world, published):
    answered(world, published)
    ask(world, published, text="Et åbent spørgsmål")
    for user in (world.politician, world.budget_officer):
        client.force_login(user)
        assert numbers(client.get(url(world))) == [1, 2]


def test_the_rest_of_the_administration_sees_answered_and_their_own(client, world, published):
    answered(world, published)
    ask(world, published, text="Til ejeren")
    ask(world, None, text="Til økonomiafdelingen")
    client.force_login(world.owner)
    assert numbers(client.get(url(world))) == [1, 2]
    client.force_login(world.reader)
    assert numbers(client.get(url(world))) == [1]


def test_the_page_shows_number_subject_asker_and_status_in_danish(client, world, published):
    ask(world, published, text="Hvor mange pladser lukker?")
    client.force_login(world.politician)
    html = client.get(url(world)).content.decode()
    assert "Budgetspørgsmål – Budget 2027–2030" in html
    assert "Hvor mange pladser lukker?" in html and "SU-01" in html
    assert "Pia Testesen" in html and "Ole Testesen" in html and "Afventer svar" in html
    assert "Stil et spørgsmål" in html


def test_the_overdue_filter(client, world, published):
    with time_machine.travel(datetime(2027, 3, 1, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        ask(world, published)  # deadline 8 March
    with time_machine.travel(datetime(2027, 3, 9, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        ask(world, published)  # deadline 16 March
        client.force_login(world.budget_officer)
        response = client.get(url(world, "?status=overdue"))
        assert numbers(response) == [1]
        assert "overskredet" in response.content.decode()
        assert numbers(client.get(url(world, "?status=nonsense"))) == [1, 2]


def test_the_number_of_queries_does_not_grow_with_the_questions(
    client, world, published, django_assert_max_num_queries
):
    ask(world, published)
    client.force_login(world.budget_officer)
    client.get(url(world))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url(world))
    for _ in range(5):
        answered(world, published)
        ask(world, None)
    with django_assert_max_num_queries(len(few)):
        client.get(url(world))
