"""State changes of the impact screening: questions, assessments, and freezing them on publication.

Assessments are saved like the proposal's other forms: the form says what the user started
from, and a save after someone else's is merged three-way per question, or refused with both
versions shown when the two changed the same question differently. Nothing writes an
assessment in bulk: every change goes through save(), so django-simple-history records it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raaderum.impactscreening import scoring
from raaderum.impactscreening.models import ImpactAssessment, ImpactQuestion, PublishedAssessment
from raaderum.organisation.models import Municipality
from raaderum.proposals import merge
from raaderum.proposals.models import Proposal

if TYPE_CHECKING:
    from raaderum.organisation.models import User
    from raaderum.publication.models import CatalogVersion

# The questions' texts are stored in the product's language, as the activity feed is.
PRODUCT_LANGUAGE = "da"

Answer = tuple[int | None, str]  # (score, explanation)
NO_ANSWER: Answer = (None, "")

# The four questions a municipality starts with: what Danish municipalities screen budget
# proposals for (Middelfart screens every proposal for its climate impact).
DEFAULT_QUESTIONS = (
    {
        "title": gettext_lazy("Climate"),
        "question": gettext_lazy(
            "How does the proposal affect the municipality's CO2 emissions and its climate "
            "adaptation?"
        ),
        "help_text": gettext_lazy(
            "Consider energy, transport, purchases and buildings. More emissions is negative, "
            "less is positive."
        ),
    },
    {
        "title": gettext_lazy("Equality"),
        "question": gettext_lazy(
            "Does the proposal affect women and men, or other groups of citizens, differently?"
        ),
        "help_text": gettext_lazy(
            "E.g. when a service used mostly by one group is reduced, or jobs held mostly by "
            "one gender disappear."
        ),
    },
    {
        "title": gettext_lazy("Vulnerable citizens"),
        "question": gettext_lazy(
            "How does the proposal affect vulnerable citizens, e.g. people with disabilities, "
            "mental illness or little money?"
        ),
        "help_text": gettext_lazy(
            "Consider whether they lose help they depend on, or whether it becomes harder to get."
        ),
    },
    {
        "title": gettext_lazy("Staff"),
        "question": gettext_lazy(
            "How does the proposal affect the staff: jobs, working environment and tasks?"
        ),
        "help_text": gettext_lazy(
            "Fewer jobs or a heavier workload is negative. Say whether the MED committee must "
            "be heard."
        ),
    },
)


class QuestionInUse(Exception):
    """The question has answers or is part of a published catalog: it can only be retired."""


@transaction.atomic
def do_create_default_questions(municipality: Municipality) -> list[ImpactQuestion]:
    """The four default questions, for a municipality that has never had a question."""
    Municipality.objects.select_for_update().filter(pk=municipality.pk).first()
    if ImpactQuestion.objects.filter(municipality=municipality).exists():
        return []
    created = []
    with translation.override(PRODUCT_LANGUAGE):
        for position, values in enumerate(DEFAULT_QUESTIONS, start=1):
            question = ImpactQuestion(
                municipality=municipality,
                position=position,
                **{name: str(text) for name, text in values.items()},
            )
            question.save()
            created.append(question)
    return created


@transaction.atomic
def do_save_question(
    municipality: Municipality, question: ImpactQuestion | None, fields: Mapping[str, object]
) -> ImpactQuestion:
    """Create or change a question; a new one without an order goes last."""
    data = dict(fields)
    if question is None:
        question = ImpactQuestion(municipality=municipality)
    elif "scale" in data and data["scale"] != question.scale and has_answers(question):
        # The form says so in Danish; this is the last line of defence.
        raise ValueError("the scale of an answered question cannot change")
    if data.get("position") is None:
        data.pop("position", None)
        if question.pk is None:
            highest = ImpactQuestion.objects.filter(municipality=municipality).aggregate(
                n=Max("position")
            )["n"]
            question.position = (highest or 0) + 1
    for name, value in data.items():
        setattr(question, name, value)
    question.save()
    return question


def has_answers(question: ImpactQuestion) -> bool:
    """Assessed on some proposal, or frozen into a published catalog."""
    return (
        question.assessments.exists()
        or PublishedAssessment.objects.filter(question=question).exists()
    )


@transaction.atomic
def do_delete_question(question: ImpactQuestion) -> None:
    ImpactQuestion.objects.select_for_update().filter(pk=question.pk).first()
    if has_answers(question):
        raise QuestionInUse(
            _(
                "“%(title)s” has answers or is part of a published catalog, so it cannot be "
                "deleted. Retire it instead: it is then no longer asked, and the answers stay."
            )
            % {"title": question.title}
        )
    question.delete()


def saved_answers(proposal: Proposal, questions: list[ImpactQuestion]) -> dict[int, Answer]:
    """The proposal's stored answers to these questions, as the form reads them."""
    rows = ImpactAssessment.objects.filter(proposal=proposal, question__in=questions).values_list(
        "question_id", "score", "text"
    )
    return {question_id: (score, text) for question_id, score, text in rows}


