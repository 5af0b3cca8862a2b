"""Citizen consultation: citizens choose among the proposals of a published catalog version to
reach a target, comment, and the politicians read the summary.

Answers are anonymous: an answer holds the proposals chosen, whether they reached the target,
the comment and the day it came in (not the time: a time could be matched with a web server's
access log). No address is stored. Duplicates are refused by a one-time token in the form (its
hash is unique per consultation) and a cookie saying the browser has answered; floods by the
rate limit of the consultation (answers per network address in 10 minutes, 5 unless the budget
office raises it for a citizen meeting), counted per salted hash of the address in the cache.
"""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.publication.models import CatalogVersion, PublishedProposal

TITLE_MAX_LENGTH = 200
COMMENT_MAX_LENGTH = 2000
DEFAULT_ANSWERS_PER_ADDRESS = 5  # as the public idea form (raaderum.ideas.spam)
MAX_ANSWERS_PER_ADDRESS = 1000


class ConsultationState(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Consultation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("published catalog"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the citizens are asked and what the answers are used for."),
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(
        _("closes"), help_text=_("Answers are taken to the end of the day.")
    )
    # The råderum to reach per year, kroner, keys are years as strings (JSON): {"2028": 30000000}.
    # Copied from the version's frozen target when the consultation is opened.
    target = models.JSONField(_("target per year"))
    proposals = models.ManyToManyField(
        PublishedProposal,
        related_name="consultations",
        verbose_name=_("proposals"),
    )
    # The flood limit of this form, per network address. Raised for a citizen meeting where
    # everyone answers from the town hall's one connection (raaderum.consultation.tokens).
    answers_per_address = models.PositiveIntegerField(
        _("answers per network address"),
        default=DEFAULT_ANSWERS_PER_ADDRESS,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ANSWERS_PER_ADDRESS)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("citizen consultation")
        verbose_name_plural = _("citizen consultations")
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="consultation_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def state(self, today: date) -> ConsultationState:
        if today < self.opens_on:
            return ConsultationState.UPCOMING
        if today > self.closes_on:
            return ConsultationState.CLOSED
        return ConsultationState.OPEN

    def is_open(self, today: date) -> bool:
        return self.state(today) == ConsultationState.OPEN

    def target_by_year(self) -> dict[int, int]:
        return {int(year): int(amount) for year, amount in self.target.items()}


class Answer(models.Model):
    """One citizen's answer. Nothing in it says who gave it."""

    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("citizen consultation"),
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # SHA-256 of the one-time token the form carried: the same form is never counted twice.
    token = models.CharField(_("form token (hash)"), max_length=64, editable=False)
    submitted_on = models.DateField(_("received"))
    chosen: models.ManyToManyField[PublishedProposal, AnswerChoice] = models.ManyToManyField(
        PublishedProposal,
        through="AnswerChoice",
        related_name="+",
        verbose_name=_("chosen proposals"),
    )
    reached_target = models.BooleanField(_("reached the target"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    comment_hidden = models.BooleanField(_("comment hidden"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("consultation answer")
        verbose_name_plural = _("consultation answers")
        ordering = ["consultation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "token"], name="consultation_answer_once_per_form"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation} – {self.pk}"


class AnswerChoice(models.Model):
    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="choices", verbose_name=_("answer")
    )
    proposal = models.ForeignKey(
        PublishedProposal,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposal"),
    )

    class Meta:
        verbose_name = _("chosen proposal")
        verbose_name_plural = _("chosen proposals")
        constraints = [
            models.UniqueConstraint(fields=["answer", "proposal"], name="proposal_once_per_answer")
        ]

    def __str__(self) -> str:
        return f"{self.answer_id}: {self.proposal_id}"
