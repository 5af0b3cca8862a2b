"""The workflow table's remaining branches: plain-language gates, voided sign-offs, who is due.

Pure: no database (test_workflow.py also drives the views).
"""

from __future__ import annotations

from datetime import date

import pytest

from raaderum.proposals import workflow as W

STATUSES = (W.DRAFT, W.SUBMITTED, W.SIGNED_OFF, W.APPROVED, W.IN_CATALOG, W.WITHDRAWN)


def situation(
    status: str,
    role: str | None = None,
    relations: tuple[str, ...] = (),
    *,
    cross_cutting: bool = False,
    has_director: bool = False,
    has_effects: bool = True,
    summary_lix: int | None = None,
    max_lix: int | None = None,
) -> W.Situation:
    return W.Situation(
        status=status,
        role=role,
        relations=frozenset(relations),
        cross_cutting=cross_cutting,
        has_director=has_director,
        has_effects=has_effects,
        summary_lix=summary_lix,
        max_lix=max_lix,
    )


@pytest.mark.parametrize(
    ("step", "sit", "expected"),
    [
        # A round with a maximum LIX demands a summary at every gated step.
        ("submit", situation(W.DRAFT, relations=(W.OWNER,), max_lix=45), W.SUMMARY_MISSING),
        ("sign_off", situation(W.SUBMITTED, W.BUDGET_OFFICE, max_lix=45), W.SUMMARY_MISSING),
        (
            "add_to_catalog",
            situation(W.SIGNED_OFF, W.BUDGET_OFFICE, summary_lix=50, max_lix=45),
            W.SUMMARY_TOO_HARD,
        ),
        ("sign_off", situation(W.SUBMITTED, W.BUDGET_OFFICE, summary_lix=45, max_lix=45), None),
        # Without a maximum, no summary is needed.
        ("sign_off", situation(W.SUBMITTED, W.BUDGET_OFFICE), None),
        ("sign_off", situation(W.SUBMITTED, W.BUDGET_OFFICE, summary_lix=90), None),
        # Approving, sending back and withdrawing are not gated: the summary may be fixed later.
        (
            "approve",
            situation(W.SIGNED_OFF, relations=(W.PROPOSAL_DIRECTOR,), summary_lix=90, max_lix=45),
            None,
        ),
        ("approve", situation(W.SIGNED_OFF, relations=(W.PROPOSAL_DIRECTOR,), max_lix=45), None),
        # The effects and director checks belong to submitting only.
        ("sign_off", situation(W.SUBMITTED, W.BUDGET_OFFICE, has_effects=False), None),
        (
            "sign_off",
            situation(W.SUBMITTED, W.BUDGET_OFFICE, cross_cutting=True, has_director=False),
            None,
        ),
        (
            "submit",
            situation(W.DRAFT, relations=(W.OWNER,), cross_cutting=True, has_director=True),
            None,
        ),
        # The status check comes before the role check, and the role before the comment.
        ("send_back", situation(W.DRAFT, "reader"), W.NOT_FROM_STATUS),
        ("send_back", situation(W.SUBMITTED, "reader"), W.NOT_YOUR_ROLE),
        ("withdraw", situation(W.DRAFT, relations=(W.OWNER,)), W.NEEDS_COMMENT),
        (
            "withdraw",
            situation(W.DRAFT, relations=(W.OWNER,), has_effects=False, max_lix=1),
            W.NEEDS_COMMENT,
        ),
    ],
)
def test_refusals(step: str, sit: W.Situation, expected: str | None) -> None:
    assert W.refusal(step, sit) == expected


def test_a_comment_of_blanks_is_no_comment() -> None:
    sit = situation(W.SUBMITTED, W.BUDGET_OFFICE)
    assert W.refusal("send_back", sit, " \n\t") == W.NEEDS_COMMENT
    assert W.refusal("send_back", sit, " Regn om ") is None


