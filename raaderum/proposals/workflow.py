"""The proposal workflow as one table: which step leads where, and who may take it.

Pure: statuses, roles and relations are plain strings, so the rules can be read and tested
without a database. The views ask `allowed()`; `refusal()` says in plain words why not.

    draft → submitted (quality check) → signed_off (budget office) → approved (director)
          → in_catalog
    withdrawn from any status with a reason; the budget office can send back to draft or reopen.

Director approval is required for cross-cutting proposals; others may go from signed_off
straight into the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

DRAFT, SUBMITTED, SIGNED_OFF, APPROVED, IN_CATALOG, WITHDRAWN = (
    "draft",
    "submitted",
    "signed_off",
    "approved",
    "in_catalog",
    "withdrawn",
)
BUDGET_OFFICE, DIRECTOR = "budget_office", "director"

# How the user relates to the proposal, besides their role in the municipality.
OWNER, PROPOSAL_DIRECTOR, CONTRIBUTOR = "owner", "proposal_director", "contributor"


@dataclass(frozen=True)
class Step:
    name: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]  # municipality roles that may take it regardless of relation
    relations: frozenset[str]  # relations to the proposal that may take it
    needs_comment: bool = False


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "submit",
            frozenset({DRAFT}),
            SUBMITTED,
            frozenset({BUDGET_OFFICE}),
            frozenset({OWNER, PROPOSAL_DIRECTOR}),
        ),
        Step(
            "sign_off", frozenset({SUBMITTED}), SIGNED_OFF, frozenset({BUDGET_OFFICE}), frozenset()
        ),
        Step(
            "approve",
            frozenset({SIGNED_OFF}),
            APPROVED,
            frozenset(),
            frozenset({PROPOSAL_DIRECTOR}),
        ),
        Step(
            "add_to_catalog",
            frozenset({SIGNED_OFF, APPROVED}),
            IN_CATALOG,
            frozenset({BUDGET_OFFICE}),
            frozenset(),
        ),
        Step(
            "send_back",
            frozenset({SUBMITTED, SIGNED_OFF, APPROVED, IN_CATALOG}),
            DRAFT,
            frozenset({BUDGET_OFFICE}),
            frozenset({PROPOSAL_DIRECTOR}),
            needs_comment=True,
        ),
        Step(
            "withdraw",
            frozenset({DRAFT, SUBMITTED, SIGNED_OFF, APPROVED, IN_CATALOG}),
            WITHDRAWN,
            frozenset({BUDGET_OFFICE}),
            frozenset({OWNER, PROPOSAL_DIRECTOR}),
            needs_comment=True,
        ),
        Step("reopen", frozenset({WITHDRAWN}), DRAFT, frozenset({BUDGET_OFFICE}), frozenset()),
    )
}

# Why a step is refused, as codes the Django layer turns into Danish sentences.
NOT_FROM_STATUS = "not_from_status"
NOT_YOUR_ROLE = "not_your_role"
NEEDS_DIRECTOR_APPROVAL = "needs_director_approval"
NEEDS_DIRECTOR = "needs_director"
NEEDS_COMMENT = "needs_comment"
NO_EFFECTS = "no_effects"
SUMMARY_TOO_HARD = "summary_too_hard"
SUMMARY_MISSING = "summary_missing"
SCREENING_MISSING = "screening_missing"

# Steps that check the round's maximum LIX again: the summary may be edited after submission.
LIX_GATED_STEPS = frozenset({"submit", "sign_off", "add_to_catalog"})


@dataclass(frozen=True)
class Situation:
    """What the rules need to know about a proposal and the person acting."""

    status: str
    role: str | None
    relations: frozenset[str]
    cross_cutting: bool
    has_director: bool
    has_effects: bool
    summary_lix: int | None = None  # None when the summary has no words
    max_lix: int | None = None
    # Titles of the required impact screening questions not yet assessed (impactscreening).
    missing_screening: tuple[str, ...] = ()


def refusal(step_name: str, situation: Situation, comment: str = "") -> str | None:
    """None when the step may be taken, else the reason code."""
    step = STEPS[step_name]
    if situation.status not in step.sources:
        return NOT_FROM_STATUS
    if not may_take(step_name, situation):
        return NOT_YOUR_ROLE
    if step.needs_comment and not comment.strip():
        return NEEDS_COMMENT
    if step_name == "submit":
        if not situation.has_effects:
            return NO_EFFECTS
        if situation.cross_cutting and not situation.has_director:
            return NEEDS_DIRECTOR
    if step_name in LIX_GATED_STEPS and situation.max_lix is not None:
        # A round that demands plain language demands a summary: an empty one has no LIX.
        if situation.summary_lix is None:
            return SUMMARY_MISSING
        if situation.summary_lix > situation.max_lix:
            return SUMMARY_TOO_HARD
    # Checked again after submission, as the LIX is: an answer can be set back to not assessed.
    if step_name in LIX_GATED_STEPS and situation.missing_screening:
        return SCREENING_MISSING
    cross_cutting_unapproved = situation.cross_cutting and situation.status != APPROVED
    if step_name == "add_to_catalog" and cross_cutting_unapproved:
        return NEEDS_DIRECTOR_APPROVAL
    return None


def may_take(step_name: str, situation: Situation) -> bool:
    """The step starts from this status and this person is one who takes it."""
    step = STEPS[step_name]
    return situation.status in step.sources and (
        situation.role in step.roles or bool(situation.relations & step.relations)
    )


def available(situation: Situation) -> list[str]:
    """The steps to offer this person now; preconditions are explained when they try."""
    return [name for name in STEPS if may_take(name, situation)]


SIGNED_STATUSES = frozenset({SIGNED_OFF, APPROVED, IN_CATALOG})


def voided_by_amount_change(status: str) -> bool:
    """Changing an amount after sign-off voids the sign-off: back to quality check."""
    return status in SIGNED_STATUSES


# Which phase's deadline each status waits for, and who must act.
WAITING_FOR = {
    DRAFT: ("drafting", "submit"),
    SUBMITTED: ("quality_check", "sign_off"),
    SIGNED_OFF: ("catalog", "approve_or_add"),
    APPROVED: ("catalog", "add_to_catalog"),
}


@dataclass(frozen=True)
class DueItem:
    proposal: object
    who: object
    step: str
    deadline: date | None
    overdue: bool


def due_items(
    proposals: Iterable[tuple[object, str, object, object | None, bool]],
    budget_office: Iterable[object],
    deadlines: Mapping[str, date],
    today: date,
) -> list[DueItem]:
    """Who must do what next, by when: (proposal, status, owner, director, cross_cutting).

    Draft → its owner submits; submitted → the budget office signs off; signed off and
    cross-cutting → its director approves; otherwise → the budget office adds it to the catalog.
    """
    office = list(budget_office)
    items: list[DueItem] = []
    for proposal, status, owner, director, cross_cutting in proposals:
        if status not in WAITING_FOR:
            continue
        phase, step = WAITING_FOR[status]
        if step == "approve_or_add":
            step = "approve" if cross_cutting else "add_to_catalog"
        if step == "submit":
            people = [owner]
        elif step == "approve":
            # Without a director nobody could approve: the budget office must appoint one.
            people = [director] if director is not None else office
        else:
            people = office
        deadline = deadlines.get(phase)
        overdue = deadline is not None and deadline < today
        items.extend(DueItem(proposal, who, step, deadline, overdue) for who in people)
    items.sort(key=lambda item: (item.deadline or date.max, str(item.step)))
    return items
