"""The scales, bands and counts of the impact screening, without a database."""

import pytest

from raaderum.impactscreening import scoring
from raaderum.proposals import workflow


@pytest.mark.parametrize(
    ("scale", "score", "valid"),
    [
        ("five", -2, True),
        ("five", 2, True),
        ("five", 3, False),
        ("five", None, True),
        ("three", -1, True),
        ("three", -2, False),
        ("three", 0, True),
        ("yes_no", 0, False),
    ],
)
def test_a_score_must_be_a_step_of_the_scale(scale, score, valid):
    assert scoring.is_valid(scale, score) is valid


@pytest.mark.parametrize(
    ("score", "band", "needs_text", "answered"),
    [
        (-2, "negative", True, True),
        (-1, "negative", True, True),
        (0, "none", False, True),
        (1, "positive", True, True),
        (2, "positive", True, True),
        (None, "not_assessed", False, False),
    ],
)
def test_bands_and_when_a_text_is_needed(score, band, needs_text, answered):
    assert scoring.band(score) == band
    assert scoring.needs_text(score) is needs_text
    assert scoring.is_answered(score) is answered


def test_missing_required_lists_the_unassessed_in_order():
    required = [(1, "Klima"), (2, "Medarbejdere"), (3, "Ligestilling")]
    assert scoring.missing_required(required, {1: 0, 2: None}) == ["Medarbejdere", "Ligestilling"]
    assert scoring.missing_required(required, {1: -2, 2: 1, 3: 0}) == []


def test_matches_counts_no_answer_as_not_assessed():
    scores = {1: -1, 2: 0}
    assert scoring.matches(scores, 1, "negative")
    assert not scoring.matches(scores, 1, "positive")
    assert scoring.matches(scores, 2, "none")
    assert scoring.matches(scores, 3, "not_assessed")


def test_the_profile_counts_the_chosen_proposals_per_band():
    scores = {10: {1: -2, 2: 1}, 11: {1: -1}, 12: {1: 2, 2: 0}, 13: {1: 0}}
    counts = scoring.profile([1, 2], scores, [10, 11, 12, 99])
    assert counts == {
        1: {"negative": 2, "none": 0, "positive": 1, "not_assessed": 1},
        2: {"negative": 0, "none": 1, "positive": 1, "not_assessed": 2},
    }
    assert scoring.profile([1], scores, []) == {
        1: {"negative": 0, "none": 0, "positive": 0, "not_assessed": 0}
    }


def situation(status="draft", missing=("Klima",), role="budget_office"):
    return workflow.Situation(
        status=status,
        role=role,
        relations=frozenset(),
        cross_cutting=False,
        has_director=True,
        has_effects=True,
        missing_screening=tuple(missing),
    )


@pytest.mark.parametrize(
    ("step", "status", "gated"),
    [
        ("submit", "draft", True),
        ("sign_off", "submitted", True),
        ("add_to_catalog", "signed_off", True),
        ("withdraw", "draft", False),
        ("send_back", "submitted", False),
    ],
)
def test_the_workflow_refuses_steps_until_the_required_questions_are_assessed(step, status, gated):
    missing = workflow.refusal(step, situation(status), comment="Fordi.")
    assert missing == ("screening_missing" if gated else None)
    assert workflow.refusal(step, situation(status, missing=()), comment="Fordi.") is None
