"""Ideas awaiting screening: on the dashboard of those who screen, and in the daily reminders."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from raaderum.communication.models import Notification
from raaderum.ideas.models import IdeaStatus
from raaderum.ideas.tests.helpers import create_idea
from raaderum.rounds.models import Phase, PhaseKind

MARCH_1 = datetime(2027, 3, 1, 7, 0, tzinfo=UTC)
MARCH_10 = datetime(2027, 3, 10, 7, 0, tzinfo=UTC)


@pytest.fixture
def emails(world):
    for user in world.personas().values():
        user.email = f"{user.username}@example.dk"
        user.save(update_fields=["email"])


def screening_deadline(world, deadline=date(2027, 3, 5)):
    Phase.objects.create(
        round=world.round, kind=PhaseKind.SCREENING, starts_on=date(2027, 2, 1), deadline=deadline
    )


def three_ideas_one_screened(world):
    for title in ("Fælles indkøb", "Færre biler", "Solceller på skolerne"):
        create_idea(world.round, world.owner, title=title)
    world.round.ideas.filter(title="Færre biler").update(status=IdeaStatus.REJECTED)


def dashboard(client, user, world):
    client.force_login(user)
    return client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()


def test_the_budget_office_sees_the_ideas_waiting_and_the_deadline(client, world):
    screening_deadline(world)
    three_ideas_one_screened(world)
    with time_machine.travel(MARCH_1, tick=False):
        html = dashboard(client, world.budget_officer, world)
    assert "Screen 2 idéer, der afventer screening" in html
    assert "frist 5. marts 2027" in html
    assert f"{reverse('idea_list', args=[world.round.public_id])}?status=new" in html
    assert "afventer stadig screening" not in html  # not overdue yet
    assert "Ingen frister er overskredet." in html


def test_past_the_deadline_the_waiting_ideas_are_overdue(client, world):
    screening_deadline(world)
    three_ideas_one_screened(world)
    with time_machine.travel(MARCH_10, tick=False):
        html = dashboard(client, world.director, world)  # directors screen too
    assert "2 idéer afventer stadig screening; fristen var 5. marts 2027." in html
    assert "Ingen frister er overskredet." not in html


def test_those_who_do_not_screen_see_no_ideas_to_screen(client, world):
    screening_deadline(world)
    three_ideas_one_screened(world)
    with time_machine.travel(MARCH_10, tick=False):
        html = dashboard(client, world.owner, world)
    assert "afventer" not in html


def test_the_budget_office_is_reminded_once_a_day_near_and_past_the_deadline(world, emails):
    screening_deadline(world)
    three_ideas_one_screened(world)
    with time_machine.travel(datetime(2027, 2, 20, 7, 0, tzinfo=UTC), tick=False):
        call_command("send_reminders", "--days", "3", verbosity=0)
    assert not Notification.objects.filter(subject__contains="screening").exists()
    with time_machine.travel(MARCH_10, tick=False):
        call_command("send_reminders", "--days", "3", verbosity=0)
        call_command("send_reminders", "--days", "3", verbosity=0)  # the same day: once
    [reminder] = Notification.objects.filter(subject__contains="screening")
    assert reminder.user == world.budget_officer
    assert reminder.subject == "Påmindelse: 2 idéer afventer screening i Budget 2027–2030"
    assert reminder.body.startswith("Fristen for screening var 5. marts 2027.")
    assert reminder.url.endswith("/ideas/?status=new")


def test_no_reminder_when_every_idea_is_screened(world, emails):
    screening_deadline(world)
    create_idea(world.round, world.owner)
    world.round.ideas.update(status=IdeaStatus.PASSED)
    with time_machine.travel(MARCH_10, tick=False):
        call_command("send_reminders", verbosity=0)
    assert not Notification.objects.filter(subject__contains="screening").exists()
