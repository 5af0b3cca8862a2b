"""The confidentiality rules, table-driven: per role × level × date. Pure: no database."""

from __future__ import annotations

from datetime import date

import pytest

from raaderum.confidentiality import rules
from raaderum.confidentiality.rules import AS_CATALOG, CONFIDENTIAL, INTERNAL, PUBLIC

TODAY = date(2027, 9, 15)
BEFORE = date(2027, 9, 14)
AFTER = date(2027, 10, 1)

ROLES = ["budget_office", "director", "owner", "contributor", "reader", "politician", None]


@pytest.mark.parametrize(
    ("role", "internal", "confidential", "public"),
    [
        ("budget_office", True, True, True),
        ("director", True, True, True),
        ("owner", True, True, True),
        ("contributor", True, True, True),
        ("reader", True, True, True),
        ("politician", False, True, True),
        (None, False, False, True),  # the public, no login
        ("someone_else", False, False, True),  # an unknown role sees what the public sees
    ],
)
def test_who_may_see_which_level(
    role: str | None, internal: bool, confidential: bool, public: bool
) -> None:
    assert rules.may_see(role, INTERNAL) is internal
    assert rules.may_see(role, CONFIDENTIAL) is confidential
    assert rules.may_see(role, PUBLIC) is public


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("budget_office", INTERNAL),
        ("reader", INTERNAL),
        ("politician", CONFIDENTIAL),
        (None, PUBLIC),
    ],
)
def test_the_audience_is_the_most_restrictive_level_a_role_sees(
    role: str | None, expected: str
) -> None:
    assert rules.audience(role) == expected


@pytest.mark.parametrize(
    ("level", "release", "expected"),
    [
        (INTERNAL, None, INTERNAL),
        (INTERNAL, BEFORE, INTERNAL),  # a date never releases internal material
        (CONFIDENTIAL, None, CONFIDENTIAL),
        (CONFIDENTIAL, AFTER, CONFIDENTIAL),
        (CONFIDENTIAL, TODAY, PUBLIC),  # released on the day itself
        (CONFIDENTIAL, BEFORE, PUBLIC),
        (PUBLIC, None, PUBLIC),
    ],
)
def test_the_effective_level_at_a_date(level: str, release: date | None, expected: str) -> None:
    assert rules.effective_level(level, release, TODAY) == expected


@pytest.mark.parametrize(
    ("version", "version_release", "own", "own_release", "expected"),
    [
        # The proposal follows its catalog version.
        (PUBLIC, None, AS_CATALOG, None, PUBLIC),
        (CONFIDENTIAL, None, AS_CATALOG, None, CONFIDENTIAL),
        (CONFIDENTIAL, BEFORE, AS_CATALOG, None, PUBLIC),
        (INTERNAL, None, AS_CATALOG, None, INTERNAL),
        # ... or is more restrictive ...
        (PUBLIC, None, INTERNAL, None, INTERNAL),
        (PUBLIC, None, CONFIDENTIAL, AFTER, CONFIDENTIAL),
        (CONFIDENTIAL, BEFORE, INTERNAL, None, INTERNAL),
        # ... and released on its own date, not before its version is.
        (PUBLIC, None, CONFIDENTIAL, BEFORE, PUBLIC),
        (CONFIDENTIAL, None, CONFIDENTIAL, BEFORE, CONFIDENTIAL),
        (CONFIDENTIAL, AFTER, CONFIDENTIAL, BEFORE, CONFIDENTIAL),
        # Never less restrictive than its version.
        (INTERNAL, None, CONFIDENTIAL, BEFORE, INTERNAL),
        (INTERNAL, None, CONFIDENTIAL, None, INTERNAL),
    ],
)
def test_a_published_proposal_is_the_most_restrictive_of_its_version_and_itself(
    version: str, version_release: date | None, own: str, own_release: date | None, expected: str
) -> None:
    assert rules.proposal_level(version, version_release, own, own_release, TODAY) == expected


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("release", [None, BEFORE, TODAY, AFTER])
def test_a_politician_reads_confidential_material_the_public_only_once_released(
    role: str | None, release: date | None
) -> None:
    level = rules.proposal_level(CONFIDENTIAL, release, AS_CATALOG, None, TODAY)
    released = release is not None and release <= TODAY
    expected = role is not None or released  # every member sees confidential material
    assert rules.may_see(role, level) is expected


