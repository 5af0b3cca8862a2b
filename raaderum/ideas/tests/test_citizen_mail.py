"""A citizen who gave an e-mail address hears how their idea was screened, in Danish."""

from django.conf import settings

from raaderum.ideas.actions import do_merge_idea, do_pass_idea, do_reject_idea
from raaderum.ideas.tests.helpers import create_citizen_idea, create_idea
from raaderum.proposals.models import ProposalType


def _pass(world, idea):
    return do_pass_idea(
        idea,
        type=ProposalType.SAVING,
        committee=world.children,
        owner=world.owner,
        director=None,
        user=world.budget_officer,
    )


def test_a_passed_idea_is_told_on_commit(world, mailoutbox, django_capture_on_commit_callbacks):
    idea = create_citizen_idea(world.round, title="Sluk gadelyset")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        proposal = _pass(world, idea)
    assert not [m for m in mailoutbox if "birthe@example.dk" in m.to]  # not before commit
    for callback in callbacks:
        callback()
    [message] = [m for m in mailoutbox if m.to == ["birthe@example.dk"]]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == "Din idé til budgettet i Norddjurs Kommune"
    assert "Kære Birthe Borger" in message.body
    assert "Din idé “Sluk gadelyset” går videre og bliver regnet igennem som forslag" in (
        message.body
    )
    assert proposal.code not in message.body
    assert "http" not in message.body and "/" not in message.body.replace(world.round.name, "")


def test_a_rejected_idea_is_told_with_the_reason(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    idea = create_citizen_idea(world.round, title="Sluk gadelyset")
    with django_capture_on_commit_callbacks(execute=True):
        do_reject_idea(idea, reason="Det er allerede besluttet.", user=world.budget_officer)
    [message] = [m for m in mailoutbox if m.to == ["birthe@example.dk"]]
    assert "Din idé “Sluk gadelyset” går ikke videre" in message.body
    assert "Det er allerede besluttet." in message.body
    assert "http" not in message.body


def test_no_address_no_mail(world, mailoutbox, django_capture_on_commit_callbacks):
    anonymous = create_citizen_idea(world.round, name="", email="")
    member = create_idea(world.round, world.owner, title="Medarbejderidé")
    other = create_citizen_idea(world.round, title="Andet", email="")
    with django_capture_on_commit_callbacks(execute=True):
        do_reject_idea(anonymous, reason="Nej.", user=world.budget_officer)
        _pass(world, member)
        do_merge_idea(other, into=member, user=world.budget_officer)
    assert not [m for m in mailoutbox if "Din idé" in m.body]
