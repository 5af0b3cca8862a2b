"""A round's written strategy, and the evaluation of the round when it is over.

KL advises a written strategy for the råderum work (purpose, goals, the ways to headroom used,
the knowledge it builds on, stakeholders, ownership); Norddjurs evaluated its first round with
its participants and wanted the lessons carried into the next. The evaluation is anonymous:
an answer is stored without the person and without a time, and a separate record says only that
the person has answered, so that nobody answers twice and no answer can be traced to anyone.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.rounds.models import BudgetRound

SCALE = range(1, 6)
TEXT_ANSWER_MAX_LENGTH = 3000


class HeadroomWay(models.TextChoices):
    """The five ways to headroom of KL's pamphlet "Råderum i budgetprocessen" (2022, a survey of
    91 kommuner; quoted in ../shared/DESIGN.md without the list). The names here are our reading:
    a search of KL's pages found the theme again in Nyhedsbrevet Råderum nr. 59 (2025), "Vælg
    vejene til råderum frem for at vejene vælges for jer" (kl.dk), but no verbatim list, so
    check the wording against the pamphlet. Stored as these codes in a list, so a label can be
    corrected without touching saved strategies."""

    ACROSS_THE_BOARD = "across_the_board", _("Across-the-board reduction or efficiency target")
    TARGETED = "targeted", _("Targeted proposals for savings and efficiency")
    INVESTMENT = "investment", _("Investments that free money later")
    ANALYSIS = "analysis", _("Analyses and benchmarking of spending areas")
    INVOLVEMENT = "involvement", _("New ideas from staff, citizens and other municipalities")


class RoundStrategy(models.Model):
    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="strategy",
        verbose_name=_("budget round"),
    )
    purpose = models.TextField(_("purpose"), blank=True, max_length=3000)
    goals = models.TextField(_("goals"), blank=True, max_length=3000)
    ways = models.JSONField(_("ways to headroom"), default=list, blank=True)
    knowledge_base = models.TextField(_("knowledge base"), blank=True, max_length=3000)
    stakeholders = models.TextField(_("stakeholders"), blank=True, max_length=3000)
    ownership = models.TextField(_("ownership"), blank=True, max_length=3000)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )

    class Meta:
        verbose_name = _("round strategy")
        verbose_name_plural = _("round strategies")

    def __str__(self) -> str:
        return str(self.round)

    def way_labels(self) -> list[str]:
        """The chosen ways in the order of the list, unknown codes left out."""
        return [str(way.label) for way in HeadroomWay if way.value in self.ways]

    @property
    def is_empty(self) -> bool:
        return not any(
            [
                self.purpose,
                self.goals,
                self.ways,
                self.knowledge_base,
                self.stakeholders,
                self.ownership,
            ]
        )


class Evaluation(models.Model):
    """The questionnaire at the end of a round, to every member of the municipality."""

    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("budget round"),
    )
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        max_length=2000,
        help_text=_("Shown above the questions, e.g. why you ask and what happens with answers."),
    )
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="evaluation_closes_after_it_opens",
                violation_error_message=_("The last day must be on or after the first day."),
            )
        ]

    def __str__(self) -> str:
        return str(self.round)

    def is_open(self, today: date) -> bool:
        return self.opens_on <= today <= self.closes_on

    def has_closed(self, today: date) -> bool:
        return today > self.closes_on


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale from 1 to 5")
    TEXT = "text", _("Free text")


class Question(models.Model):
    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("evaluation"),
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=10, choices=QuestionKind.choices)
    low_label = models.CharField(
        _("label of 1"), max_length=60, blank=True, help_text=_("For a scale, e.g. “Disagree”.")
    )
    high_label = models.CharField(
        _("label of 5"), max_length=60, blank=True, help_text=_("For a scale, e.g. “Agree”.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["evaluation", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Participation(models.Model):
    """That a member has answered, and nothing else: no time, no link to the answers."""

    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("evaluation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "user"], name="answer_an_evaluation_once")
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} – {self.user}"


class Response(models.Model):
    """One person's answers, without the person and without a time. A random id, so that the
    order of ids does not match the order of the participation records either."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("evaluation"),
    )

    class Meta:
        verbose_name = _("anonymous response")
        verbose_name_plural = _("anonymous responses")

    def __str__(self) -> str:
        return str(self.evaluation)


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response")
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    scale_value = models.PositiveSmallIntegerField(
        _("value"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(_("answer"), blank=True, max_length=TEXT_ANSWER_MAX_LENGTH)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]

    def __str__(self) -> str:
        return str(self.question)


class Lesson(models.Model):
    """What the budget office learnt from the evaluation; shown on the next round's page."""

    evaluation = models.ForeignKey(
        Evaluation,
        on_delete=models.CASCADE,
        related_name="lessons",
        verbose_name=_("evaluation"),
    )
    text = models.TextField(_("lesson"), max_length=1000)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
        ordering = ["evaluation", "position", "pk"]

    def __str__(self) -> str:
        return self.text[:60]