class StaleAssessments(Exception):
    """Someone else changed an answer the user changed too; nothing was saved."""

    def __init__(
        self, saved: dict[int, Answer], clashes: set[int], merged: dict[int, Answer]
    ) -> None:
        self.saved = saved
        self.clashes = clashes
        self.merged = merged
        super().__init__(_("The screening was changed by someone else while you were editing."))


@transaction.atomic
def do_save_assessments(
    proposal: Proposal,
    typed: Mapping[int, Answer],
    started: Mapping[int, Answer] | None,
    *,
    user: User,
) -> bool:
    """Save the typed answers (question id -> (score, text)); True when another person's newer
    answers to other questions were kept (merged in).

    `started` is what the form showed; a question both people changed differently raises
    StaleAssessments and saves nothing. The caller has validated the scores against the scales.
    """
    # One save at a time per proposal: the second waits, then merges against the first.
    Proposal.objects.select_for_update().filter(pk=proposal.pk).first()
    questions = {
        q.pk: q
        for q in ImpactQuestion.objects.filter(
            municipality_id=proposal.round.municipality_id, pk__in=list(typed)
        )
    }
    if set(typed) - set(questions):
        raise ValueError("question of another municipality")
    for key, (score, _text) in typed.items():
        if not scoring.is_valid(questions[key].scale, score):
            raise ValueError("score outside the question's scale")
    existing = {
        a.question_id: a
        for a in ImpactAssessment.objects.filter(proposal=proposal, question_id__in=list(typed))
    }
    saved = {key: (a.score, a.text) for key, a in existing.items()}
    original = None if started is None else {k: v for k, v in started.items() if k in typed}
    merged, clashes = merge.three_way(original, saved, dict(typed), missing=NO_ANSWER)
    if clashes:
        raise StaleAssessments(saved, clashes, merged)
    for key in typed:
        value = merged[key]
        if value == saved.get(key, NO_ANSWER):
            continue
        assessment = existing.get(key) or ImpactAssessment(proposal=proposal, question_id=key)
        assessment.score, assessment.text = value
        assessment.updated_by = user
        assessment._history_user = user  # type: ignore[attr-defined]
        assessment.save()
    return any(merged[key] != typed[key] for key in typed)


def missing_required(proposal: Proposal) -> list[str]:
    """The titles of the required questions the proposal has not assessed yet; for the
    workflow's check before submission (see proposals.workflow.Situation)."""
    required = list(
        ImpactQuestion.objects.filter(
            municipality_id=proposal.round.municipality_id, required=True, retired=False
        ).values_list("pk", "title")
    )
    if not required:
        return []
    scores = dict(
        ImpactAssessment.objects.filter(
            proposal=proposal, question_id__in=[pk for pk, _title in required]
        ).values_list("question_id", "score")
    )
    return scoring.missing_required(required, scores)


def freeze_assessments(version: CatalogVersion) -> int:
    """Copy the assessments of the version's proposals into it, one row per active question
    and published proposal ("not assessed" included). Called by do_publish_catalog, inside its
    transaction; returns the number of rows."""
    questions = list(
        ImpactQuestion.objects.filter(
            municipality_id=version.round.municipality_id, retired=False
        ).order_by("position", "pk")
    )
    published = list(version.proposals.values_list("pk", "proposal_id"))
    if not questions or not published:
        return 0
    answers = {
        (proposal_id, question_id): (score, text)
        for proposal_id, question_id, score, text in ImpactAssessment.objects.filter(
            proposal_id__in=[live for _pk, live in published], question__in=questions
        ).values_list("proposal_id", "question_id", "score", "text")
    }
    rows = [
        PublishedAssessment(
            published_id=pk,
            question=question,
            position=position,
            title=question.title,
            question_text=question.question,
            scale=question.scale,
            score=answers.get((live, question.pk), NO_ANSWER)[0],
            text=answers.get((live, question.pk), NO_ANSWER)[1],
        )
        for pk, live in published
        for position, question in enumerate(questions, start=1)
    ]
    PublishedAssessment.objects.bulk_create(rows)
    return len(rows)
