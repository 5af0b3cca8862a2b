from datetime import UTC, datetime, timedelta

import time_machine
from django.core import mail
from django.core.management import call_command

from raaderum.communication.actions import do_record_event
from raaderum.communication.models import Notification, NotificationMode, NotificationSetting
from raaderum.test import create_proposal

MORNING = datetime(2027, 3, 1, 5, 0, tzinfo=UTC)


def wants_digest(*users):
    for user in users:
        NotificationSetting.objects.create(user=user, mode=NotificationMode.DAILY_DIGEST)


def event(world, text, notify, proposal=None):
    do_record_event(
        world.round,
        actor=world.budget_officer,
        verb="x",
        text=text,
        proposal=proposal,
        notify=notify,
    )


def test_one_email_per_digest_user_with_everything_unsent(world, emails, site_url):
    proposal = create_proposal(world.round, world.children, world.owner)
    wants_digest(world.owner, world.director)
    with time_machine.travel(MORNING - timedelta(hours=20), tick=False):
        event(world, "Bente Testesen sendte BU-01 tilbage.", [world.owner], proposal)
    with time_machine.travel(MORNING - timedelta(hours=2), tick=False):
        event(world, "Ny procesplan.", [world.owner, world.director])
    with time_machine.travel(MORNING, tick=False):
        call_command("send_digests", verbosity=0)
    assert sorted(message.to[0] for message in mail.outbox) == [emails["dorte"], emails["ole"]]
    [to_owner] = [m for m in mail.outbox if m.to == [emails["ole"]]]
    assert to_owner.subject == "Råderum: 2 nye beskeder"
    body = to_owner.body
    assert body.startswith("Her er, hvad der er sket i Råderum siden sidste e-mail:")
    assert "28. februar 2027 10:00\nBente Testesen sendte BU-01 tilbage." in body
    assert f"{site_url}/proposals/{proposal.public_id}/" in body
    assert body.index("sendte BU-01 tilbage") < body.index("Ny procesplan.")
    assert f"{site_url}/account/notifications/" in body
    [to_director] = [m for m in mail.outbox if m.to == [emails["dorte"]]]
    assert to_director.subject == "Råderum: 1 ny besked"
    assert not Notification.objects.unsent().exists()
    assert set(Notification.objects.values_list("sent_at", flat=True)) == {MORNING}


def test_running_it_twice_sends_nothing_the_second_time(world, emails):
    wants_digest(world.owner)
    event(world, "Ny procesplan.", [world.owner])
    call_command("send_digests", verbosity=0)
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1


def test_it_leaves_fresh_immediate_notifications_to_the_immediate_email(world, emails):
    # Not committed in a test, so the immediate e-mail has not gone yet: not the digest's job.
    event(world, "Ny procesplan.", [world.owner])
    call_command("send_digests", verbosity=0)
    assert mail.outbox == []
    assert Notification.objects.unsent().count() == 1


def test_it_retries_an_immediate_notification_whose_email_failed(world, emails):
    with time_machine.travel(MORNING - timedelta(hours=3), tick=False):
        event(world, "Ny procesplan.", [world.owner])  # its e-mail never left
    with time_machine.travel(MORNING, tick=False):
        call_command("send_digests", verbosity=0)
    [message] = mail.outbox
    assert message.to == [emails["ole"]] and "Ny procesplan." in message.body
    assert not Notification.objects.unsent().exists()


def test_a_failed_digest_stays_unsent_for_the_next_run(world, emails, monkeypatch):
    wants_digest(world.owner)
    event(world, "Ny procesplan.", [world.owner])

    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("SMTP is down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    call_command("send_digests", verbosity=0)
    assert Notification.objects.unsent().count() == 1
    monkeypatch.undo()
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1 and not Notification.objects.unsent().exists()


def test_it_says_how_many_it_sent(world, emails, capsys):
    wants_digest(world.owner)
    event(world, "Ny procesplan.", [world.owner])
    call_command("send_digests")
    assert capsys.readouterr().out == "1 digest e-mail(s) sent.\n"
