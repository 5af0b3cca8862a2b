"""Ideas before they are costed, and the screening that turns them into proposals or not.

An idea's estimated amount is typed by people who are not budget experts, so it is stored the way
they think of it: a positive amount frees money. That is the opposite of the sign of effects
(proposals.Effect, negative frees money); the screening compares it with the round's minimum as a
positive figure, and nothing adds it to the catalog's totals.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import Committee
from raaderum.proposals.models import Origin, Proposal
from raaderum.rounds.models import YEAR_VALIDATORS, BudgetRound, PhaseKind

# Party groups write their proposals while ideas are collected, and again once they have read
# the catalog, up to and during the negotiation, so that the administration can cost them before
# the budget agreement (KL: 5-15 proposals per party).
PARTY_PROPOSAL_PHASES = frozenset({PhaseKind.IDEAS, PhaseKind.CATALOG, PhaseKind.NEGOTIATION})

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 5000


def accepts_party_proposals(budget_round: BudgetRound) -> bool:
    return budget_round.current_phase in PARTY_PROPOSAL_PHASES


class IdeaStatus(models.TextChoices):
    NEW = "new", _("Awaiting screening")
    PASSED = "passed", _("Passed screening")
    REJECTED = "rejected", _("Rejected at screening")
    MERGED = "merged", _("Merged with another idea")


class IdeaQuerySet(models.QuerySet["Idea"]):
    def for_list(self) -> IdeaQuerySet:
        """What the round's idea list shows, in a fixed number of queries."""
        return self.select_related("submitted_by", "committee", "proposal__committee")


class Idea(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("budget round")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)
    origin = models.CharField(_("origin"), max_length=30, choices=Origin.choices)
    party_name = models.CharField(
        _("party group"), max_length=100, blank=True, help_text=_("For party proposals.")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("submitted by"),
        help_text=_(
            "The member who submitted the idea; empty for ideas from the public form and for "
            "ideas entered in bulk."
        ),
    )
    submitter_name = models.CharField(
        _("name"), max_length=200, blank=True, help_text=_("Optional, for citizens' ideas.")
    )
    submitter_email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Optional, for citizens' ideas. Shown to the budget office only."),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("suggested committee"),
    )
    estimated_amount = models.BigIntegerField(
        _("estimated amount a year (kr.)"),
        null=True,
        blank=True,
        help_text=_(
            "A rough estimate is fine. A positive amount is money the idea frees each year; "
            "a negative amount is what it costs."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_ideas",
        verbose_name=_("merged into"),
    )
    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="idea",
        verbose_name=_("proposal"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("screened by"),
    )
    decided_at = models.DateTimeField(_("screened"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["round", "-created_at", "-pk"]
        indexes = [models.Index(fields=["round", "status"], name="idea_round_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Not yet screened: it may still be passed, rejected or merged."""
        return self.status == IdeaStatus.NEW

    def submitter_label(self) -> str:
        """Who the idea is from, never the e-mail address (that is for the budget office)."""
        if self.submitter_name:
            return self.submitter_name
        return str(self.submitted_by) if self.submitted_by_id is not None else ""


class ScreeningRules(models.Model):
    """The round's standard screening criteria; an empty rule is not checked."""

    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="screening_rules",
        verbose_name=_("budget round"),
    )
    min_amount = models.BigIntegerField(
        _("minimum amount a year (kr.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("An idea should free at least this much each year when fully phased in."),
    )
    latest_full_effect_year = models.PositiveSmallIntegerField(
        _("full effect no later than"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The latest year in which the idea must have its full effect."),
    )

    class Meta:
        verbose_name = _("screening rules")
        verbose_name_plural = _("screening rules")

    def __str__(self) -> str:
        return str(self.round)


class ScreeningCriterion(models.Model):
    """A criterion of the budget office's own, answered yes or no for every idea."""

    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="screening_criteria",
        verbose_name=_("budget round"),
    )
    text = models.CharField(
        _("criterion"),
        max_length=300,
        help_text=_("A question answered yes or no, e.g. “Can it be done without new IT?”"),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("screening criterion")
        verbose_name_plural = _("screening criteria")
        ordering = ["round", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class Assessment(models.Model):
    """The screening of one idea: the screener's own estimate and the answers to the criteria."""

    idea = models.OneToOneField(
        Idea, on_delete=models.CASCADE, related_name="assessment", verbose_name=_("idea")
    )
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    assessed_at = models.DateTimeField(_("assessed"))
    estimated_amount = models.BigIntegerField(
        _("estimated amount a year (kr.)"),
        null=True,
        blank=True,
        help_text=_(
            "Your estimate of what the idea frees each year when fully phased in. A positive "
            "amount frees money."
        ),
    )
    full_effect_year = models.PositiveSmallIntegerField(
        _("year of full effect"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    needs_political_decision = models.BooleanField(
        _("needs a political decision"),
        null=True,
        blank=True,
        default=None,  # not assessed yet
        help_text=_(
            "Ideas the administration can carry out on its own do not belong in the catalog."
        ),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def __str__(self) -> str:
        return str(self.idea)


class CriterionAnswer(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("assessment")
    )
    criterion = models.ForeignKey(
        ScreeningCriterion,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("criterion"),
    )
    met = models.BooleanField(_("met"))
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("answer to a criterion")
        verbose_name_plural = _("answers to criteria")
        ordering = ["assessment", "criterion__position", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="one_answer_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.met}"
