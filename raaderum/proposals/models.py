"""Costed proposals and their yearly effects per service area.

Effects are stored signed as in the accounts: negative frees money, positive costs money.
A proposal's råderum in a year is minus the sum of its effects that year.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from raaderum.confidentiality.models import ProposalVisibility
from raaderum.organisation.models import Committee, ServiceArea
from raaderum.proposals import calculation
from raaderum.rounds.models import YEAR_VALIDATORS, BudgetRound

# What each of calculation.warnings() means, for the person who must act on it.
WARNING_MESSAGES = {
    calculation.NO_EFFECTS: _(
        "The proposal has no economic effect in the period. Enter the amounts for each year."
    ),
    calculation.EXPANSION_FREES_MONEY: _(
        "The proposal is an expansion but frees money. Check the sign: negative amounts free money."
    ),
    calculation.SAVING_COSTS_MONEY: _(
        "The proposal is a saving or an efficiency but costs money. Check the sign: negative "
        "amounts free money."
    ),
    calculation.INVESTMENT_WITHOUT_OUTLAY: _(
        "The proposal is an investment but never has a net outlay to pay back. Check the type "
        "or the signs."
    ),
    calculation.INVESTMENT_NO_PAYBACK: _(
        "The investment does not pay back: it frees no money in the last year of the period."
    ),
    calculation.CROSS_CUTTING_WITHOUT_DIRECTOR: _(
        "The proposal spans several committees. It must have a director as owner."
    ),
}


def committees_touched(own: int, effect_committees: Iterable[int]) -> set[int]:
    """A proposal filed under BU with effects in SU's budget concerns both committees."""
    touched = set(effect_committees)
    return touched | {own} if touched else touched


# What each workflow step is called on buttons and in the dashboard's to-do lists.
STEP_LABELS = {
    "submit": _("Submit for quality check"),
    "sign_off": _("Sign off the calculation"),
    "approve": _("Approve for the catalog"),
    "add_to_catalog": _("Add to the catalog"),
    "send_back": _("Send back to the owner"),
    "withdraw": _("Withdraw the proposal"),
    "reopen": _("Reopen"),
}


class ProposalType(models.TextChoices):
    SAVING = "saving", _("Saving")
    EFFICIENCY = "efficiency", _("Efficiency")
    INVESTMENT = "investment", _("Investment")
    EXPANSION = "expansion", _("Expansion")


class ProposalStatus(models.TextChoices):
    """The workflow; which role may move a proposal between them is in workflow.py."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for quality check")
    SIGNED_OFF = "signed_off", _("Calculation signed off")
    APPROVED = "approved", _("Approved by the director")
    IN_CATALOG = "in_catalog", _("In the catalog")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Origin(models.TextChoices):
    """Where the idea behind a proposal came from; kept on every idea and proposal."""

    EMPLOYEE = "employee", _("Employee")
    MANAGER = "manager", _("Manager")
    CITIZEN = "citizen", _("Citizen")
    PARTY = "party", _("Party group")
    CITIZEN_CONFERENCE = "citizen_conference", _("Citizen conference")
    WORKSHOP = "workshop", _("Workshop")
    IDEA_BANK = "idea_bank", _("Idea bank")
    EARLIER_ROUND = "earlier_round", _("Earlier round")


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def for_catalog(self) -> ProposalQuerySet:
        """The fields a list of proposals shows, without the long texts; build_catalog reads
        the effects and the committees itself (one query each, not one object per row)."""
        return self.only(
            "public_id",
            "round_id",
            "committee_id",
            "number",
            "title",
            "type",
            "status",
            "owner_id",
            "director_id",
        )

    def with_effects(self) -> ProposalQuerySet:
        """One proposal's page: its effects and their areas, in a fixed number of queries."""
        return self.select_related("round", "committee", "owner", "director").prefetch_related(
            models.Prefetch(
                "effects",
                queryset=Effect.objects.select_related("service_area__committee"),
            ),
            "staff_effects",
            "contributors",
        )


