"""What the council decided on a published catalog, and what went on to the next round.

A budget agreement is taken on one published catalog version; each of its proposals is adopted,
rejected or deferred. A rejected proposal may be allowed back from a later budget year (the
cooling-off period, karensperiode). A `CarryOver` records each proposal copied into a new round,
and a `CoolingOffOverride` the budget office's reason for letting a proposal entered by hand
(with `Proposal.previous` set) be presented again within its cooling-off period.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import Municipality
from raaderum.proposals.models import Proposal
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.rounds.models import YEAR_VALIDATORS, BudgetRound

DEFAULT_COOLING_OFF_ROUNDS = 1


class DecisionSettings(models.Model):
    """A municipality's rules for decisions; absent means the defaults."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="decision_settings",
        verbose_name=_("municipality"),
    )
    cooling_off_rounds = models.PositiveSmallIntegerField(
        _("cooling-off period (rounds)"),
        default=DEFAULT_COOLING_OFF_ROUNDS,
        validators=[MaxValueValidator(10)],
        help_text=_(
            "How many budget rounds a rejected proposal must skip before it may be presented "
            "again. 1 means it is not presented two years running."
        ),
    )

    class Meta:
        verbose_name = _("decision settings")
        verbose_name_plural = _("decision settings")

    def __str__(self) -> str:
        return str(self.municipality)

    @staticmethod
    def cooling_off_for(municipality_id: int) -> int:
        found = (
            DecisionSettings.objects.filter(municipality_id=municipality_id)
            .values_list("cooling_off_rounds", flat=True)
            .first()
        )
        return DEFAULT_COOLING_OFF_ROUNDS if found is None else found


def default_return_year(budget_round: BudgetRound) -> int:
    """The first budget year a proposal rejected in this round may come back in."""
    return (
        budget_round.budget_year
        + 1
        + DecisionSettings.cooling_off_for(budget_round.municipality_id)
    )


class BudgetAgreement(models.Model):
    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="agreement",
        verbose_name=_("budget round"),
    )
    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.PROTECT,
        related_name="agreements",
        verbose_name=_("published catalog"),
    )
    body = models.CharField(_("decided by"), max_length=120)
    date = models.DateField(_("date of the decision"))
    reference = models.CharField(_("reference"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("budget agreement")
        verbose_name_plural = _("budget agreements")
        ordering = ["round"]

    def __str__(self) -> str:
        return self.reference


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("Adopted")
    REJECTED = "rejected", _("Rejected")
    DEFERRED = "deferred", _("Deferred")


class Decision(models.Model):
    agreement = models.ForeignKey(
        BudgetAgreement,
        on_delete=models.CASCADE,
        related_name="decisions",
        verbose_name=_("budget agreement"),
    )
    published = models.ForeignKey(
        PublishedProposal,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("proposal"),
    )
    outcome = models.CharField(_("decision"), max_length=10, choices=Outcome.choices)
    note = models.TextField(_("note"), blank=True)
    may_return = models.BooleanField(_("may be presented again"), default=False)
    return_from_year = models.PositiveSmallIntegerField(
        _("may be presented again from budget"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["agreement", "published__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "published"], name="one_decision_per_proposal"
            )
        ]

    def __str__(self) -> str:
        return f"{self.published.code}: {self.outcome}"


class CarryOver(models.Model):
    """A proposal copied into a new round from one decided in an earlier round."""

    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.CASCADE,
        related_name="carry_over",
        verbose_name=_("new proposal"),
    )
    original = models.ForeignKey(
        Proposal,
        on_delete=models.PROTECT,
        related_name="carried_over_as",
        verbose_name=_("original proposal"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="carry_overs",
        verbose_name=_("decision"),
    )
    # The amounts were decided at `from_price_level` and uprated one year at a time to
    # `to_price_level`: [{"from": 2027, "to": 2028, "index": "1.0325"}, ...] (see rules.py).
    # Carry-overs recorded before this was per year have one step over the whole gap.
    from_price_level = models.PositiveSmallIntegerField(_("from price level (P/L year)"))
    to_price_level = models.PositiveSmallIntegerField(_("to price level (P/L year)"))
    price_steps = models.JSONField(_("price indices, year by year"), default=list, blank=True)
    overridden = models.BooleanField(_("cooling-off period overridden"), default=False)
    reason = models.TextField(_("reason for the override"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("carried-over proposal")
        verbose_name_plural = _("carried-over proposals")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.original_id} -> {self.proposal_id}"

    def steps(self) -> list[tuple[int, int, Decimal]]:
        """(from year, to year, index) of each uprating step, in order."""
        return [(int(s["from"]), int(s["to"]), Decimal(s["index"])) for s in self.price_steps]


class CoolingOffOverride(models.Model):
    """The budget office lets a proposal entered by hand be presented within its cooling-off
    period (or despite "may not be presented again"), with the reason, who and when."""

    proposal = models.OneToOneField(
        Proposal,
        on_delete=models.CASCADE,
        related_name="cooling_off_override",
        verbose_name=_("proposal"),
    )
    decision = models.ForeignKey(
        Decision,
        on_delete=models.PROTECT,
        related_name="cooling_off_overrides",
        verbose_name=_("decision"),
    )
    reason = models.TextField(_("reason for the override"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("cooling-off period overridden")
        verbose_name_plural = _("cooling-off periods overridden")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.reason[:40]}"
