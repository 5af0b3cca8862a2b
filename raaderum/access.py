"""Who may do what: the role × action table and one access helper per model.

Views load every object through these helpers. An object of a municipality the user is not a
member of answers 404 (its existence is not revealed); a member without the right answers 403.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum.organisation.models import Membership, Municipality, Role

if TYPE_CHECKING:
    from raaderum.organisation.models import User
    from raaderum.proposals.models import Proposal
    from raaderum.rounds.models import BudgetRound


class Action(StrEnum):
    VIEW_ROUND = "view_round"
    MANAGE_ROUND = "manage_round"
    VIEW_CATALOG = "view_catalog"  # the internal catalog, drafts included
    CREATE_PROPOSAL = "create_proposal"
    EDIT_ANY_PROPOSAL = "edit_any_proposal"
    EDIT_OWN_PROPOSAL = "edit_own_proposal"  # as owner, director or contributor
    COMMENT = "comment"  # on proposals the user may see
    VIEW_ACTIVITY = "view_activity"  # the round's activity feed and dashboard
    SUBMIT_IDEA = "submit_idea"  # as a member of the municipality (origin employee/manager)
    SUBMIT_PARTY_PROPOSAL = "submit_party_proposal"  # origin party, for the administration to cost
    VIEW_IDEAS = "view_ideas"  # every idea of the round (anyone sees their own)
    SCREEN_IDEAS = "screen_ideas"  # assess, pass into a proposal, reject, merge duplicates
    IMPORT_IDEAS = "import_ideas"  # bulk entry from a workshop or citizen conference
    MANAGE_GLOSSARY = "manage_glossary"  # technical terms and their plain alternatives
    VIEW_PUBLISHED = "view_published"  # published catalog versions, their PDF and Excel
    PUBLISH_CATALOG = "publish_catalog"  # freeze the catalog as a new version
    IMPORT_PROPOSALS = "import_proposals"  # Excel import of proposals and effects
    SIMULATE = "simulate"  # the budget simulator and scenarios over a published version
    OPTIMISE = "optimise"  # run the optimiser (result opens as a scenario)
    SET_IMPACT = "set_impact"  # impact scores and relations (alternatives, requires)
    RECORD_DECISIONS = "record_decisions"  # budget agreement and per-proposal decisions
    VIEW_DECISIONS = "view_decisions"  # what was decided, and the adjustments export
    START_NEXT_ROUND = "start_next_round"  # a round from the previous one, with lineage


_ADMINISTRATION = {Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER, Role.CONTRIBUTOR, Role.READER}

PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.VIEW_ROUND: frozenset(Role),
    Action.MANAGE_ROUND: frozenset({Role.BUDGET_OFFICE}),
    # Politicians see published catalogs only (the prioritisation issue); never drafts.
    Action.VIEW_CATALOG: frozenset(_ADMINISTRATION),
    Action.CREATE_PROPOSAL: frozenset({Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER}),
    Action.EDIT_ANY_PROPOSAL: frozenset({Role.BUDGET_OFFICE}),
    Action.EDIT_OWN_PROPOSAL: frozenset({Role.DIRECTOR, Role.OWNER, Role.CONTRIBUTOR}),
    Action.COMMENT: frozenset({Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER, Role.CONTRIBUTOR}),
    Action.VIEW_ACTIVITY: frozenset(_ADMINISTRATION),
    Action.SUBMIT_IDEA: frozenset(_ADMINISTRATION),
    Action.SUBMIT_PARTY_PROPOSAL: frozenset({Role.POLITICIAN}),
    Action.VIEW_IDEAS: frozenset(_ADMINISTRATION),
    Action.SCREEN_IDEAS: frozenset({Role.BUDGET_OFFICE, Role.DIRECTOR}),
    Action.IMPORT_IDEAS: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_GLOSSARY: frozenset({Role.BUDGET_OFFICE}),
    Action.VIEW_PUBLISHED: frozenset(Role),
    Action.PUBLISH_CATALOG: frozenset({Role.BUDGET_OFFICE}),
    Action.IMPORT_PROPOSALS: frozenset({Role.BUDGET_OFFICE}),
    Action.SIMULATE: frozenset(Role),
    Action.OPTIMISE: frozenset({Role.BUDGET_OFFICE, Role.DIRECTOR, Role.POLITICIAN}),
    Action.SET_IMPACT: frozenset({Role.BUDGET_OFFICE}),
    Action.RECORD_DECISIONS: frozenset({Role.BUDGET_OFFICE}),
    Action.VIEW_DECISIONS: frozenset(Role),
    Action.START_NEXT_ROUND: frozenset({Role.BUDGET_OFFICE}),
}


def role_may(role: str | None, action: Action) -> bool:
    return role is not None and Role(role) in PERMISSIONS[action]


def membership_for(user: User, municipality_id: int) -> Membership | None:
    """The user's membership in a municipality, cached on the user object per request."""
    if not user.is_authenticated:
        return None
    cache: dict[int, Membership | None] = user.__dict__.setdefault("_membership_cache", {})
    if municipality_id not in cache:
        cache[municipality_id] = (
            Membership.objects.filter(user=user, municipality_id=municipality_id)
            .select_related("municipality")
            .first()
        )
    return cache[municipality_id]