class Proposal(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("budget round"),
    )
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("committee"),
    )
    number = models.PositiveSmallIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=ProposalType.choices)
    type_rationale = models.TextField(
        _("why this type"),
        blank=True,
        help_text=_("E.g. why this is an efficiency (same service) and not a saving."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_proposals",
        verbose_name=_("owner"),
    )
    director = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="directed_proposals",
        verbose_name=_("director"),
        help_text=_("Required when the effects span more than one committee."),
    )
    contributors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="contributed_proposals",
        verbose_name=_("contributors"),
    )
    summary = models.TextField(
        _("summary in plain language"),
        blank=True,
        help_text=_("What changes for citizens and staff, in short sentences without jargon."),
    )
    description = models.TextField(_("description"), blank=True)
    consequences_service = models.TextField(_("consequences for the service"), blank=True)
    consequences_citizens = models.TextField(_("consequences for citizens"), blank=True)
    consequences_staff = models.TextField(_("consequences for staff"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    calculation_basis = models.TextField(_("calculation basis"), blank=True)
    assumptions = models.TextField(_("assumptions"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=30, choices=Origin.choices, default=Origin.EMPLOYEE
    )
    party_name = models.CharField(
        _("party group"), max_length=100, blank=True, help_text=_("For party proposals.")
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("calculation signed off by"),
    )
    signed_off_at = models.DateTimeField(_("calculation signed off"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    impact_score = models.BigIntegerField(
        _("service impact score"),
        null=True,
        blank=True,
        help_text=_(
            "Set by the budget office for the optimiser: how much the proposal hurts the "
            "service. Empty means the full-year amount in kroner."
        ),
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="represented_as",
        verbose_name=_("re-presents"),
        help_text=_("The proposal of an earlier round that this one presents again."),
    )
    # More restrictive than the catalog it is published in, if need be (e.g. consequences for
    # named staff): raaderum.confidentiality.rules. Read live, never frozen with a version.
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=ProposalVisibility.choices,
        default=ProposalVisibility.AS_CATALOG,
    )
    release_date = models.DateField(
        _("release date"),
        null=True,
        blank=True,
        help_text=_("Confidential proposals only: from this date it is as public as its catalog."),
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )

    objects = ProposalQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=["version", "updated_at"], m2m_fields=["contributors"]
    )

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["round", "committee__position", "committee__name", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "committee", "number"], name="proposal_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        return f"{self.committee.code}-{self.number:02d}"

    # The methods below read the prefetched effects (see ProposalQuerySet.with_effects).

    def headroom_by_year(self) -> dict[int, int]:
        return calculation.headroom_by_year(
            ((e.year, e.amount) for e in self.effects.all()), self.round.years
        )

    def effect_committee_ids(self) -> set[int]:
        """The committees the proposal touches: those of its effects, and its own."""
        return committees_touched(
            self.committee_id, (e.service_area.committee_id for e in self.effects.all())
        )

    def is_cross_cutting(self) -> bool:
        return calculation.is_cross_cutting(self.effect_committee_ids())

    def warnings(self) -> list[str]:
        return calculation.warnings(
            self.type,
            self.headroom_by_year(),
            has_director=self.director_id is not None,
            committee_ids=self.effect_committee_ids(),
        )

    def warning_texts(self) -> list[str]:
        return [str(WARNING_MESSAGES[code]) for code in self.warnings()]

    def effect_grid(self) -> dict[int, dict[int, int]]:
        """service area id -> year -> amount."""
        grid: dict[int, dict[int, int]] = defaultdict(dict)
        for effect in self.effects.all():
            grid[effect.service_area_id][effect.year] = effect.amount
        return dict(grid)

    def text_sections(self) -> list[tuple[str, str]]:
        """The written parts that have content, with their labels, in reading order."""
        names = [
            "type_rationale",
            "description",
            "consequences_service",
            "consequences_citizens",
            "consequences_staff",
            "risks",
            "calculation_basis",
            "assumptions",
        ]
        labels = {field.name: str(field.verbose_name) for field in self._meta.fields}
        return [
            (labels[name].capitalize(), getattr(self, name))
            for name in names
            if getattr(self, name).strip()
        ]

    def fte_by_year(self) -> dict[int, Decimal]:
        return {s.year: s.fte for s in self.staff_effects.all()}


class Effect(models.Model):
    """The change to one service area's net operating budget in one year, whole kroner."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="effects", verbose_name=_("proposal")
    )
    service_area = models.ForeignKey(
        ServiceArea,
        on_delete=models.PROTECT,
        related_name="effects",
        verbose_name=_("service area"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    amount = models.BigIntegerField(_("amount (kr.)"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("effect")
        verbose_name_plural = _("effects")
        ordering = ["proposal", "service_area", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "service_area", "year"], name="one_effect_per_area_and_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.proposal.code} {self.service_area} {self.year}: {self.amount}"


class StaffEffect(models.Model):
    """Change in staff, in full-time equivalents, in one year (negative = fewer)."""

    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="staff_effects",
        verbose_name=_("proposal"),
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    fte = models.DecimalField(_("FTE"), max_digits=8, decimal_places=2)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("staff effect")
        verbose_name_plural = _("staff effects")
        ordering = ["proposal", "year"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "year"], name="one_fte_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.proposal.code} {self.year}: {self.fte}"


class Transition(models.Model):
    """One step of a proposal through the workflow: who, when, from, to and why."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("proposal")
    )
    action = models.CharField(_("action"), max_length=30)
    from_status = models.CharField(_("from"), max_length=20, choices=ProposalStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ProposalStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("transition")
        verbose_name_plural = _("transitions")
        ordering = ["proposal", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_status} -> {self.to_status}"


class RelationKind(models.TextChoices):
    EXCLUDES = "excludes", _("cannot be chosen together with")
    REQUIRES = "requires", _("requires")


class ProposalRelation(models.Model):
    """Alternatives (5 %, 10 % or 15 % of one cut: at most one) and dependencies between proposals.

    "A excludes B" is symmetric in meaning; "A requires B" means A can only be chosen with B.
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="relations", verbose_name=_("proposal")
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    other = models.ForeignKey(
        Proposal,
        on_delete=models.CASCADE,
        related_name="related_from",
        verbose_name=_("other proposal"),
    )

    class Meta:
        verbose_name = _("relation between proposals")
        verbose_name_plural = _("relations between proposals")
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "kind", "other"], name="one_relation_of_each_kind"
            ),
            models.CheckConstraint(
                condition=~models.Q(proposal=models.F("other")), name="relation_to_another"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} {self.kind} {self.other}"