def test_the_missing_summary_is_found_before_the_missing_director_approval() -> None:
    sit = situation(W.SIGNED_OFF, W.BUDGET_OFFICE, cross_cutting=True, max_lix=45)
    assert W.refusal("add_to_catalog", sit) == W.SUMMARY_MISSING
    easy = situation(W.SIGNED_OFF, W.BUDGET_OFFICE, cross_cutting=True, summary_lix=30, max_lix=45)
    assert W.refusal("add_to_catalog", easy) == W.NEEDS_DIRECTOR_APPROVAL


@pytest.mark.parametrize(
    ("sit", "steps"),
    [
        (situation(W.DRAFT, W.BUDGET_OFFICE), ["submit", "withdraw"]),
        (
            situation(W.SIGNED_OFF, relations=(W.PROPOSAL_DIRECTOR,)),
            ["approve", "send_back", "withdraw"],
        ),
        (situation(W.APPROVED, W.BUDGET_OFFICE), ["add_to_catalog", "send_back", "withdraw"]),
        (situation(W.WITHDRAWN, W.BUDGET_OFFICE), ["reopen"]),
        (situation(W.WITHDRAWN, W.DIRECTOR, (W.OWNER, W.PROPOSAL_DIRECTOR)), []),
        (situation(W.IN_CATALOG, relations=(W.CONTRIBUTOR,)), []),
        (situation(W.DRAFT), []),
    ],
)
def test_available_steps(sit: W.Situation, steps: list[str]) -> None:
    assert W.available(sit) == steps
    assert all(W.may_take(step, sit) for step in steps)


@pytest.mark.parametrize(
    ("status", "voided"),
    [
        (W.DRAFT, False),
        (W.SUBMITTED, False),
        (W.SIGNED_OFF, True),
        (W.APPROVED, True),
        (W.IN_CATALOG, True),
        (W.WITHDRAWN, False),
    ],
)
def test_changing_an_amount_voids_a_sign_off_only_after_sign_off(status: str, voided: bool) -> None:
    assert W.voided_by_amount_change(status) is voided


def test_every_step_leads_from_known_statuses_to_a_known_status() -> None:
    for step in W.STEPS.values():
        assert step.sources <= set(STATUSES)
        assert step.target in STATUSES
        assert step.target not in step.sources
    assert {name for name, step in W.STEPS.items() if step.needs_comment} == {
        "send_back",
        "withdraw",
    }


def test_due_items_for_every_waiting_status_and_the_budget_office_when_no_director() -> None:
    deadlines = {
        "drafting": date(2027, 3, 1),
        "quality_check": date(2027, 3, 15),
        "catalog": date(2027, 4, 1),
    }
    proposals = [
        ("P1", W.APPROVED, "ole", "dorte", True),
        ("P2", W.SIGNED_OFF, "ole", None, True),  # cross-cutting without a director
        ("P3", W.WITHDRAWN, "ole", None, False),
        ("P4", W.SUBMITTED, "ole", None, False),
        ("P5", W.DRAFT, "carl", None, False),
    ]
    items = W.due_items(proposals, iter(["bente", "bo"]), deadlines, today=date(2027, 3, 15))
    got = [(i.proposal, i.who, i.step, i.deadline, i.overdue) for i in items]
    assert got == [
        ("P5", "carl", "submit", date(2027, 3, 1), True),
        # Due today is not yet overdue.
        ("P4", "bente", "sign_off", date(2027, 3, 15), False),
        ("P4", "bo", "sign_off", date(2027, 3, 15), False),
        # Same deadline: ordered by step name, then as given.
        ("P1", "bente", "add_to_catalog", date(2027, 4, 1), False),
        ("P1", "bo", "add_to_catalog", date(2027, 4, 1), False),
        ("P2", "bente", "approve", date(2027, 4, 1), False),
        ("P2", "bo", "approve", date(2027, 4, 1), False),
    ]


def test_nothing_is_due_without_proposals_in_a_waiting_status() -> None:
    proposals = [("P1", W.IN_CATALOG, "ole", None, False), ("P2", W.WITHDRAWN, "ole", None, False)]
    assert W.due_items(proposals, ["bente"], {}, today=date(2027, 1, 1)) == []
