from datetime import UTC, date, datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command

from raaderum.communication.models import (
    Notification,
    NotificationMode,
    NotificationSetting,
    Reminder,
)
from raaderum.proposals.models import ProposalStatus
from raaderum.rounds.models import Phase, PhaseKind
from raaderum.test import create_proposal

# 1 March 2027, morning in Copenhagen.
MARCH_1 = datetime(2027, 3, 1, 7, 0, tzinfo=UTC)
MARCH_2 = datetime(2027, 3, 2, 7, 0, tzinfo=UTC)
MARCH_3 = datetime(2027, 3, 3, 7, 0, tzinfo=UTC)


def with_status(proposal, status):
    proposal.status = status
    proposal.save(update_fields=["status"])
    return proposal


@pytest.fixture
def plan(world, emails):
    """Drafting due 3 March, quality check due 20 March, the catalog overdue since 26 February.

    BU-01 draft (owner submits), BU-02 submitted (budget office signs off), BU-03 signed off and
    cross-cutting (its director approves), SU-01 signed off (budget office adds it to the
    catalog), SU-02 withdrawn (nobody).
    """
    for kind, starts, deadline in [
        (PhaseKind.DRAFTING, date(2027, 2, 1), date(2027, 3, 3)),
        (PhaseKind.QUALITY_CHECK, date(2027, 3, 4), date(2027, 3, 20)),
        (PhaseKind.CATALOG, date(2027, 2, 1), date(2027, 2, 26)),
    ]:
        Phase.objects.create(round=world.round, kind=kind, starts_on=starts, deadline=deadline)
    draft = create_proposal(
        world.round, world.children, world.owner, contributors=[world.contributor]
    )
    submitted = with_status(
        create_proposal(world.round, world.children, world.owner, title="Mindre rengøring"),
        ProposalStatus.SUBMITTED,
    )
    cross_cutting = with_status(
        create_proposal(
            world.round,
            world.children,
            world.owner,
            title="Skoleboden",
            director=world.director,
            effects={(world.schools, 2027): -100_000, (world.elderly, 2027): -50_000},
        ),
        ProposalStatus.SIGNED_OFF,
    )
    signed_off = with_status(
        create_proposal(
            world.round,
            world.social,
            world.owner,
            title="Hjemmepleje",
            effects={(world.elderly, 2027): -80_000},
        ),
        ProposalStatus.SIGNED_OFF,
    )
    with_status(
        create_proposal(world.round, world.social, world.owner, title="Opgivet"),
        ProposalStatus.WITHDRAWN,
    )
    return {"BU-01": draft, "BU-02": submitted, "BU-03": cross_cutting, "SU-01": signed_off}


def remind(*args):
    call_command("send_reminders", *args, verbosity=0)


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_it_reminds_each_person_of_their_own_due_and_overdue_steps(
    world, plan, emails, site_url, django_capture_on_commit_callbacks
):
    with time_machine.travel(MARCH_1, tick=False), django_capture_on_commit_callbacks(execute=True):
        remind()
    messages = by_recipient()
    # The contributor, politician, reader and the other municipality get nothing.
    assert set(messages) == {emails["ole"], emails["dorte"], emails["bente"]}
    owner = messages[emails["ole"]]
    assert owner.subject == "Påmindelse: 1 opgave i Budget 2027–2030"
    assert owner.body.startswith(
        "Hej Ole\n\n"
        "Du har disse opgaver i Budget 2027–2030:\n\n"
        "- Send BU-01 Færre vikarer til kvalitetstjek senest 3. marts 2027.\n"
        f"  {site_url}/proposals/{plan['BU-01'].public_id}/\n\n"
    )
    assert "BU-02" not in owner.body  # the budget office signs that off
    director = messages[emails["dorte"]]
    assert (
        "- Godkend BU-03 Skoleboden til kataloget. Fristen var 26. februar 2027." in director.body
    )
    office = messages[emails["bente"]]
    assert "- Sæt SU-01 Hjemmepleje i kataloget. Fristen var 26. februar 2027." in office.body
    assert "BU-02" not in office.body  # due 20 March: more than 3 days away
    assert Reminder.objects.count() == 3
    assert not Notification.objects.unsent().exists()


