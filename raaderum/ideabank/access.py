"""Who may do what in the idea bank, which belongs to the installation rather than to one
municipality.

- Reading (the list, an entry, the export): any member of any municipality of the installation.
  A logged-in user without any membership gets 404, as everywhere else.
- Adding, importing and sharing: the budget office, for its own municipality.
- Changing and deleting an entry: the budget office of the municipality that keeps it. Members of
  other municipalities may read the entry, so they get 403, not 404: its existence is no secret.
- Using an entry: members who may submit ideas, into their own rounds that take ideas now; the
  budget office into any of its rounds (as it enters ideas in bulk at any time).
- Which rounds used an entry and the idea it was shared from are the using or sharing
  municipality's own data: shown only to its members with the right to see ideas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.ideabank.models import BankIdea
from raaderum.organisation.models import Membership, Municipality
from raaderum.rounds.models import BudgetRound

if TYPE_CHECKING:
    from raaderum.organisation.models import User


def memberships(user: User) -> list[Membership]:
    """The user's memberships, cached on the user object for the request."""
    cache: list[Membership] | None = user.__dict__.get("_bank_memberships")
    if cache is None:
        cache = list(Membership.objects.for_user(user).order_by("municipality__name"))
        user.__dict__["_bank_memberships"] = cache
    return cache


def require_reader(user: User) -> list[Membership]:
    """404 unless the user is a member of some municipality of the installation."""
    found = [m for m in memberships(user) if access.role_may(m.role, Action.VIEW_IDEA_BANK)]
    if not found:
        raise Http404(_("Not found"))
    return found


def managed_municipalities(user: User) -> list[Municipality]:
    return [
        m.municipality
        for m in memberships(user)
        if access.role_may(m.role, Action.MANAGE_IDEA_BANK)
    ]


def require_manager(user: User) -> list[Municipality]:
    """The municipalities whose entries the user keeps: 404 for non-members, 403 for others."""
    require_reader(user)
    municipalities = managed_municipalities(user)
    if not municipalities:
        raise PermissionDenied(_("Only a budget office adds ideas to the idea bank."))
    return municipalities


def may_manage(user: User, bank_idea: BankIdea) -> bool:
    return access.role_may(access.role_in(user, bank_idea.municipality_id), Action.MANAGE_IDEA_BANK)


def get_bank_idea(user: User, public_id: UUID | str, *, manage: bool = False) -> BankIdea:
    require_reader(user)
    bank_idea = (
        BankIdea.objects.select_related("municipality", "created_by")
        .filter(public_id=public_id)
        .first()
    )
    if bank_idea is None:
        raise Http404(_("Not found"))
    if manage and not may_manage(user, bank_idea):
        raise PermissionDenied(
            _("Only the budget office of %(municipality)s may change this idea.")
            % {"municipality": bank_idea.municipality.name}
        )
    return bank_idea


def rounds_for_use(user: User) -> list[BudgetRound]:
    """The rounds the user may bring a bank idea into, newest first."""
    anytime = [
        m.municipality_id for m in memberships(user) if access.role_may(m.role, Action.IMPORT_IDEAS)
    ]
    while_open = [
        m.municipality_id
        for m in memberships(user)
        if access.role_may(m.role, Action.USE_BANK_IDEA) and m.municipality_id not in anytime
    ]
    rounds = BudgetRound.objects.filter(municipality_id__in=anytime + while_open).select_related(
        "municipality"
    )
    return [
        r
        for r in rounds.order_by("municipality__name", "-budget_year", "name")
        if r.municipality_id in anytime or r.accepts_ideas
    ]


def require_user(user: User) -> list[BudgetRound]:
    """404 for non-members, 403 for members whose role may not use bank ideas at all."""
    require_reader(user)
    if not any(access.role_may(m.role, Action.USE_BANK_IDEA) for m in memberships(user)):
        raise PermissionDenied(_("Your role does not allow this."))
    return rounds_for_use(user)
