"""The actions as other apps and commands call them: all or nothing, each telling the feed."""

import pytest

from raaderum.communication.models import Event
from raaderum.ideas.actions import (
    IdeaAlreadyScreened,
    do_import_ideas,
    do_merge_idea,
    do_pass_idea,
    do_reject_idea,
    do_save_assessment,
    do_save_screening_rules,
)
from raaderum.ideas.bulk import Row
from raaderum.ideas.models import Idea, IdeaStatus, ScreeningCriterion
from raaderum.ideas.tests.helpers import create_citizen_idea, create_idea
from raaderum.proposals.models import Origin, Proposal, ProposalType


def test_every_state_change_records_an_event(world):
    first = create_idea(world.round, world.owner, title="A-idé")
    second = create_citizen_idea(world.round, title="B-idé")
    third = create_idea(world.round, world.owner, title="C-idé")
    do_import_ideas(
        world.round, [Row(2, "D-idé")], origin=Origin.WORKSHOP, user=world.budget_officer
    )
    do_save_assessment(first, {"estimated_amount": 1}, {}, user=world.director)
    do_pass_idea(
        first,
        type=ProposalType.SAVING,
        committee=world.children,
        owner=world.owner,
        director=None,
        user=world.director,
    )
    do_reject_idea(second, reason="Nej.", user=world.budget_officer)
    do_merge_idea(third, into=first, user=world.budget_officer)
    do_save_screening_rules(
        world.round,
        min_amount=None,
        latest_full_effect_year=None,
        criteria=[],
        deleted=[],
        user=world.budget_officer,
    )
    verbs = Event.objects.order_by("pk").values_list("verb", flat=True)
    assert [verb for verb in verbs if "idea" in verb or verb == "screening_rules"] == [
        "idea_submitted",
        "idea_submitted",
        "idea_submitted",
        "ideas_imported",
        "idea_screened",
        "idea_passed",
        "idea_rejected",
        "idea_merged",
        "screening_rules",
    ]
    assert set(Event.objects.values_list("round", flat=True)) == {world.round.pk}


def test_a_screened_idea_refuses_every_further_decision(world):
    idea = create_idea(world.round, world.owner)
    do_reject_idea(idea, reason="Nej.", user=world.budget_officer)
    other = create_idea(world.round, world.owner, title="Anden")
    for call in (
        lambda: do_reject_idea(idea, reason="Igen.", user=world.budget_officer),
        lambda: do_merge_idea(idea, into=other, user=world.budget_officer),
        lambda: do_save_assessment(idea, {}, {}, user=world.budget_officer),
        lambda: do_pass_idea(
            idea,
            type=ProposalType.SAVING,
            committee=world.children,
            owner=world.owner,
            director=None,
            user=world.budget_officer,
        ),
    ):
        with pytest.raises(IdeaAlreadyScreened):
            call()
    idea.refresh_from_db()
    assert (idea.status, idea.rejection_reason) == (IdeaStatus.REJECTED, "Nej.")
    assert not Proposal.objects.exists()


def test_passing_refuses_people_and_committees_of_another_municipality(world):
    idea = create_idea(world.round, world.owner)
    with pytest.raises(ValueError, match="another municipality"):
        do_pass_idea(
            idea,
            type=ProposalType.SAVING,
            committee=world.other_area.committee,
            owner=world.owner,
            director=None,
            user=world.budget_officer,
        )
    with pytest.raises(ValueError, match="another municipality"):
        do_pass_idea(
            idea,
            type=ProposalType.SAVING,
            committee=world.children,
            owner=world.outsider,
            director=None,
            user=world.budget_officer,
        )
    assert not Proposal.objects.exists()
    assert Idea.objects.get().status == IdeaStatus.NEW


def test_merging_refuses_another_round_and_rejected_ideas(world):
    idea = create_idea(world.round, world.owner)
    foreign = create_idea(world.other_round, world.outsider)
    rejected = create_idea(world.round, world.owner, title="Afvist")
    do_reject_idea(rejected, reason="Nej.", user=world.budget_officer)
    for target in (foreign, rejected, idea):
        with pytest.raises(ValueError):
            do_merge_idea(idea, into=target, user=world.budget_officer)
    assert Idea.objects.get(pk=idea.pk).status == IdeaStatus.NEW


def test_an_assessment_ignores_criteria_of_another_round(world):
    own = ScreeningCriterion.objects.create(round=world.round, text="Egen")
    foreign = ScreeningCriterion.objects.create(round=world.other_round, text="Fremmed")
    idea = create_idea(world.round, world.owner)
    assessment = do_save_assessment(
        idea, {}, {own.pk: (True, ""), foreign.pk: (False, "")}, user=world.budget_officer
    )
    assert list(assessment.answers.values_list("criterion__text", flat=True)) == ["Egen"]


def test_screening_rules_put_criteria_without_position_last(world):
    ScreeningCriterion.objects.create(round=world.round, text="Først", position=4)
    do_save_screening_rules(
        world.round,
        min_amount=100,
        latest_full_effect_year=2029,
        criteria=[(None, "Sidst", None)],
        deleted=[],
        user=world.budget_officer,
    )
    assert list(world.round.screening_criteria.values_list("text", "position")) == [
        ("Først", 4),
        ("Sidst", 5),
    ]


def test_an_import_is_all_or_nothing(world):
    rows = [Row(2, "God"), Row(3, "x" * 300)]  # the view shows the errors; this is the backstop
    with pytest.raises(ValueError, match="rows with errors"):
        do_import_ideas(world.round, rows, origin=Origin.WORKSHOP, user=world.budget_officer)
    with pytest.raises(ValueError, match="party name"):
        do_import_ideas(world.round, rows[:1], origin=Origin.PARTY, user=world.budget_officer)
    assert not Idea.objects.exists()
    assert not Event.objects.exists()