def role_in(user: User, municipality_id: int) -> str | None:
    membership = membership_for(user, municipality_id)
    return membership.role if membership else None


def require(user: User, municipality_id: int, action: Action) -> Membership:
    """404 for non-members, 403 for members without the right."""
    membership = membership_for(user, municipality_id)
    if membership is None:
        raise Http404(_("Not found"))
    if not role_may(membership.role, action):
        raise PermissionDenied(_("Your role does not allow this."))
    return membership


def municipalities_for(user: User) -> list[Municipality]:
    return [m.municipality for m in Membership.objects.for_user(user).order_by("municipality")]


def get_municipality(user: User, slug: str, action: Action) -> Municipality:
    municipality = Municipality.objects.filter(slug=slug).first()
    if municipality is None:
        raise Http404(_("Not found"))
    require(user, municipality.pk, action)
    return municipality


def get_round(user: User, public_id: UUID | str, action: Action = Action.VIEW_ROUND) -> BudgetRound:
    from raaderum.rounds.models import BudgetRound

    budget_round = (
        BudgetRound.objects.select_related("municipality").filter(public_id=public_id).first()
    )
    if budget_round is None:
        raise Http404(_("Not found"))
    require(user, budget_round.municipality_id, action)
    return budget_round


# Once in the catalog only the budget office changes a proposal; a withdrawn one is reopened first.
EDITABLE_BY_AUTHORS = frozenset({"draft", "submitted", "signed_off", "approved"})


def may_edit_proposal(user: User, proposal: Proposal) -> bool:
    role = role_in(user, proposal.round.municipality_id)
    if proposal.status == "withdrawn":
        return False
    if role_may(role, Action.EDIT_ANY_PROPOSAL):
        return True
    if not role_may(role, Action.EDIT_OWN_PROPOSAL) or proposal.status not in EDITABLE_BY_AUTHORS:
        return False
    return user.pk in (proposal.owner_id, proposal.director_id) or (
        proposal.contributors.filter(pk=user.pk).exists()
    )


def get_proposal(user: User, public_id: UUID | str, *, edit: bool = False) -> Proposal:
    from raaderum.proposals.models import Proposal

    proposal = (
        Proposal.objects.select_related("round__municipality", "committee", "owner", "director")
        .filter(public_id=public_id)
        .first()
    )
    if proposal is None:
        raise Http404(_("Not found"))
    require(user, proposal.round.municipality_id, Action.VIEW_CATALOG)
    if edit and not may_edit_proposal(user, proposal):
        if proposal.status == "withdrawn":
            raise PermissionDenied(_("The proposal is withdrawn. Reopen it to change it."))
        raise PermissionDenied(
            _(
                "Only the proposal's owner, director, contributors and the "
                "budget office may change it."
            )
        )
    return proposal
