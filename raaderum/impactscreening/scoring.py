"""The scales of the impact screening and what is counted from them.

Pure: a score is a plain int (negative = the proposal harms what the question is about,
positive = it helps, 0 = no significance) or None (not assessed). The Django layer turns the
codes here into Danish words.

A question uses one of two scales: five steps (clearly negative … clearly positive) or three
(negative, no significance, positive). Either way every score falls in one band, and the bands
are what the catalog's and the simulator's filters and the simulator's profile count.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

FIVE, THREE = "five", "three"
SCALES: dict[str, tuple[int, ...]] = {FIVE: (-2, -1, 0, 1, 2), THREE: (-1, 0, 1)}

NEGATIVE, NONE, POSITIVE, NOT_ASSESSED = "negative", "none", "positive", "not_assessed"
# In the order the profile's columns and the filter's choices show them.
BANDS = (NEGATIVE, NONE, POSITIVE, NOT_ASSESSED)

Score = int | None


def is_valid(scale: str, score: Score) -> bool:
    """The score is a step of the scale, or None (not assessed)."""
    return score is None or score in SCALES.get(scale, ())


def band(score: Score) -> str:
    if score is None:
        return NOT_ASSESSED
    if score < 0:
        return NEGATIVE
    if score > 0:
        return POSITIVE
    return NONE


def needs_text(score: Score) -> bool:
    """An effect either way must be explained; "no significance" and "not assessed" need not."""
    return band(score) in (NEGATIVE, POSITIVE)


def is_answered(score: Score) -> bool:
    """A required question counts as answered once assessed, "no significance" included."""
    return score is not None


def missing_required(required: Iterable[tuple[int, str]], scores: Mapping[int, Score]) -> list[str]:
    """The titles of the required questions (id, title) not yet assessed, in the given order."""
    return [title for key, title in required if not is_answered(scores.get(key))]


def matches(scores: Mapping[int, Score], question: int, wanted: str) -> bool:
    """The proposal's assessment of `question` falls in the band `wanted` (no answer: not
    assessed)."""
    return band(scores.get(question)) == wanted


def profile(
    questions: Sequence[int],
    scores: Mapping[int, Mapping[int, Score]],
    chosen: Iterable[int],
) -> dict[int, dict[str, int]]:
    """Per question: how many of the chosen proposals fall in each band.

    `scores` maps a proposal to its scores by question; a chosen proposal without an answer
    to a question counts as not assessed.
    """
    counts = {question: dict.fromkeys(BANDS, 0) for question in questions}
    empty: Mapping[int, Score] = {}
    for key in chosen:
        answers = scores.get(key, empty)
        for question in questions:
            counts[question][band(answers.get(question))] += 1
    return counts
