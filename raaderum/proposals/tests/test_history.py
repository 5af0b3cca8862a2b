"""The proposal's change history (raaderum.proposals.history): what it says, and what it costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from raaderum.proposals.actions import do_save_effects
from raaderum.proposals.history import timeline
from raaderum.proposals.models import Proposal
from raaderum.test import create_proposal


def save_amount(proposal, world, amount):
    return do_save_effects(
        proposal,
        {(world.schools.pk, 2027): amount},
        {},
        expected_version=proposal.version,
        user=world.owner,
    )


def queries_of_timeline(proposal):
    proposal = Proposal.objects.get(pk=proposal.pk)
    with CaptureQueriesContext(connection) as queries:
        changes = timeline(proposal)
    return len(queries), changes


def test_the_queries_do_not_grow_with_the_number_of_saves(world):
    proposal = create_proposal(world.round, world.children, world.owner)
    proposal.contributors.add(world.contributor)
    proposal.save()  # a history record with the contributor
    for amount in (-100_000, -200_000):
        proposal = save_amount(proposal, world, amount)
    few, _changes = queries_of_timeline(proposal)
    for amount in range(-300_000, -1_300_000, -100_000):
        proposal = save_amount(proposal, world, amount)
    many, changes = queries_of_timeline(proposal)
    assert many == few
    amounts = [(c.before, c.after) for c in changes if c.what == "Folkeskoler 2027"]
    assert amounts[0] == ("−1.100.000 kr.", "−1.200.000 kr.")
    assert len(amounts) == 12


def test_a_contributor_added_and_removed_shows_twice(world):
    proposal = create_proposal(world.round, world.children, world.owner)
    proposal.contributors.add(world.contributor)
    proposal.save()
    proposal.contributors.remove(world.contributor)
    proposal.save()
    _count, changes = queries_of_timeline(proposal)
    contributors = [(c.before, c.after) for c in changes if c.what == "Bidragydere"]
    assert contributors == [("Carl Testesen", "–"), ("–", "Carl Testesen")]
