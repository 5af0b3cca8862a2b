"""Follow-up of adopted proposals: implementation, and the gains realised year by year.

An adopted proposal (a `Decision` with outcome adopted) becomes an `Initiative`. Its expected
råderum per year starts as the adopted effects (the published snapshot) and changes only by a
recorded `InitiativeDecision` (adjust or close). Each year, with the accounts, the owner enters a
`Realisation` for the accounts year; the budget office approves it or sends it back. A
`FollowUpCycle` gives that yearly round of entries its deadlines.

Amounts are råderum in whole kroner: positive = money freed (the opposite sign of an effect), the
way catalogs and the follow-up report show them.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from raaderum.decisions.models import Decision
from raaderum.organisation.models import Municipality, User
from raaderum.publication.models import PublishedProposal
from raaderum.rounds.models import YEAR_VALIDATORS, BudgetRound


class FollowUpCycle(models.Model):
    """The yearly follow-up with the accounts of one year (regnskabsår)."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="followup_cycles",
        verbose_name=_("municipality"),
    )
    accounts_year = models.PositiveSmallIntegerField(_("accounts year"), validators=YEAR_VALIDATORS)
    entry_deadline = models.DateField(_("deadline for the owners' assessments"))
    review_deadline = models.DateField(_("deadline for the budget office's review"))
    note = models.TextField(_("note"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opened by"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow-up cycle")
        verbose_name_plural = _("follow-up cycles")
        ordering = ["municipality", "-accounts_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "accounts_year"], name="one_cycle_per_accounts_year"
            )
        ]

    def __str__(self) -> str:
        return str(self.accounts_year)


class InitiativeStatus(models.TextChoices):
    ACTIVE = "active", _("Being implemented")
    CLOSED = "closed", _("Closed")


class Initiative(models.Model):
    """An adopted proposal followed up until it is closed."""

    decision = models.OneToOneField(
        Decision,
        on_delete=models.PROTECT,
        related_name="initiative",
        verbose_name=_("decision"),
    )
    # Denormalised from decision → agreement → round for the many per-municipality queries.
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="initiatives",
        verbose_name=_("municipality"),
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("responsible person"),
    )
    # What the public sees instead of a person's name (no personal data on public pages).
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.ACTIVE,
    )
    # Expected råderum per year, kroner, keys are years as strings (JSON): {"2027": 1500000}.
    # Starts as the adopted snapshot's headroom; changed only through an InitiativeDecision.
    expected = models.JSONField(_("expected råderum per year"))
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["municipality", "decision__agreement__round", "decision__published__position"]

    def __str__(self) -> str:
        return self.decision.published.code

    def expected_by_year(self) -> dict[int, int]:
        return {int(year): int(amount) for year, amount in self.expected.items()}

    @property
    def published(self) -> PublishedProposal:
        """The adopted proposal as published: code, title, type, committee, summary."""
        return self.decision.published

    @property
    def round(self) -> BudgetRound:
        return self.decision.agreement.round

    @property
    def responsible_or_owner(self) -> User:
        """Who answers for the follow-up: the responsible person, else the proposal's owner."""
        return self.responsible or self.decision.published.proposal.owner

    @property
    def years(self) -> list[int]:
        """The proposal's period: only these years can be assessed."""
        return sorted(self.expected_by_year())

    def has_entries(self) -> bool:
        """Has anyone entered follow-up: milestones, assessments or decisions?"""
        return self.milestones.exists() or self.realisations.exists() or self.decisions.exists()


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")


class Milestone(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="milestones",
        verbose_name=_("initiative"),
    )
    title = models.CharField(_("milestone"), max_length=200)
    due = models.DateField(_("due"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=MilestoneStatus.choices,
        default=MilestoneStatus.PLANNED,
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["initiative", "due", "pk"]

    def __str__(self) -> str:
        return self.title


class DecisionKind(models.TextChoices):
    ADJUST = "adjust", _("Expected amounts adjusted")
    CLOSE = "close", _("Closed")
    REOPEN = "reopen", _("Reopened")


class InitiativeDecision(models.Model):
    """A recorded decision to adjust an initiative's expected amounts, close or reopen it."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("initiative"),
    )
    kind = models.CharField(_("decision"), max_length=10, choices=DecisionKind.choices)
    reason = models.TextField(_("reason"))
    reference = models.CharField(_("reference (e.g. committee meeting)"), max_length=200)
    expected_before = models.JSONField(_("expected before"))
    expected_after = models.JSONField(_("expected after"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up decision")
        verbose_name_plural = _("follow-up decisions")
        ordering = ["initiative", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.kind}"


class RealisationStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    NOT_REALISED = "not_realised", _("Not realised")
    EXCEEDED = "exceeded", _("Exceeded")
    CLOSED = "closed", _("Closed")


class ReviewState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting review")
    RETURNED = "returned", _("Sent back")
    APPROVED = "approved", _("Approved")


class Realisation(models.Model):
    """The owner's assessment of one year: realised råderum, status, why, what was learned."""

    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.CASCADE,
        related_name="realisations",
        verbose_name=_("initiative"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    cycle = models.ForeignKey(
        FollowUpCycle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="realisations",
        verbose_name=_("follow-up cycle"),
    )
    realised = models.BigIntegerField(_("realised råderum (kr.)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=14, choices=RealisationStatus.choices, blank=True
    )
    assessment = models.TextField(_("assessment: why"), blank=True)
    learning = models.TextField(_("what was learned"), blank=True)
    state = models.CharField(
        _("review"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_note = models.TextField(_("the budget office's note"), blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        ordering = ["initiative", "year"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "year"], name="one_realisation_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id} {self.year}"

    @property
    def approved(self) -> bool:
        return self.state == ReviewState.APPROVED

    @property
    def entered(self) -> bool:
        """Has anything been typed (a saved draft may still be empty)?"""
        return self.realised is not None or bool(
            self.status or self.assessment.strip() or self.learning.strip()
        )


class Evidence(models.Model):
    """A document behind an assessment (stored in the database, served after an access check)."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    realisation = models.ForeignKey(
        Realisation,
        on_delete=models.CASCADE,
        related_name="evidence",
        verbose_name=_("realisation"),
    )
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    content = models.BinaryField(_("file"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["realisation", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.name
