"""Municipalities (the tenants), their committees and service areas, users and their roles."""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

FUNCTION_CODE_RE = re.compile(r"^\d\.\d{2}\.\d{2}$")


def validate_function_codes(value: str) -> None:
    """Kontoplan functions read h.hh.ff (e.g. 3.22.01), separated by commas."""
    bad = [code for code in split_function_codes(value) if not FUNCTION_CODE_RE.match(code)]
    if bad:
        raise ValidationError(
            _("Write function codes as in the chart of accounts, e.g. 3.22.01: %(codes)s"),
            params={"codes": ", ".join(bad)},
            code="invalid_function_code",
        )


def split_function_codes(value: str) -> list[str]:
    return [code.strip() for code in value.replace(";", ",").split(",") if code.strip()]


class User(AbstractUser):
    """A person who logs in. What they may do is decided per municipality by Membership."""

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Municipality(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    code = models.PositiveSmallIntegerField(
        _("municipality number"),
        unique=True,
        validators=[MinValueValidator(101), MaxValueValidator(999)],
        help_text=_("Danmarks Statistik's three-digit number, e.g. 707 for Norddjurs."),
    )
    slug = models.SlugField(_("short name in addresses"), unique=True)
    inhabitants = models.PositiveIntegerField(_("inhabitants"), null=True, blank=True)
    accessibility_statement_url = models.URLField(
        _("accessibility statement"),
        blank=True,
        help_text=_("Address of the statement made with the WAS-tool; linked from every page."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    BUDGET_OFFICE = "budget_office", _("Budget office")
    DIRECTOR = "director", _("Director")
    OWNER = "owner", _("Proposal owner")
    CONTRIBUTOR = "contributor", _("Contributor")
    POLITICIAN = "politician", _("Politician")
    READER = "reader", _("Reader")


class MembershipQuerySet(models.QuerySet["Membership"]):
    def for_user(self, user: User) -> MembershipQuerySet:
        return self.filter(user=user).select_related("municipality")


class Membership(models.Model):
    """One user's role in one municipality. A user may serve several municipalities."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("municipality"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    title = models.CharField(_("job title"), max_length=100, blank=True)
    party = models.CharField(
        _("party group"), max_length=100, blank=True, help_text=_("For politicians.")
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="one_membership_per_municipality"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality} ({self.get_role_display()})"


class Committee(models.Model):
    """A standing political committee (udvalg) responsible for service areas."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="committees",
        verbose_name=_("municipality"),
    )
    name = models.CharField(_("name"), max_length=120)
    code = models.CharField(
        _("abbreviation"),
        max_length=4,
        validators=[RegexValidator(r"^[A-ZÆØÅ]{1,4}$", _("Use 1 to 4 capital letters, e.g. BU."))],
        help_text=_("Starts the proposal codes, e.g. BU in BU-07."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["municipality", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "code"], name="committee_code_unique_in_municipality"
            ),
            models.UniqueConstraint(
                fields=["municipality", "name"], name="committee_name_unique_in_municipality"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceAreaQuerySet(models.QuerySet["ServiceArea"]):
    def of_municipality(self, municipality: Municipality) -> ServiceAreaQuerySet:
        return self.filter(committee__municipality=municipality).select_related("committee")


class ServiceArea(models.Model):
    """A budget area (fagområde/politikområde) under a committee."""

    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="service_areas",
        verbose_name=_("committee"),
    )
    name = models.CharField(_("name"), max_length=120)
    function_codes = models.CharField(
        _("kontoplan functions"),
        max_length=300,
        blank=True,
        validators=[validate_function_codes],
        help_text=_("Optional, comma separated, e.g. 3.22.01, 3.22.05."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ServiceAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")
        ordering = ["committee__position", "committee__name", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "name"], name="service_area_name_unique_in_committee"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def municipality_id(self) -> int:
        return self.committee.municipality_id

    def clean(self) -> None:
        if self.pk and self.committee_id:
            before = ServiceArea.objects.filter(pk=self.pk).values_list(
                "committee__municipality_id", flat=True
            )
            moved = before.first() != Committee.objects.get(pk=self.committee_id).municipality_id
            if moved and self.effects.exists():
                raise ValidationError(
                    {
                        "committee": _(
                            "The area has effects and cannot move to another municipality."
                        )
                    }
                )

    def function_code_list(self) -> list[str]:
        return split_function_codes(self.function_codes)


class ServiceAreaBudget(models.Model):
    """The net operating budget of a service area in one year, whole kroner."""

    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.CASCADE,
        related_name="budgets",
        verbose_name=_("service area"),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = models.BigIntegerField(_("net operating budget (kr.)"))

    class Meta:
        verbose_name = _("service area budget")
        verbose_name_plural = _("service area budgets")
        ordering = ["service_area", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["service_area", "year"], name="one_budget_per_area_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service_area} {self.year}"


class GlossaryTerm(models.Model):
    """A technical word the budget office wants explained in plain Danish in proposals."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="glossary",
        verbose_name=_("municipality"),
    )
    term = models.CharField(_("technical term"), max_length=60)
    plain = models.CharField(_("plain alternative"), max_length=200)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["municipality", "term"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "term"], name="glossary_term_unique_in_municipality"
            )
        ]

    def __str__(self) -> str:
        return self.term
