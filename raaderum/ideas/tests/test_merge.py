"""Merging: what the submitter of the duplicate is told and shown, and the race with another
screener."""

import re

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raaderum.communication.models import Event, Notification
from raaderum.ideas import views
from raaderum.ideas.actions import do_merge_idea, do_pass_idea, do_reject_idea
from raaderum.ideas.models import Idea, IdeaStatus
from raaderum.ideas.tests.helpers import create_idea
from raaderum.proposals.models import Origin, ProposalType


def _party_proposal_merged_into_a_draft(world):
    target = create_idea(world.round, world.owner, title="Lukning af Hemmelig Skole")
    proposal = do_pass_idea(
        target,
        type=ProposalType.SAVING,
        committee=world.children,
        owner=world.owner,
        director=None,
        user=world.budget_officer,
    )
    party = create_idea(
        world.round,
        world.politician,
        title="Partiets skoleforslag",
        origin=Origin.PARTY,
        party_name="Venstre",
    )
    do_merge_idea(party, into=target, user=world.budget_officer)
    return party, proposal


def test_the_submitter_is_not_told_about_the_draft_proposal(
    open_world, django_capture_on_commit_callbacks, mailoutbox
):
    world = open_world
    world.politician.email = "pia@example.dk"
    world.politician.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        party, proposal = _party_proposal_merged_into_a_draft(world)
    event = Event.objects.get(verb="idea_merged")
    assert event.proposal is None
    notification = Notification.objects.get(user=world.politician, event=event)
    told = f"{notification.subject} {notification.body} {notification.url}"
    mails = [m for m in mailoutbox if world.politician.email in m.to]
    assert mails
    told += " ".join(f"{m.subject} {m.body}" for m in mails)
    assert "Partiets skoleforslag" in told and "lagt sammen med en anden idé" in told
    for secret in (proposal.code, proposal.title, str(proposal.public_id)):
        assert secret not in told
    assert notification.url == reverse("idea_detail", args=[party.public_id])


def test_a_non_screener_sees_only_that_it_was_merged(client, open_world):
    world = open_world
    party, _proposal = _party_proposal_merged_into_a_draft(world)
    client.force_login(world.politician)
    for page in (
        reverse("my_ideas", args=[world.round.public_id]),
        reverse("idea_detail", args=[party.public_id]),
    ):
        html = client.get(page).content.decode()
        assert "Lagt sammen med en anden idé." in html or (
            "Idéen er lagt sammen med en anden idé." in html
        ), page
        assert "Hemmelig Skole" not in html, page


def test_a_screener_still_sees_which_idea(client, open_world):
    world = open_world
    party, _proposal = _party_proposal_merged_into_a_draft(world)
    client.force_login(world.budget_officer)
    html = client.get(reverse("idea_detail", args=[party.public_id])).content.decode()
    assert "Lukning af Hemmelig Skole" in html


def test_a_target_screened_after_the_form_check_answers_409(client, open_world, monkeypatch):
    world = open_world
    target = create_idea(world.round, world.owner, title="Mål")
    duplicate = create_idea(world.round, world.owner, title="Dublet")
    real = views.do_merge_idea

    def someone_else_rejects_first(idea, *, into, user):
        do_reject_idea(Idea.objects.get(pk=into.pk), reason="Nej.", user=world.director)
        return real(idea, into=into, user=user)

    monkeypatch.setattr(views, "do_merge_idea", someone_else_rejects_first)
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("idea_detail", args=[duplicate.public_id]),
        {"decision": "merge", "merge-into": str(target.pk)},
    )
    assert response.status_code == 409
    assert "Den anden idé er netop blevet behandlet; prøv igen." in response.content.decode()
    duplicate.refresh_from_db()
    assert duplicate.status == IdeaStatus.NEW and duplicate.merged_into is None


def _locked_ids(queries):
    pattern = re.compile(r'FROM "ideas_idea".*WHERE "ideas_idea"\."id" = (\d+)', re.S)
    ids = []
    for query in queries:
        match = pattern.search(query["sql"])
        if match:
            ids.append(int(match.group(1)))
    return ids


def test_both_ideas_are_locked_in_primary_key_order(open_world):
    world = open_world
    low = create_idea(world.round, world.owner, title="Først")
    high = create_idea(world.round, world.owner, title="Sidst")
    with CaptureQueriesContext(connection) as queries:
        do_merge_idea(high, into=low, user=world.budget_officer)
    assert _locked_ids(queries.captured_queries)[:2] == [low.pk, high.pk]
    assert mail.outbox == []  # nothing for the submitter here: not committed in the test
