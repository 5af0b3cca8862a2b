"""Impact screening (konsekvensscreening): the municipality's questions, answered per proposal.

The budget office sets the questions (climate, equality, vulnerable citizens, staff...); the
people who may edit a proposal assess it on each question with a score on the question's scale
and a short text. When a catalog version is published the assessments are frozen with it
(PublishedAssessment), so every reader of that version reads them as they were.

Not to be confused with the screening of ideas (raaderum/ideas) or the optimiser's impact score
(raaderum/prioritisation, Proposal.impact_score).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from raaderum.impactscreening import scoring
from raaderum.organisation.models import Municipality
from raaderum.proposals.models import Proposal
from raaderum.publication.models import PublishedProposal

TEXT_MAX_LENGTH = 1000


class Scale(models.TextChoices):
    FIVE = scoring.FIVE, _("Five steps, from clearly negative to clearly positive")
    THREE = scoring.THREE, _("Three steps: negative, no significance, positive")


SCORE_LABELS = {
    scoring.FIVE: {
        -2: _("Clearly negative"),
        -1: _("Somewhat negative"),
        0: _("No significance"),
        1: _("Somewhat positive"),
        2: _("Clearly positive"),
    },
    scoring.THREE: {-1: _("Negative"), 0: _("No significance"), 1: _("Positive")},
}
NOT_ASSESSED_LABEL = _("Not assessed")
BAND_LABELS = {
    scoring.NEGATIVE: _("Negative"),
    scoring.NONE: _("No significance"),
    scoring.POSITIVE: _("Positive"),
    scoring.NOT_ASSESSED: NOT_ASSESSED_LABEL,
}


def score_label(scale: str, score: int | None) -> str:
    if score is None:
        return str(NOT_ASSESSED_LABEL)
    return str(SCORE_LABELS.get(scale, {}).get(score, score))


class ImpactQuestion(models.Model):
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="impact_questions",
        verbose_name=_("municipality"),
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(
        _("title"), max_length=40, help_text=_("A word or two, shown in the catalog, e.g. Climate.")
    )
    question = models.CharField(
        _("question"),
        max_length=300,
        help_text=_("E.g. How does the proposal affect the municipality's CO2 emissions?"),
    )
    help_text = models.TextField(
        _("guidance"),
        blank=True,
        max_length=1000,
        help_text=_("Shown to the person answering: what to consider, where to find figures."),
    )
    scale = models.CharField(_("scale"), max_length=10, choices=Scale.choices, default=Scale.FIVE)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    required = models.BooleanField(
        _("required before submission"),
        default=False,
        help_text=_(
            "A proposal cannot be submitted for quality check (or signed off or added to the "
            "catalog) until this question is assessed."
        ),
    )
    retired = models.BooleanField(
        _("retired"),
        default=False,
        help_text=_("No longer asked; the answers already given stay visible."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("screening question")
        verbose_name_plural = _("screening questions")
        ordering = ["municipality", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "title"], name="impact_question_title_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def score_choices(self) -> list[tuple[int, str]]:
        return [(score, score_label(self.scale, score)) for score in scoring.SCALES[self.scale]]


class ImpactAssessment(models.Model):
    """One proposal's assessment on one question: a score (None = not assessed) and why."""

    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="impact_assessments",
        verbose_name=_("proposal"),
    )
    question = models.ForeignKey(
        ImpactQuestion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("screening question"),
    )
    score = models.SmallIntegerField(_("assessment"), null=True, blank=True)
    text = models.TextField(_("explanation"), blank=True, max_length=TEXT_MAX_LENGTH)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["proposal", "question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "question"], name="one_assessment_per_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id} {self.question}: {self.score}"

    @property
    def score_label(self) -> str:
        return score_label(self.question.scale, self.score)

    @property
    def band(self) -> str:
        return scoring.band(self.score)


class PublishedAssessment(models.Model):
    """An assessment as it stood when the catalog version was published, with the question's
    title, wording and scale as they were then. Every active question gets a row for every
    published proposal, "not assessed" included, so a version knows which questions it had."""

    published = models.ForeignKey(
        PublishedProposal,
        on_delete=models.CASCADE,
        related_name="impact_assessments",
        verbose_name=_("published proposal"),
    )
    # For identity (the filters) and to refuse deleting a question a version shows.
    question = models.ForeignKey(
        ImpactQuestion,
        on_delete=models.PROTECT,
        related_name="published_assessments",
        verbose_name=_("screening question"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=40)
    question_text = models.CharField(_("question"), max_length=300)
    scale = models.CharField(_("scale"), max_length=10, choices=Scale.choices)
    score = models.SmallIntegerField(_("assessment"), null=True, blank=True)
    text = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("published assessment")
        verbose_name_plural = _("published assessments")
        ordering = ["published", "position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["published", "question"], name="published_assessment_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.published_id} {self.title}: {self.score}"

    @property
    def score_label(self) -> str:
        return score_label(self.scale, self.score)

    @property
    def band(self) -> str:
        return scoring.band(self.score)
