"""Who may see published material, and from when: the rules of confidentiality (no ORM).

A published catalog version has a level: internal to the administration, confidential to the
politicians (until an optional release date) or public. A proposal follows its version (»Som
kataloget«) or is held back further: internal, or confidential with its own release date. A
proposal can only be more restrictive than its version: its effective level is the most
restrictive of the two. Visibility is access control, read live at every request, so the budget
office can release or restrict material after it was published.

Roles are the strings of raaderum.organisation.models.Role; None is a visitor without a
membership (the public).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

INTERNAL = "internal"
CONFIDENTIAL = "confidential"
PUBLIC = "public"
AS_CATALOG = "catalog"  # a proposal's own setting: follow the catalog version

LEVELS = (INTERNAL, CONFIDENTIAL, PUBLIC)  # the most restrictive first
PROPOSAL_LEVELS = (AS_CATALOG, INTERNAL, CONFIDENTIAL)

ADMINISTRATION = frozenset({"budget_office", "director", "owner", "contributor", "reader"})
POLITICIAN = "politician"

# Why a level and release date cannot be saved (forms turn them into Danish messages).
RELEASE_WITHOUT_CONFIDENTIAL = "release_without_confidential"
RELEASE_IN_PAST = "release_in_past"
UNKNOWN_LEVEL = "unknown_level"


def _check(level: str, allowed: tuple[str, ...]) -> None:
    if level not in allowed:
        raise ValueError(f"unknown visibility level {level!r}")


def effective_level(level: str, release_date: date | None, today: date) -> str:
    """The level that applies today: confidential material is public from its release date."""
    _check(level, LEVELS)
    if level == CONFIDENTIAL and release_date is not None and release_date <= today:
        return PUBLIC
    return level


def most_restrictive(levels: Iterable[str]) -> str:
    """The most restrictive of the levels; public when there are none."""
    found = list(levels)
    for level in found:
        _check(level, LEVELS)
    return min(found, key=LEVELS.index, default=PUBLIC)


def proposal_level(
    version_level: str,
    version_release: date | None,
    own_level: str,
    own_release: date | None,
    today: date,
) -> str:
    """A published proposal's level today: its version's, or its own if that is stricter."""
    _check(own_level, PROPOSAL_LEVELS)
    catalog = effective_level(version_level, version_release, today)
    if own_level == AS_CATALOG:
        return catalog
    return most_restrictive([catalog, effective_level(own_level, own_release, today)])


def may_see(role: str | None, level: str) -> bool:
    """Internal: the administration; confidential: the administration and the politicians;
    public: everyone, also without a login."""
    _check(level, LEVELS)
    if level == PUBLIC or role in ADMINISTRATION:
        return True
    return level == CONFIDENTIAL and role == POLITICIAN


def audience(role: str | None) -> str:
    """The most restrictive level the role may see: what a document made for it may contain."""
    return next(level for level in LEVELS if may_see(role, level))


def marking(items: Iterable[tuple[str, date | None]], today: date) -> tuple[str, date | None]:
    """The level of material made of several parts (level, release date), and the date it all
    becomes public: the last release date while it is confidential, None when that is not
    known (a part without a release date) or the material is not confidential."""
    parts = [(effective_level(level, release, today), release) for level, release in items]
    level = most_restrictive(part for part, _release in parts)
    if level != CONFIDENTIAL:
        return level, None
    dates = [release for part, release in parts if part == CONFIDENTIAL]
    if None in dates:
        return level, None
    return level, max(d for d in dates if d is not None)


def setting_problem(level: str, release_date: date | None, today: date) -> str | None:
    """Why a level with this release date cannot be saved today, or None.

    A release date belongs to confidential material only, and lies after today (a date that
    has passed would release the material at once: choose »Offentlig« instead).
    """
    if level not in LEVELS and level not in PROPOSAL_LEVELS:
        return UNKNOWN_LEVEL
    if release_date is None:
        return None
    if level != CONFIDENTIAL:
        return RELEASE_WITHOUT_CONFIDENTIAL
    if release_date <= today:
        return RELEASE_IN_PAST
    return None