def test_most_restrictive() -> None:
    assert rules.most_restrictive([PUBLIC, CONFIDENTIAL, PUBLIC]) == CONFIDENTIAL
    assert rules.most_restrictive([CONFIDENTIAL, INTERNAL]) == INTERNAL
    assert rules.most_restrictive([]) == PUBLIC


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([(PUBLIC, None)], (PUBLIC, None)),
        ([(CONFIDENTIAL, None)], (CONFIDENTIAL, None)),
        ([(CONFIDENTIAL, AFTER)], (CONFIDENTIAL, AFTER)),
        ([(CONFIDENTIAL, BEFORE)], (PUBLIC, None)),
        # All of it is public only once the last part is released.
        (
            [(CONFIDENTIAL, AFTER), (CONFIDENTIAL, date(2027, 12, 1))],
            (CONFIDENTIAL, date(2027, 12, 1)),
        ),
        ([(CONFIDENTIAL, BEFORE), (CONFIDENTIAL, AFTER)], (CONFIDENTIAL, AFTER)),
        # A part without a date: nobody can say when.
        ([(CONFIDENTIAL, AFTER), (CONFIDENTIAL, None)], (CONFIDENTIAL, None)),
        ([(CONFIDENTIAL, AFTER), (INTERNAL, None)], (INTERNAL, None)),
        ([(PUBLIC, None), (INTERNAL, None)], (INTERNAL, None)),
    ],
)
def test_the_marking_of_material_made_of_several_parts(
    items: list[tuple[str, date | None]], expected: tuple[str, date | None]
) -> None:
    assert rules.marking(items, TODAY) == expected


@pytest.mark.parametrize(
    ("level", "release", "expected"),
    [
        (CONFIDENTIAL, None, None),
        (CONFIDENTIAL, AFTER, None),
        (CONFIDENTIAL, date(2027, 9, 16), None),
        (CONFIDENTIAL, TODAY, rules.RELEASE_IN_PAST),
        (CONFIDENTIAL, BEFORE, rules.RELEASE_IN_PAST),
        (INTERNAL, None, None),
        (INTERNAL, AFTER, rules.RELEASE_WITHOUT_CONFIDENTIAL),
        (PUBLIC, None, None),
        (PUBLIC, AFTER, rules.RELEASE_WITHOUT_CONFIDENTIAL),
        (AS_CATALOG, None, None),
        (AS_CATALOG, AFTER, rules.RELEASE_WITHOUT_CONFIDENTIAL),
        ("secret", None, rules.UNKNOWN_LEVEL),
    ],
)
def test_what_can_be_saved(level: str, release: date | None, expected: str | None) -> None:
    assert rules.setting_problem(level, release, TODAY) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: rules.effective_level("secret", None, TODAY),
        lambda: rules.effective_level(AS_CATALOG, None, TODAY),  # not a version's level
        lambda: rules.most_restrictive([PUBLIC, "secret"]),
        lambda: rules.proposal_level(PUBLIC, None, PUBLIC, None, TODAY),  # not a proposal's own
        lambda: rules.proposal_level("secret", None, AS_CATALOG, None, TODAY),
        lambda: rules.may_see("politician", AS_CATALOG),
    ],
)
def test_an_unknown_level_is_an_error_not_a_silent_public(call: object) -> None:
    with pytest.raises(ValueError, match="unknown visibility level"):
        call()  # type: ignore[operator]
