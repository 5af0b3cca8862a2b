"""Key figures: statistics from Danmarks Statistik, comparison groups, the benchmark settings and a
round's target distribution.

The figures are public statistics, but each municipality keeps its own copy: what one budget
office imports (or gets wrong) never changes another municipality's pages. A newer import replaces
the figures for the same kommune, function (or age) and year; the import records stay as history.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raaderum.benchmark.kommuner import KOMMUNER
from raaderum.benchmark.potential import DEFAULT_RANK
from raaderum.organisation.models import Municipality, ServiceArea
from raaderum.rounds.models import YEAR_VALIDATORS, BudgetRound


class Table(models.TextChoices):
    REGK31 = "REGK31", _("REGK31 – net operating expenditure by function")
    FOLK1A = "FOLK1A", _("FOLK1A – inhabitants by age")


class Source(models.TextChoices):
    API = "api", _("Statistikbanken API")
    FILE = "file", _("File")


class Dataset(models.Model):
    """One import: where the figures came from, when and by whom."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="benchmark_datasets",
        verbose_name=_("municipality"),
    )
    table = models.CharField(_("table"), max_length=10, choices=Table.choices)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    sha256 = models.CharField(_("checksum"), max_length=64, editable=False)
    first_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    last_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    rows = models.PositiveIntegerField(_("figures"))
    kommuner = models.PositiveSmallIntegerField(_("kommuner"))
    imported_at = models.DateTimeField(_("imported"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        verbose_name = _("imported statistics")
        verbose_name_plural = _("imported statistics")
        ordering = ["municipality", "-imported_at"]

    def __str__(self) -> str:
        return f"{self.table} {self.period_label}"

    @property
    def period_label(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


class SpendingFigure(models.Model):
    """Net operating expenditure of one kommune on one kontoplan function in one year (REGK31)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    dataset = models.ForeignKey(
        Dataset, on_delete=models.CASCADE, related_name="spending", verbose_name=_("import")
    )
    kommune = models.PositiveSmallIntegerField(_("kommune number"))
    function = models.CharField(_("function"), max_length=7)  # 3.22.01
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField(_("net operating expenditure (kr.)"))

    class Meta:
        verbose_name = _("expenditure figure")
        verbose_name_plural = _("expenditure figures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kommune", "function", "year"],
                name="one_spending_figure_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kommune} {self.function} {self.year}"


class PopulationFigure(models.Model):
    """Inhabitants of one kommune on 1 January of a year, of one age or in total (FOLK1A)."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    dataset = models.ForeignKey(
        Dataset, on_delete=models.CASCADE, related_name="population", verbose_name=_("import")
    )
    kommune = models.PositiveSmallIntegerField(_("kommune number"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)  # None: all ages
    count = models.PositiveIntegerField(_("inhabitants"))

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kommune", "year", "age"],
                condition=models.Q(age__isnull=False),
                name="one_population_figure_per_age",
            ),
            models.UniqueConstraint(
                fields=["municipality", "kommune", "year"],
                condition=models.Q(age__isnull=True),
                name="one_population_total_per_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kommune} {self.year} {self.age}"


def validate_kommune_codes(value: str) -> None:
    bad = [code for code in value.split(",") if not code.strip().isdigit()]
    if bad:
        raise ValidationError(_("Kommune numbers are three digits, e.g. 707."), code="invalid")


class ComparisonGroup(models.Model):
    """Kommuner the budget office compares with, chosen by their numbers."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="comparison_groups",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=120)
    kommuner = models.CharField(
        _("kommune numbers"), max_length=800, validators=[validate_kommune_codes]
    )

    class Meta:
        verbose_name = _("comparison group")
        verbose_name_plural = _("comparison groups")
        ordering = ["municipality", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "name"], name="comparison_group_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def codes(self) -> list[int]:
        return sorted({int(code) for code in self.kommuner.split(",") if code.strip()})

    def names(self) -> list[str]:
        return [KOMMUNER.get(code, str(code)) for code in self.codes()]


class BenchmarkSettings(models.Model):
    """The municipality's defaults for the key figure pages; a reader may try others."""

    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.CASCADE,
        related_name="benchmark_settings",
        verbose_name=_("municipality"),
    )
    comparison_group = models.ForeignKey(
        ComparisonGroup,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("comparison group"),
        help_text=_("Empty: the kommuner closest to your own in number of inhabitants."),
    )
    rank = models.PositiveSmallIntegerField(
        _("compare with the Nth cheapest"),
        default=DEFAULT_RANK,
        validators=[MinValueValidator(1), MaxValueValidator(98)],
    )
    realism_percent = models.PositiveSmallIntegerField(
        _("realism factor (%)"),
        default=100,
        validators=[MaxValueValidator(100)],
        help_text=_("How much of the calculated potential you consider realistic to find."),
    )

    class Meta:
        verbose_name = _("benchmark settings")
        verbose_name_plural = _("benchmark settings")

    def __str__(self) -> str:
        return str(self.municipality)


class Unit(models.TextChoices):
    INHABITANTS = "all", _("per inhabitant")
    AGE_0_5 = "0-5", _("per 0–5-year-old")
    AGE_6_16 = "6-16", _("per 6–16-year-old")
    AGE_16_64 = "16-64", _("per 16–64-year-old")
    AGE_65_PLUS = "65+", _("per 65+-year-old")
    AGE_80_PLUS = "80+", _("per 80+-year-old")


# The ages each unit counts; None: everybody.
UNIT_AGES: dict[str, tuple[int, int] | None] = {
    Unit.INHABITANTS: None,
    Unit.AGE_0_5: (0, 5),
    Unit.AGE_6_16: (6, 16),
    Unit.AGE_16_64: (16, 64),
    Unit.AGE_65_PLUS: (65, 125),
    Unit.AGE_80_PLUS: (80, 125),
}

# The default unit by the main function (h.hh) of an area's first kontoplan function.
DEFAULT_UNITS = {
    "3.22": Unit.AGE_6_16,  # folkeskolen
    "5.25": Unit.AGE_0_5,  # dagtilbud
    "5.30": Unit.AGE_65_PLUS,  # tilbud til ældre
    "5.32": Unit.AGE_65_PLUS,  # the functions for elderly care before 5.30
    "5.57": Unit.AGE_16_64,
    "5.58": Unit.AGE_16_64,
    "5.68": Unit.AGE_16_64,
}


def default_unit(function_codes: list[str]) -> str:
    if not function_codes:
        return Unit.INHABITANTS
    return DEFAULT_UNITS.get(function_codes[0][:4], Unit.INHABITANTS)


class AreaUnit(models.Model):
    """What a service area's spend is measured per, when the default does not fit."""

    service_area = models.OneToOneField(
        ServiceArea,
        on_delete=models.CASCADE,
        related_name="benchmark_unit",
        verbose_name=_("service area"),
    )
    unit = models.CharField(_("unit"), max_length=10, choices=Unit.choices)

    class Meta:
        verbose_name = _("unit of a service area")
        verbose_name_plural = _("units of service areas")

    def __str__(self) -> str:
        return f"{self.service_area}: {self.get_unit_display()}"


class Method(models.TextChoices):
    UNIFORM = "uniform", _("Uniform: the same percentage of every area's budget")
    POTENTIAL = "potential", _("Differentiated by the benchmark potential")
    MANUAL = "manual", _("By hand: a share per area typed by the budget office")


class TargetDistribution(models.Model):
    """How the round's target is spread across the service areas; saved by the budget office."""

    round = models.OneToOneField(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="target_distribution",
        verbose_name=_("budget round"),
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    basis = models.CharField(
        _("basis"),
        max_length=300,
        blank=True,
        help_text=_("For a distribution by potential: the comparison group, year, N and factor."),
    )
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("saved by"),
    )

    class Meta:
        verbose_name = _("target distribution")
        verbose_name_plural = _("target distributions")

    def __str__(self) -> str:
        return str(self.round)


class DistributionArea(models.Model):
    """One area's part in the distribution: exempt or not, and the weight it was given."""

    distribution = models.ForeignKey(
        TargetDistribution,
        on_delete=models.CASCADE,
        related_name="areas",
        verbose_name=_("target distribution"),
    )
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.CASCADE, related_name="+", verbose_name=_("service area")
    )
    exempt = models.BooleanField(_("exempt"), default=False)
    share_percent = models.DecimalField(
        _("share (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    potential = models.BigIntegerField(_("potential (kr.)"), null=True, blank=True)

    class Meta:
        verbose_name = _("area in a target distribution")
        verbose_name_plural = _("areas in a target distribution")
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "service_area"], name="one_distribution_row_per_area"
            )
        ]

    def __str__(self) -> str:
        return str(self.service_area)


class TargetShare(models.Model):
    """The part of one year's target a service area must find, whole kroner (positive: råderum)."""

    distribution = models.ForeignKey(
        TargetDistribution,
        on_delete=models.CASCADE,
        related_name="shares",
        verbose_name=_("target distribution"),
    )
    service_area = models.ForeignKey(
        ServiceArea, on_delete=models.CASCADE, related_name="+", verbose_name=_("service area")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField(_("share of the target (kr.)"))

    class Meta:
        verbose_name = _("share of the target")
        verbose_name_plural = _("shares of the target")
        ordering = ["distribution", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["distribution", "service_area", "year"], name="one_share_per_area_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_area} {self.year}"
