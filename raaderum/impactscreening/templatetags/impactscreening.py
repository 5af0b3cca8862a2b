"""The impact screening on a proposal's page: `{% impact_screening proposal %}`.

The answers to the municipality's questions (a retired question only where it was answered),
what is still required before submission, and the history of the answers (who, when, before
and after, from django-simple-history).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django import template

from raaderum.impactscreening.models import ImpactAssessment, ImpactQuestion, score_label
from raaderum.impactscreening.published import assessments_of
from raaderum.proposals.models import Proposal
from raaderum.publication.models import PublishedProposal

register = template.Library()


@dataclass
class AnswerChange:
    at: datetime
    user: object
    title: str
    before: str
    after: str


def _shown(score: int | None, text: str, scale: str) -> str:
    label = score_label(scale, score)
    return f"{label}: {text}" if text else label


def answer_history(proposal: Proposal, questions: dict[int, ImpactQuestion]) -> list[AnswerChange]:
    """Every change of the proposal's answers, newest first."""
    records = (
        ImpactAssessment.history.filter(proposal_id=proposal.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    last: dict[int, tuple[int | None, str]] = {}
    changes = []
    for record in records:
        question = questions.get(record.question_id)
        if question is None:
            continue
        previous = last.get(record.question_id)
        before = "–" if previous is None else _shown(*previous, question.scale)
        after = _shown(record.score, record.text, question.scale)
        changes.append(
            AnswerChange(record.history_date, record.history_user, question.title, before, after)
        )
        last[record.question_id] = (record.score, record.text)
    changes.reverse()
    return changes


@register.inclusion_tag("impactscreening/_proposal_panel.html", takes_context=True)
def impact_screening(context: template.Context, proposal: Proposal) -> dict[str, Any]:
    questions = {
        q.pk: q
        for q in ImpactQuestion.objects.filter(municipality_id=proposal.round.municipality_id)
    }
    answers = {a.question_id: a for a in ImpactAssessment.objects.filter(proposal=proposal)}
    rows = [
        (question, answers.get(pk))
        for pk, question in questions.items()
        if not question.retired or pk in answers
    ]
    missing = [
        question.title
        for pk, question in questions.items()
        if question.required
        and not question.retired
        and (pk not in answers or answers[pk].score is None)
    ]
    return {
        "proposal": proposal,
        "rows": rows,
        "missing": missing,
        "may_edit": context.get("may_edit", False),
        "asks": any(not q.retired for q in questions.values()),
        "changes": answer_history(proposal, questions) if answers else [],
    }


@register.inclusion_tag("impactscreening/_published_panel.html")
def published_screening(published: PublishedProposal) -> dict[str, Any]:
    """A published proposal's frozen assessments: as they were when the version was published."""
    return {"assessments": assessments_of(published.pk)}
