"""Who sees which budget question, and its answer. Every query of questions starts here.

Same rules as raaderum.access: another municipality answers 404, a member without the right 403.
- The budget office sees every question of the round, drafts included.
- Politicians see every question of the round; an answer only once it is approved.
- The rest of the administration sees approved questions and the ones assigned to them.
- The public sees approved answers the budget office marked public.

Confidentiality (raaderum.confidentiality.rules) applies on top, in `visible_questions`,
`askable_proposals`, `get_question` and `public_questions`, and every page and export follows:
a question about a proposal the reader may not see is not shown to them (politicians never see
one about an internal proposal, nor ask one), and a public answer about a proposal stays off the
public pages until the proposal is public.
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
from raaderum.confidentiality import visibility
from raaderum.organisation.models import Role
from raaderum.questions.models import Question, QuestionQuerySet, QuestionStatus

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from raaderum.organisation.models import Municipality, User
    from raaderum.publication.models import CatalogVersion, PublishedProposal
    from raaderum.rounds.models import BudgetRound


def _sees_every_question(role: str | None) -> bool:
    return role in (Role.BUDGET_OFFICE, Role.POLITICIAN)


def _about_visible(questions: QuestionQuerySet, role: str | None) -> QuestionQuerySet:
    """Questions about the round, or about a published proposal the role may see today."""
    questions = visibility.visible_versions(questions, role, prefix="published_proposal__version__")
    return visibility.visible_published(questions, role, prefix="published_proposal__")


def visible_questions(user: User, budget_round: BudgetRound) -> QuestionQuerySet:
    """The round's questions this member may see (the caller has checked membership)."""
    role = access.role_in(user, budget_round.municipality_id)
    questions = _about_visible(Question.objects.filter(round=budget_round), role)
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
    if not _about_visible(Question.objects.filter(pk=question.pk), membership.role).exists():
        raise Http404(_("Not found"))
    if not _sees_every_question(membership.role) and not (
        question.is_answered or question.assignee_id == user.pk
    ):
        raise PermissionDenied(
            _("The question is not answered yet, and it is not assigned to you.")
        )
    return question


def askable_proposals(user: User, version: CatalogVersion) -> QuerySet[PublishedProposal]:
    """The published proposals a politician may ask about, in catalog order: those they may
    see (none of a version they may not see)."""
    role = access.role_in(user, version.round.municipality_id)
    if not visibility.may_see_version(role, version):
        return version.proposals.none()
    return visibility.visible_published(version.proposals.order_by("position"), role)


def public_questions(municipality: Municipality) -> QuestionQuerySet:
    """Approved answers the budget office marked public, of every round of the municipality."""
    return _about_visible(
        Question.objects.filter(
            round__municipality=municipality, status=QuestionStatus.APPROVED, public=True
        ),
        None,
    )
