"""Who may do what: the role × action table and one access helper per model.

Views load every object through these helpers. An object of a municipality the user is not a
member of answers 404 (its existence is not revealed); a member without the right answers 403.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, TypeVar
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Model, OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum.organisation.models import Membership, Municipality, Role

if TYPE_CHECKING:
    from raaderum.organisation.models import User
    from raaderum.proposals.models import Proposal
    from raaderum.rounds.models import BudgetRound

_M = TypeVar("_M", bound=Model)


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
    # Budget questions: raaderum/questions/access.py decides which questions each role sees.
    VIEW_QUESTIONS = "view_questions"  # the round's questions; answers once approved
    ASK_QUESTION = "ask_question"  # about a published proposal or the round
    ANSWER_QUESTION = "answer_question"  # draft the answer, to questions assigned to the user
    APPROVE_ANSWER = "approve_answer"  # approve an answer or send it back with a note
    MANAGE_QUESTIONS = "manage_questions"  # route, set deadlines and make answers public
    # Citizen consultation over a published catalog version.
    MANAGE_CONSULTATION = "manage_consultation"  # open, change, hide abusive comments
    VIEW_CONSULTATION_SUMMARY = "view_consultation_summary"  # the summary and its exports
    MANAGE_PUBLICITY = "manage_publicity"  # what of a round the public page and open data show
    # Follow-up of adopted proposals: raaderum/followup/access.py decides per initiative.
    VIEW_FOLLOWUP = "view_followup"  # initiatives, realised gains (unapproved: administration)
    ENTER_REALISATION = "enter_realisation"  # milestones and assessments, of one's own initiatives
    REVIEW_REALISATION = "review_realisation"  # approve an assessment or send it back
    MANAGE_FOLLOWUP = "manage_followup"  # cycles, and adjusting, closing or reopening initiatives
    # The idea bank is shared by the installation: raaderum/ideabank/access.py has its rules.
    VIEW_IDEA_BANK = "view_idea_bank"  # search, read and export every municipality's entries
    MANAGE_IDEA_BANK = "manage_idea_bank"  # add, import, share; change the own municipality's
    USE_BANK_IDEA = "use_bank_idea"  # bring an entry into an own round as an idea
    # Round strategy and end-of-round evaluation (raaderum/evaluation).
    SET_STRATEGY = "set_strategy"  # purpose, goals, ways to headroom, stakeholders, ownership
    MANAGE_EVALUATION = "manage_evaluation"  # questions, dates, summary of answers, lessons
    ANSWER_EVALUATION = "answer_evaluation"  # answer the questionnaire once, anonymously
    # Key figures, potential and the distribution of a round's target (raaderum/benchmark).
    VIEW_BENCHMARK = "view_benchmark"  # key figures, potential, the target's distribution
    MANAGE_BENCHMARK = "manage_benchmark"  # import statistics, groups, settings, distribute
    # Confidentiality (raaderum/confidentiality/rules.py decides who reads which level).
    SET_VISIBILITY = "set_visibility"  # of a published version or a proposal, and its release
    VIEW_ACCESS_LOG = "view_access_log"  # who saw confidential material; exports for aktindsigt
    # Impact screening (raaderum/impactscreening); answering follows EDIT_*_PROPOSAL.
    MANAGE_IMPACT_QUESTIONS = "manage_impact_questions"  # the municipality's screening questions


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
    Action.VIEW_QUESTIONS: frozenset(Role),
    Action.ASK_QUESTION: frozenset({Role.POLITICIAN}),
    # Readers read; the others write answers, each only to the questions assigned to them.
    Action.ANSWER_QUESTION: frozenset(
        {Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER, Role.CONTRIBUTOR}
    ),
    Action.APPROVE_ANSWER: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_QUESTIONS: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_CONSULTATION: frozenset({Role.BUDGET_OFFICE}),
    Action.VIEW_CONSULTATION_SUMMARY: frozenset(
        {Role.BUDGET_OFFICE, Role.DIRECTOR, Role.POLITICIAN}
    ),
    Action.MANAGE_PUBLICITY: frozenset({Role.BUDGET_OFFICE}),
    Action.VIEW_FOLLOWUP: frozenset(Role),
    # The budget office for every initiative; owners and directors for those they answer for.
    Action.ENTER_REALISATION: frozenset({Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER}),
    Action.REVIEW_REALISATION: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_FOLLOWUP: frozenset({Role.BUDGET_OFFICE}),
    # A member of any municipality of the installation reads every entry; only a budget office
    # changes the bank, and only its own municipality's entries.
    Action.VIEW_IDEA_BANK: frozenset(Role),
    Action.MANAGE_IDEA_BANK: frozenset({Role.BUDGET_OFFICE}),
    Action.USE_BANK_IDEA: frozenset(_ADMINISTRATION),
    Action.SET_STRATEGY: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_EVALUATION: frozenset({Role.BUDGET_OFFICE}),
    # Every member took part in the round in some role, politicians too.
    Action.ANSWER_EVALUATION: frozenset(Role),
    # The administration and the politicians: committees must see their share of the target.
    Action.VIEW_BENCHMARK: frozenset(Role),
    Action.MANAGE_BENCHMARK: frozenset({Role.BUDGET_OFFICE}),
    Action.SET_VISIBILITY: frozenset({Role.BUDGET_OFFICE}),
    Action.VIEW_ACCESS_LOG: frozenset({Role.BUDGET_OFFICE}),
    Action.MANAGE_IMPACT_QUESTIONS: frozenset({Role.BUDGET_OFFICE}),
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


def with_role(queryset: QuerySet[_M], user: User, municipality: str) -> QuerySet[_M]:
    """`queryset` with a `user_role` column: the user's role in each row's municipality.

    `municipality` is the path to the municipality's id, e.g. "round__municipality_id". Loading
    an object and deciding access is then one query; check the column with require_role(). For
    views answering often enough that the membership query shows (the simulator's toggle).
    """
    roles = Membership.objects.filter(user_id=user.pk, municipality_id=OuterRef(municipality))
    return queryset.annotate(user_role=Subquery(roles.values("role")[:1]))


def role_of(user: User, municipality_id: int) -> str | None:
    """The user's role in the municipality: one small query, no objects, nothing cached.

    role_in() for a view that answers often and needs nothing else of the membership (the
    simulator's toggle, several a second). Plain SQL on purpose: building the same query with
    the ORM costs a toggle about 0.6 ms, more than running it. Tested against role_in() in
    raaderum/tests/test_role_of.py.
    """
    meta = Membership._meta
    quote = connection.ops.quote_name
    # Only the model's own table and column names go into the text, quoted; values are params.
    sql = (
        f"SELECT {quote(meta.get_field('role').column)} FROM {quote(meta.db_table)} "  # noqa: S608
        f"WHERE {quote(meta.get_field('user').column)} = %s "
        f"AND {quote(meta.get_field('municipality').column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk, municipality_id])
        row = cursor.fetchone()
    return row[0] if row else None


def require_role(role: str | None, action: Action) -> None:
    """require() for a role read with with_role(): 404 for non-members, 403 without the right."""
    if role is None:
        raise Http404(_("Not found"))
    if not role_may(role, action):
        raise PermissionDenied(_("Your role does not allow this."))


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
