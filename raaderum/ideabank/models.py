"""The idea bank: ideas shared by the municipalities of an installation.

Every member of every municipality of the installation reads the whole bank; a municipality's
budget office adds, edits and imports its own entries. An entry is not a proposal: its effect is
a rough range seen in the municipality it comes from, stored the way ideas are (a positive amount
frees money each year), never added to any catalog's totals.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.ideabank import text
from raaderum.organisation.models import FUNCTION_CODE_RE, Municipality
from raaderum.proposals.models import ProposalType

TITLE_MAX_LENGTH = 200
AREA_MAX_LENGTH = 120
DESCRIPTION_MAX_LENGTH = 10_000
EXTERNAL_ID_MAX_LENGTH = 100
SOURCE_NAME_MAX_LENGTH = 100
LINK_MAX_LENGTH = 500
MAX_LINKS = 10
TAG_MAX_LENGTH = 50
MAX_TAGS = 20
SEARCH_FIELDS = ("search_title", "search_keywords", "search_body")

# The main accounts of the kontoplan an idea's function code may start with (hovedkonti 0-6;
# 7-9 are financing and balance, where no service idea belongs).
MAIN_ACCOUNTS = [
    ("0", _("0 Urban development, housing and environment")),
    ("1", _("1 Utilities")),
    ("2", _("2 Transport and infrastructure")),
    ("3", _("3 Education and culture")),
    ("4", _("4 Health")),
    ("5", _("5 Social services and employment")),
    ("6", _("6 Common costs and administration")),
]

validate_function_code = RegexValidator(
    FUNCTION_CODE_RE,
    _("Write the function code as in the chart of accounts, e.g. 5.32.32."),
    code="invalid_function_code",
)


class BankIdeaQuerySet(models.QuerySet["BankIdea"]):
    def for_list(self) -> BankIdeaQuerySet:
        """What a list of bank ideas shows, without the long texts used only for searching."""
        return self.select_related("municipality").defer(
            "search_title", "search_keywords", "search_body", "search_vector"
        )


class BankIdea(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="bank_ideas",
        verbose_name=_("maintained by"),
        help_text=_("The municipality whose budget office keeps the entry up to date."),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    service_area = models.CharField(
        _("service area"),
        max_length=AREA_MAX_LENGTH,
        help_text=_("In your own words, e.g. “Elderly care” or “Schools”."),
    )
    function_code = models.CharField(
        _("kontoplan function"),
        max_length=7,
        blank=True,
        validators=[validate_function_code],
        help_text=_("E.g. 5.32.32. Lets others find the idea by area of the accounts."),
    )
    type = models.CharField(_("type"), max_length=20, choices=ProposalType.choices)
    description = models.TextField(_("description"), blank=True, max_length=DESCRIPTION_MAX_LENGTH)
    effect_min = models.BigIntegerField(
        _("expected effect a year, at least (kr.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-(10**12)), MaxValueValidator(10**12)],
    )
    effect_max = models.BigIntegerField(
        _("expected effect a year, at most (kr.)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-(10**12)), MaxValueValidator(10**12)],
    )
    source_name = models.CharField(
        _("source municipality"),
        max_length=SOURCE_NAME_MAX_LENGTH,
        help_text=_("Where the idea was tried or proposed, e.g. “Norddjurs Kommune”."),
    )
    source_code = models.PositiveSmallIntegerField(
        _("source municipality number"),
        null=True,
        blank=True,
        validators=[MinValueValidator(101), MaxValueValidator(999)],
        help_text=_("Danmarks Statistik's three-digit number, e.g. 707."),
    )
    links = models.JSONField(_("links"), default=list, blank=True)
    tags = models.JSONField(_("keywords"), default=list, blank=True)
    external_id = models.CharField(
        _("exchange id"),
        max_length=EXTERNAL_ID_MAX_LENGTH,
        help_text=_(
            "Identifies the idea in exported files: importing a file again updates the ideas "
            "with the same ids instead of adding them twice."
        ),
    )
    shared_from = models.ForeignKey(
        "ideas.Idea",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bank_shares",
        verbose_name=_("shared from the idea"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # For searching, kept in step by refresh_search_fields() (text.py) and
    # search.update_search_vectors() (PostgreSQL). Never edited by hand.
    search_title = models.TextField(editable=False, blank=True)
    search_keywords = models.TextField(editable=False, blank=True)
    search_body = models.TextField(editable=False, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    objects = BankIdeaQuerySet.as_manager()

    class Meta:
        verbose_name = _("idea in the idea bank")
        verbose_name_plural = _("ideas in the idea bank")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["external_id"], name="bank_idea_external_id_unique"),
            models.UniqueConstraint(
                fields=["shared_from"],
                condition=models.Q(shared_from__isnull=False),
                name="bank_idea_shared_once",
            ),
            models.CheckConstraint(
                condition=models.Q(effect_min__isnull=True)
                | models.Q(effect_max__isnull=True)
                | models.Q(effect_min__lte=models.F("effect_max")),
                name="bank_idea_effect_range_ordered",
                violation_error_message=_("The highest effect must be at least the lowest."),
            ),
        ]
        indexes = [
            # The list without a search: newest first, a page at a time.
            models.Index(fields=["-updated_at", "-id"], name="bank_idea_newest"),
            models.Index(fields=["source_name", "source_code"], name="bank_idea_source"),
            models.Index(fields=["type"], name="bank_idea_type"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.external_id:
            self.external_id = str(self.public_id)
        self.refresh_search_fields()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *SEARCH_FIELDS}
        super().save(*args, **kwargs)
        from raaderum.ideabank.search import update_search_vectors

        update_search_vectors(BankIdea.objects.filter(pk=self.pk))

    def clean(self) -> None:
        if (
            self.effect_min is not None
            and self.effect_max is not None
            and self.effect_min > self.effect_max
        ):
            raise ValidationError(
                {"effect_max": _("The highest effect must be at least the lowest.")}
            )

    def refresh_search_fields(self) -> None:
        """The normalised texts the SQLite search matches (text.py); cheap, so always."""
        self.search_title = text.index_text(self.title)
        self.search_keywords = text.index_text(
            self.service_area, " ".join(self.tags), self.function_code.replace(".", "")
        )
        self.search_body = text.index_text(self.description)

    @property
    def main_account(self) -> str:
        return self.function_code[:1]

    @property
    def has_effect(self) -> bool:
        return self.effect_min is not None or self.effect_max is not None


class BankIdeaUse(models.Model):
    """A bank idea brought into a round as an idea of origin "idea bank": the link back."""

    idea = models.OneToOneField(
        "ideas.Idea",
        on_delete=models.CASCADE,
        related_name="bank_use",
        verbose_name=_("idea"),
    )
    bank_idea = models.ForeignKey(
        BankIdea,
        on_delete=models.SET_NULL,
        null=True,
        related_name="uses",
        verbose_name=_("idea in the idea bank"),
    )
    # Kept in case the bank entry is deleted later: the round still says where the idea came from.
    bank_title = models.CharField(_("title in the idea bank"), max_length=TITLE_MAX_LENGTH)
    source_name = models.CharField(_("source municipality"), max_length=SOURCE_NAME_MAX_LENGTH)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("brought in by"),
    )
    used_at = models.DateTimeField(_("brought in"), auto_now_add=True)

    class Meta:
        verbose_name = _("idea brought in from the idea bank")
        verbose_name_plural = _("ideas brought in from the idea bank")
        ordering = ["-used_at", "-pk"]

    def __str__(self) -> str:
        return self.bank_title
