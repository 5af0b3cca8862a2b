"""Budget questions: a politician asks, the administration answers, the budget office approves.

A question is numbered per round (no gaps: a number is taken inside the transaction that stores
the question, under a lock on the round, and the pair is unique). It is about a proposal as the
politician read it in a published catalog version, or about the round in general, and is routed
to the proposal's owner, or to whoever the budget office picks, with a deadline in working days.
The answer is visible to the politicians only once the budget office has approved it, and to
the public only if the budget office also marks it public.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.proposals.models import Proposal
from raaderum.publication.models import PublishedProposal
from raaderum.questions import deadlines
from raaderum.rounds.models import BudgetRound

TEXT_MAX_LENGTH = 5000
DEFAULT_WORKING_DAYS = 5


class QuestionStatus(models.TextChoices):
    ASKED = "asked", _("Awaiting answer")
    SUBMITTED = "submitted", _("Awaiting approval")
    APPROVED = "approved", _("Answered")


class QuestionSettings(models.Model):
    """The budget office's settings for a round's questions. Rounds without a row use defaults."""

    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="question_settings",
        verbose_name=_("budget round"),
    )
    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"),
        default=DEFAULT_WORKING_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(deadlines.MAX_WORKING_DAYS)],
        help_text=_(
            "The deadline of a new question is this many working days after it is asked. "
            "Weekends and public holidays do not count."
        ),
    )

    class Meta:
        verbose_name = _("question settings")
        verbose_name_plural = _("question settings")

    def __str__(self) -> str:
        return str(self.round)


def working_days_for(budget_round: BudgetRound) -> int:
    found = QuestionSettings.objects.filter(round=budget_round).values_list(
        "working_days", flat=True
    )
    return found.first() or DEFAULT_WORKING_DAYS


class QuestionQuerySet(models.QuerySet["Question"]):
    def for_list(self) -> QuestionQuerySet:
        """What the list pages and exports show, in a fixed number of queries."""
        return self.select_related(
            "round__municipality",
            "asked_by",
            "assignee",
            "approved_by",
            "published_proposal__version",
            "proposal",
        )

    def unanswered(self) -> QuestionQuerySet:
        return self.exclude(status=QuestionStatus.APPROVED)

    def overdue(self, today: date) -> QuestionQuerySet:
        return self.unanswered().filter(deadline__lt=today)


class Question(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("budget round"),
    )
    number = models.PositiveIntegerField(_("number"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("asked by"),
    )
    # The party as it stood when the question was asked; the public page shows the party only.
    asker_party = models.CharField(_("party group"), max_length=100, blank=True)
    published_proposal = models.ForeignKey(
        PublishedProposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("proposal as published"),
        help_text=_("Empty for a question about the round in general."),
    )
    # The live proposal behind it: the default person to answer, and what a visibility rule
    # for confidential proposals will look at.
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("proposal"),
    )
    text = models.TextField(_("question"), max_length=TEXT_MAX_LENGTH)
    asked_at = models.DateTimeField(_("asked"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_questions",
        verbose_name=_("answered by"),
        help_text=_("Empty: the budget office answers."),
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.ASKED
    )
    answer = models.TextField(_("answer"), blank=True, max_length=TEXT_MAX_LENGTH)
    answer_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answer written by"),
    )
    answer_updated_at = models.DateTimeField(_("answer changed"), null=True, blank=True)
    returned_note = models.TextField(_("note from the budget office"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("The approved answer is shown on the municipality's public pages."),
    )
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("budget question")
        verbose_name_plural = _("budget questions")
        ordering = ["round", "number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="one_question_number")
        ]
        indexes = [models.Index(fields=["round", "status"], name="question_round_status")]

    def __str__(self) -> str:
        return f"{self.round} – {self.number}"

    @property
    def is_answered(self) -> bool:
        return self.status == QuestionStatus.APPROVED

    def is_overdue(self, today: date) -> bool:
        return deadlines.is_overdue(self.deadline, today, answered=self.is_answered)

    @property
    def subject_label(self) -> str:
        """ "BU-03 Færre vikarer", or the round in general."""
        if self.published_proposal_id is None:
            return str(_("The round in general"))
        published = self.published_proposal
        assert published is not None
        return f"{published.code} {published.title}"