def test_running_twice_the_same_day_reminds_nobody_again(
    world, plan, django_capture_on_commit_callbacks
):
    with time_machine.travel(MARCH_1, tick=False), django_capture_on_commit_callbacks(execute=True):
        remind()
        remind()
    assert len(mail.outbox) == 3
    assert Notification.objects.count() == 3 and Reminder.objects.count() == 3


def test_the_next_day_brings_the_next_reminder(world, plan, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with time_machine.travel(MARCH_1, tick=False):
            remind()
        with time_machine.travel(MARCH_2, tick=False):
            remind()
    assert len(mail.outbox) == 6
    assert sorted(set(Reminder.objects.values_list("day", flat=True))) == [
        date(2027, 3, 1),
        date(2027, 3, 2),
    ]


def test_more_days_ahead_gathers_several_steps_in_one_email(
    world, plan, emails, django_capture_on_commit_callbacks
):
    with time_machine.travel(MARCH_1, tick=False), django_capture_on_commit_callbacks(execute=True):
        remind("--days", "20")
    office = by_recipient()[emails["bente"]]
    assert office.subject == "Påmindelse: 2 opgaver i Budget 2027–2030"
    overdue = office.body.index("Sæt SU-01 Hjemmepleje i kataloget. Fristen var 26. februar 2027.")
    due = office.body.index("Godkend beregningen af BU-02 Mindre rengøring senest 20. marts 2027.")
    assert overdue < due  # earliest deadline first


def test_a_deadline_today_says_today(world, plan, emails, django_capture_on_commit_callbacks):
    with time_machine.travel(MARCH_3, tick=False), django_capture_on_commit_callbacks(execute=True):
        remind("--days", "0")
    owner = by_recipient()[emails["ole"]]
    assert "- Send BU-01 Færre vikarer til kvalitetstjek i dag, 3. marts 2027." in owner.body


def test_a_digest_user_gets_the_reminder_in_the_digest(
    world, plan, emails, django_capture_on_commit_callbacks
):
    NotificationSetting.objects.create(user=world.director, mode=NotificationMode.DAILY_DIGEST)
    with time_machine.travel(MARCH_1, tick=False), django_capture_on_commit_callbacks(execute=True):
        remind()
        assert emails["dorte"] not in by_recipient()
        call_command("send_digests", verbosity=0)
    digest = by_recipient()[emails["dorte"]]
    assert digest.subject == "Råderum: 1 ny besked"
    assert "Godkend BU-03 Skoleboden til kataloget." in digest.body


def test_nobody_is_reminded_after_the_catalog_has_gone_to_the_politicians(world, plan):
    world.round.current_phase = PhaseKind.NEGOTIATION
    world.round.save(update_fields=["current_phase"])
    with time_machine.travel(MARCH_1, tick=False):
        remind()
    assert not Notification.objects.exists() and not Reminder.objects.exists()


def test_a_round_without_a_process_plan_reminds_nobody(world, emails):
    create_proposal(world.round, world.children, world.owner)
    with time_machine.travel(MARCH_1, tick=False):
        remind()
    assert not Notification.objects.exists()


def test_people_without_an_email_address_are_skipped(world, plan):
    world.owner.email = ""
    world.owner.save(update_fields=["email"])
    with time_machine.travel(MARCH_1, tick=False):
        remind()
    assert sorted(Notification.objects.values_list("user__username", flat=True)) == [
        "bente",
        "dorte",
    ]


def test_each_municipality_is_reminded_of_its_own_round(world, plan, emails):
    Phase.objects.create(
        round=world.other_round,
        kind=PhaseKind.DRAFTING,
        starts_on=date(2027, 2, 1),
        deadline=date(2027, 3, 2),
    )
    create_proposal(
        world.other_round, world.other_area.committee, world.outsider, title="Syddjurs-forslag"
    )
    with time_machine.travel(MARCH_1, tick=False):
        remind()
    outsider = Notification.objects.get(user=world.outsider)
    assert "Syddjurs-forslag" in outsider.body and "Færre vikarer" not in outsider.body
    assert not Notification.objects.filter(
        user__in=[world.owner, world.budget_officer], body__contains="Syddjurs"
    ).exists()


def test_it_refuses_negative_days(world):
    with pytest.raises(CommandError, match="--days must be 0 or more"):
        remind("--days", "-1")
