"""do_record_event and the notifications it makes: who, in which language, now or in the digest."""

from django.core import mail
from django.urls import reverse
from django.utils import translation

from raaderum.communication.actions import do_add_comment, do_record_event
from raaderum.communication.models import Event, Notification, NotificationMode, NotificationSetting
from raaderum.test import create_proposal, create_user


def record(world, proposal, notify, **kwargs):
    return do_record_event(
        world.round,
        actor=world.budget_officer,
        verb="sign_off",
        text="Bente Testesen godkendte beregningen af BU-01.",
        proposal=proposal,
        notify=notify,
        **kwargs,
    )


def test_it_notifies_each_person_once_never_the_actor_nor_outsiders_nor_people_without_email(
    world, emails, django_capture_on_commit_callbacks
):
    proposal = create_proposal(world.round, world.children, world.owner)
    no_email = create_user("niels", world.municipality, "owner")
    with django_capture_on_commit_callbacks(execute=True):
        event = record(
            world,
            proposal,
            [world.owner, world.owner, world.director, world.budget_officer, None, world.outsider],
        )
        record(world, proposal, [no_email])
    assert sorted(n.user.username for n in Notification.objects.filter(event=event)) == [
        "dorte",
        "ole",
    ]
    assert not Notification.objects.filter(user=no_email).exists()
    assert sorted(message.to[0] for message in mail.outbox) == [emails["dorte"], emails["ole"]]
    assert not Notification.objects.unsent().exists()


def test_an_inactive_user_is_not_notified(world, emails):
    proposal = create_proposal(world.round, world.children, world.owner)
    world.owner.is_active = False
    world.owner.save(update_fields=["is_active"])
    record(world, proposal, [world.owner])
    assert not Notification.objects.exists()


def test_the_immediate_email_is_danish_with_the_absolute_link(
    world, emails, site_url, django_capture_on_commit_callbacks
):
    proposal = create_proposal(world.round, world.children, world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        record(world, proposal, [world.owner])
    [message] = mail.outbox
    assert message.to == [emails["ole"]]
    assert message.subject == "Bente Testesen godkendte beregningen af BU-01."
    assert message.body == (
        "Bente Testesen godkendte beregningen af BU-01.\n\n"
        "Forslag: BU-01 Færre vikarer\n"
        "Budgetrunde: Budget 2027–2030\n\n"
        f"Åbn i Råderum: {site_url}/proposals/{proposal.public_id}/\n\n"
        "-- \n"
        "Du får denne e-mail, fordi du deltager i en budgetrunde i Råderum. Vælg mellem en "
        "e-mail for hver besked og én samlet e-mail om dagen: "
        f"{site_url}/account/notifications/\n"
    )
    notification = Notification.objects.get()
    assert notification.sent_at is not None


def test_the_link_defaults_to_the_proposal_or_the_round(world, emails):
    proposal = create_proposal(world.round, world.children, world.owner)
    record(world, proposal, [world.owner])
    record(world, proposal, [world.owner], url="/somewhere/")
    do_record_event(world.round, actor=None, verb="plan", text="Ny plan.", notify=[world.owner])
    assert [n.url for n in Notification.objects.order_by("pk")] == [
        reverse("proposal_detail", args=[proposal.public_id]),
        "/somewhere/",
        reverse("round_detail", args=[world.round.public_id]),
    ]


def test_a_digest_user_gets_nothing_until_the_digest(
    world, emails, django_capture_on_commit_callbacks
):
    proposal = create_proposal(world.round, world.children, world.owner)
    NotificationSetting.objects.create(user=world.director, mode=NotificationMode.DAILY_DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        record(world, proposal, [world.owner, world.director])
    assert [message.to for message in mail.outbox] == [[emails["ole"]]]
    waiting = Notification.objects.unsent().get()
    assert waiting.user == world.director


def test_no_email_leaves_before_the_transaction_commits(world, emails):
    # The test's transaction never commits, so the on_commit callback never runs.
    proposal = create_proposal(world.round, world.children, world.owner)
    record(world, proposal, [world.owner])
    assert mail.outbox == []
    assert Notification.objects.unsent().count() == 1


def test_a_failed_email_stays_unsent_and_does_not_break_the_request(
    world, emails, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(self, fail_silently=False):
        raise ConnectionRefusedError("SMTP is down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    proposal = create_proposal(world.round, world.children, world.owner)
    with django_capture_on_commit_callbacks(execute=True):
        event = record(world, proposal, [world.owner])
    assert Event.objects.filter(pk=event.pk).exists()
    assert Notification.objects.unsent().count() == 1


def test_emails_about_comments_are_danish_even_when_the_author_reads_english(
    world, emails, django_capture_on_commit_callbacks
):
    proposal = create_proposal(world.round, world.children, world.owner)
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        do_add_comment(proposal, author=world.director, text="Looks fine.")
    [message] = mail.outbox
    assert message.subject == "Dorte Testesen har kommenteret BU-01 Færre vikarer"
    assert "Åbn i Råderum:" in message.body and "Forslag: BU-01 Færre vikarer" in message.body
    # The feed is shared by everyone: Danish too, whatever the author reads.
    assert Event.objects.get().text == "Dorte Testesen kommenterede BU-01: “Looks fine.”"


def test_a_long_comment_is_shortened_in_the_feed_but_whole_in_the_email(
    world, emails, django_capture_on_commit_callbacks
):
    proposal = create_proposal(world.round, world.children, world.owner)
    text = "Ordet " * 100
    with django_capture_on_commit_callbacks(execute=True):
        do_add_comment(proposal, author=world.director, text=text)
    event_text = Event.objects.get().text
    assert len(event_text) < 200 and event_text.endswith("…”")
    assert text in mail.outbox[0].body


def test_news_of_a_proposal_goes_only_to_those_who_may_see_the_catalog(world, emails):
    """Readers may see the internal catalog; politicians see only published catalogs."""
    proposal = create_proposal(world.round, world.children, world.owner)
    event = record(world, proposal, [world.politician, world.reader, world.owner])
    notified = sorted(n.user.username for n in Notification.objects.filter(event=event))
    assert notified == ["lise", "ole"]


def test_news_without_a_proposal_may_go_to_politicians(world, emails):
    event = do_record_event(
        world.round, actor=world.budget_officer, verb="phase", text="x", notify=[world.politician]
    )
    assert [n.user for n in Notification.objects.filter(event=event)] == [world.politician]


def test_a_demoted_owner_is_not_told_about_the_proposal(world, emails):
    from raaderum.organisation.models import Membership

    proposal = create_proposal(world.round, world.children, world.owner)
    Membership.objects.filter(user=world.owner).update(role="politician")
    record(world, proposal, [world.owner])
    assert not Notification.objects.exists()
