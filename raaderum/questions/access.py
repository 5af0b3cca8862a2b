"""Who sees which budget question, and its answer. Every query of questions starts here.

Same rules as raaderum.access: another municipality answers 404, a member without the right 403.
- The budget office sees every question of the round, drafts included.
- Politicians see every question of the round; an answer only once it is approved.
- The rest of the administration sees approved questions and the ones assigned to them.
- The public sees approved answers the budget office marked public.

A later visibility rule (confidential proposals) is added here, in `visible_questions`,
`askable_proposals` and `public_questions`, and every page and export follows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.organisation.models import Role
from raaderum.questions.models import Question, QuestionQuerySet, QuestionStatus

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from raaderum.organisation.models import Municipality, User
    from raaderum.publication.models import CatalogVersion, PublishedProposal
    from raaderum.rounds.models import BudgetRound


def _sees_every_question(role: str | None) -> bool:
    return role in (Role.BUDGET_OFFICE, Role.POLITICIAN)


def visible_questions(user: User, budget_round: BudgetRound) -> QuestionQuerySet:
    """The round's questions this member may see (the caller has checked membership)."""
    role = access.role_in(user, budget_round.municipality_id)
    questions = Question.objects.filter(round=budget_round)
    if not access.role_may(role, Action.VIEW_QUESTIONS):
        return questions.none()
    if _sees_every_question(role):
        return questions
    return questions.filter(Q(status=QuestionStatus.APPROVED) | Q(assignee=user))


def answer_visible(user: User, question: Question) -> bool:
    """Whether the answer text (a draft or the approved one) is shown to the user."""
    if question.is_answered:
        return True
    return may_draft(user, question) or access.role_may(
        access.role_in(user, question.round.municipality_id), Action.APPROVE_ANSWER
    )


def may_draft(user: User, question: Question) -> bool:
    """The assignee, or the budget office, while the answer is not approved.

    Once sent for approval only the budget office changes it (it may polish before approving).
    """
    role = access.role_in(user, question.round.municipality_id)
    if question.is_answered or not access.role_may(role, Action.ANSWER_QUESTION):
        return False
    if access.role_may(role, Action.APPROVE_ANSWER):
        return True
    return question.status == QuestionStatus.ASKED and question.assignee_id == user.pk


def get_question(user: User, public_id: UUID | str) -> Question:
    question = Question.objects.for_list().filter(public_id=public_id).first()
    if question is None:
        raise Http404(_("Not found"))
    membership = access.require(user, question.round.municipality_id, Action.VIEW_QUESTIONS)
    if not _sees_every_question(membership.role) and not (
        question.is_answered or question.assignee_id == user.pk
    ):
        raise PermissionDenied(
            _("The question is not answered yet, and it is not assigned to you.")
        )
    return question


def askable_proposals(user: User, version: CatalogVersion) -> QuerySet[PublishedProposal]:
    """The published proposals a politician may ask about, in catalog order."""
    return version.proposals.order_by("position")


def public_questions(municipality: Municipality) -> QuestionQuerySet:
    """Approved answers the budget office marked public, of every round of the municipality."""
    return Question.objects.filter(
        round__municipality=municipality, status=QuestionStatus.APPROVED, public=True
    )
