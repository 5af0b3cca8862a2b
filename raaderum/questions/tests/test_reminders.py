"""Reminders of budget questions, through the daily `send_reminders` command."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from raaderum.communication.models import Notification
from raaderum.questions.actions import do_save_answer, do_send_question_reminders
from raaderum.questions.tests.helpers import answered, ask

pytestmark = pytest.mark.django_db

MONDAY = datetime(2027, 3, 1, 9, tzinfo=ZoneInfo("Europe/Copenhagen"))  # deadline 8 March


@pytest.fixture
def questions(world, published):
    with time_machine.travel(MONDAY, tick=False):
        waiting = ask(world, published, text="Til ejeren")
        submitted = ask(world, published, text="Til godkendelse")
        do_save_answer(submitted, user=world.owner, text="Svar", submit=True)
        general = ask(world, None, text="Til økonomiafdelingen")
        done = answered(world, published)
    Notification.objects.all().delete()
    return waiting, submitted, general, done


def test_nobody_is_reminded_long_before_the_deadline(world, questions):
    assert do_send_question_reminders(date(2027, 3, 2), days=3) == 0


def test_the_assignee_is_reminded_to_answer_and_the_budget_office_to_approve(world, questions):
    assert do_send_question_reminders(date(2027, 3, 9), days=3) == 2
    owner = Notification.objects.get(user=world.owner)
    assert owner.subject == "Påmindelse: 1 budgetspørgsmål i Budget 2027–2030"
    assert "Besvar spørgsmål nr. 1 (SU-01 Lukning af plejecenter). Fristen var 8. marts 2027." in (
        owner.body
    )
    office = Notification.objects.get(user=world.budget_officer)
    assert office.subject == "Påmindelse: 2 budgetspørgsmål i Budget 2027–2030"
    assert "Godkend svaret på spørgsmål nr. 2" in office.body
    assert "Besvar spørgsmål nr. 3 (Runden generelt)" in office.body
    assert "nr. 4" not in office.body + owner.body  # answered


def test_a_deadline_today_says_today(world, questions):
    do_send_question_reminders(date(2027, 3, 8), days=0)
    owner = Notification.objects.get(user=world.owner)
    assert "Besvar spørgsmål nr. 1 (SU-01 Lukning af plejecenter) i dag, 8. marts 2027." in (
        owner.body
    )


def test_the_command_reminds_once_a_day(world, questions):
    with time_machine.travel(datetime(2027, 3, 9, 6, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        call_command("send_reminders", stdout=StringIO())
        call_command("send_reminders", stdout=StringIO())
    assert Notification.objects.count() == 2
    with time_machine.travel(datetime(2027, 3, 10, 6, tzinfo=ZoneInfo("Europe/Copenhagen"))):
        call_command("send_reminders", stdout=StringIO())
    assert Notification.objects.count() == 4
