"""A budget round: the budget year, its target for freed money, and the period B..B+3."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import Municipality
from raaderum.proposals import calculation

YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]


class PhaseKind(models.TextChoices):
    """The phases of a round's process plan, in order."""

    IDEAS = "ideas", _("Ideas")
    SCREENING = "screening", _("Screening")
    DRAFTING = "drafting", _("Drafting")
    QUALITY_CHECK = "quality_check", _("Quality check")
    CATALOG = "catalog", _("Catalog")
    NEGOTIATION = "negotiation", _("Negotiation")
    ADOPTION = "adoption", _("Adoption")
    FOLLOW_UP = "follow_up", _("Follow-up")


class BudgetRound(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="rounds",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=120)
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"),
        validators=YEAR_VALIDATORS,
        help_text=_("The year B; the period is B to B+3."),
    )
    price_level_year = models.PositiveSmallIntegerField(
        _("price level year"),
        validators=YEAR_VALIDATORS,
        help_text=_("All amounts are at this year's prices and wages (P/L)."),
    )
    target_amount = models.BigIntegerField(
        _("target (kr.)"),
        validators=[MinValueValidator(0)],
        help_text=_("The headroom the round must free each year from the full-effect year."),
    )
    full_effect_year = models.PositiveSmallIntegerField(
        _("target in full from"), validators=YEAR_VALIDATORS
    )
    description = models.TextField(_("description"), blank=True)
    current_phase = models.CharField(
        _("current phase"), max_length=20, choices=PhaseKind.choices, blank=True
    )
    max_lix = models.PositiveSmallIntegerField(
        _("highest LIX of the summary"),
        null=True,
        blank=True,
        validators=[MinValueValidator(10), MaxValueValidator(80)],
        help_text=_(
            "Optional. A proposal whose plain-language summary is harder to read than this "
            "cannot be submitted for quality check. 40 is easy to read."
        ),
    )
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
        verbose_name = _("budget round")
        verbose_name_plural = _("budget rounds")
        ordering = ["municipality", "-budget_year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="round_name_unique_in_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.pk and self.budget_year:
            # Effects and targets are entered per year of the period; moving the period would
            # leave them outside it (the catalog could not count them).
            from raaderum.proposals.models import Effect

            outside = Effect.objects.filter(proposal__round=self).exclude(year__in=self.years)
            targets_outside = self.year_targets.exclude(year__in=self.years)
            if outside.exists() or targets_outside.exists():
                raise ValidationError(
                    {
                        "budget_year": _(
                            "The period cannot move: proposals or targets have amounts in "
                            "years outside the new period."
                        )
                    }
                )
        if self.budget_year and self.full_effect_year and self.full_effect_year not in self.years:
            raise ValidationError(
                {
                    "full_effect_year": _(
                        "The full-effect year must lie in the period %(first)s–%(last)s."
                    )
                    % {"first": self.years[0], "last": self.years[-1]}
                }
            )

    @property
    def years(self) -> list[int]:
        return calculation.period_years(self.budget_year)

    @property
    def period_label(self) -> str:
        return f"{self.years[0]}–{self.years[-1]}"

    @property
    def accepts_ideas(self) -> bool:
        """Ideas (also the public idea form) are taken while the round is in its ideas phase."""
        return self.current_phase == PhaseKind.IDEAS

    def deadlines(self) -> dict[str, date]:
        return {phase.kind: phase.deadline for phase in self.phases.all()}

    def explicit_targets(self) -> dict[int, int]:
        return {t.year: t.amount for t in self.year_targets.all()}

    def target_by_year(self) -> dict[int, int]:
        return calculation.target_by_year(
            self.years, self.target_amount, self.full_effect_year, self.explicit_targets()
        )


class RoundYearTarget(models.Model):
    """An explicit target for one year, where the round phases its target in."""

    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="year_targets",
        verbose_name=_("budget round"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField(_("target (kr.)"), validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("target for a year")
        verbose_name_plural = _("targets per year")
        ordering = ["round", "year"]
        constraints = [
            models.UniqueConstraint(fields=["round", "year"], name="one_target_per_round_year")
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.year}"

    def clean(self) -> None:
        if self.round_id and self.year and self.year not in self.round.years:
            raise ValidationError(
                {
                    "year": _("The year must lie in the period %(period)s.")
                    % {"period": self.round.period_label}
                }
            )


class Phase(models.Model):
    """One phase of the round's process plan with its dates."""

    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="phases", verbose_name=_("budget round")
    )
    kind = models.CharField(_("phase"), max_length=20, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts"))
    deadline = models.DateField(_("deadline"))

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["round", "starts_on", "deadline"]
        constraints = [
            models.UniqueConstraint(fields=["round", "kind"], name="one_phase_of_each_kind"),
            models.CheckConstraint(
                condition=models.Q(deadline__gte=models.F("starts_on")),
                name="phase_deadline_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.get_kind_display()}"
