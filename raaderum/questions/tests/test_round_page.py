"""The round page: links for every role, overdue questions on the administration's dashboard."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from raaderum.questions.tests.helpers import ask

pytestmark = pytest.mark.django_db


def test_politicians_get_the_links_to_ask_and_read(client, world, published):
    ask(world, published)
    client.force_login(world.politician)
    html = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert "1 spørgsmål i runden." in html
    assert "Stil et budgetspørgsmål" in html and "Alle budgetspørgsmål og svar" in html


def test_overdue_questions_show_on_the_dashboard(client, world, published):
    with time_machine.travel(datetime(2027, 3, 1, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        ask(world, published)
        ask(world, None)
    with time_machine.travel(datetime(2027, 3, 9, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        url = reverse("round_detail", args=[world.round.public_id])
        client.force_login(world.budget_officer)
        response = client.get(url)
        assert [q.number for q in response.context["dashboard"].overdue_questions] == [1, 2]
        html = response.content.decode()
        assert "Budgetspørgsmål, der har overskredet fristen" in html
        # The owner sees the one assigned to them, the reader none of them.
        client.force_login(world.owner)
        response = client.get(url)
        assert [q.number for q in response.context["dashboard"].overdue_questions] == [1]
        assert "1 venter på dit svar." in response.content.decode()
        client.force_login(world.reader)
        assert client.get(url).context["dashboard"].overdue_questions == []
