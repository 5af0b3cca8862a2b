"""Published catalogs: frozen versions of a round's catalog, the only thing politicians see.

A version is a snapshot: later edits to a proposal never change a published version; publishing
again makes a new one. Everything a politician reads (summary, effects, consequences, owner)
is copied, with the råderum per year computed once at publication. So is what surrounds the
proposals: the round's name, price level and target, each proposal's committee (name, code,
order) and the relations between proposals (alternatives, "A requires B"). Readers use these
copies, never the live committee, round or relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.confidentiality.models import Visibility
from raaderum.organisation.models import Committee
from raaderum.proposals.models import Proposal, ProposalType
from raaderum.rounds.models import BudgetRound


class CatalogVersion(models.Model):
    round = models.ForeignKey(
        BudgetRound,
        on_delete=models.CASCADE,
        related_name="catalog_versions",
        verbose_name=_("budget round"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("published by"),
    )
    note = models.TextField(_("note"), blank=True)
    # The target per year as it stood at publication (years as strings, JSON): a later change to
    # the round's target must not change what the politicians were shown.
    target = models.JSONField(_("target per year"), default=dict, blank=True)
    round_name = models.CharField(_("name of the round"), max_length=120)
    price_level = models.PositiveSmallIntegerField(_("price level (P/L year)"))
    # The relations between proposals as they stood at publication, each with at least one end
    # in the version: [{"kind": "excludes", "proposal": 12, "other": 13}, ...], the ends being
    # the live proposals' ids (PublishedProposal.proposal_id), in the order they were made.
    relations = models.JSONField(_("relations between proposals"), default=list, blank=True)
    # Who may read the version (raaderum.confidentiality.rules): access control, not content, so
    # not frozen: the budget office releases or restricts it after publishing.
    visibility = models.CharField(
        _("visibility"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.CONFIDENTIAL,
    )
    release_date = models.DateField(
        _("release date"),
        null=True,
        blank=True,
        help_text=_("Confidential versions only: from this date the version is public."),
    )

    class Meta:
        verbose_name = _("published catalog")
        verbose_name_plural = _("published catalogs")
        ordering = ["round", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "number"], name="one_catalog_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.number}"

    def target_by_year(self) -> dict[int, int]:
        """The frozen target; versions published before it was frozen read the round's."""
        if not self.target:
            return self.round.target_by_year()
        return {int(year): int(amount) for year, amount in self.target.items()}

    def relation_rows(self) -> list[tuple[str, int, int]]:
        """The frozen relations as (kind, proposal id, other proposal id)."""
        return [(r["kind"], int(r["proposal"]), int(r["other"])) for r in self.relations]


@dataclass(frozen=True)
class PublishedCommittee:
    """A committee as it stood when the version was published: what pages group and sort by.

    Shaped like a Committee where the pages read one (`pk`, `name`, `code`, `position`).
    """

    pk: int
    name: str
    code: str
    position: int

    def __str__(self) -> str:
        return self.name


class PublishedProposal(models.Model):
    """A proposal as it stood when the catalog version was published."""

    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("published catalog"),
    )
    proposal = models.ForeignKey(
        Proposal,
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("proposal"),
    )
    position = models.PositiveIntegerField(_("order"))
    code = models.CharField(_("code"), max_length=12)
    title = models.CharField(_("title"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=ProposalType.choices)
    # The committee itself, for identity only; what is shown is frozen in the three fields below.
    committee = models.ForeignKey(
        Committee, on_delete=models.PROTECT, related_name="+", verbose_name=_("committee")
    )
    committee_name = models.CharField(_("committee"), max_length=120)
    committee_code = models.CharField(_("committee abbreviation"), max_length=4)
    committee_position = models.PositiveSmallIntegerField(_("committee order"), default=0)
    cross_cutting = models.BooleanField(_("cross-cutting"), default=False)
    summary = models.TextField(_("summary in plain language"), blank=True)
    description = models.TextField(_("description"), blank=True)
    consequences_service = models.TextField(_("consequences for the service"), blank=True)
    consequences_citizens = models.TextField(_("consequences for citizens"), blank=True)
    consequences_staff = models.TextField(_("consequences for staff"), blank=True)
    risks = models.TextField(_("risks"), blank=True)
    calculation_basis = models.TextField(_("calculation basis"), blank=True)
    assumptions = models.TextField(_("assumptions"), blank=True)
    owner_name = models.CharField(_("owner"), max_length=200)
    director_name = models.CharField(_("director"), max_length=200, blank=True)
    impact_score = models.BigIntegerField(_("service impact score"))
    # Råderum per year, kroner, keys are years as strings (JSON): {"2027": 1500000, ...}.
    headroom = models.JSONField(_("råderum per year"))
    # [{"area": "Folkeskoler", "committee": "BU", "year": 2027, "amount": -1500000}, ...]
    effects = models.JSONField(_("effects"))
    # {"2028": "-2.50"}: FTE as decimal strings.
    fte = models.JSONField(_("FTE per year"), default=dict)

    class Meta:
        verbose_name = _("published proposal")
        verbose_name_plural = _("published proposals")
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "proposal"], name="proposal_once_per_catalog_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def headroom_by_year(self) -> dict[int, int]:
        return {int(year): int(amount) for year, amount in self.headroom.items()}

    @property
    def published_committee(self) -> PublishedCommittee:
        """The committee as published; reads no live data."""
        return PublishedCommittee(
            self.committee_id, self.committee_name, self.committee_code, self.committee_position
        )


class PdfStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to start")
    RUNNING = "running", _("Being made")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class CatalogPdf(models.Model):
    """The PDF of a published version, made in the background (tasks.build_catalog_pdf).

    Stored in the database rather than under MEDIA: a version's PDF is a few hundred kB, made
    once, and needs no media storage configured on the server.
    """

    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.CASCADE,
        related_name="pdfs",
        verbose_name=_("published catalog"),
    )
    # A version has a PDF per audience and marking (raaderum.confidentiality.visibility
    # .variant_key): a released version never serves a PDF marked confidential, a restricted
    # one never a PDF without the mark or with proposals its reader may not see.
    variant = models.CharField(_("variant"), max_length=80, default="", blank=True)
    marking = models.CharField(
        _("marking"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    release_date = models.DateField(_("release date"), null=True, blank=True)
    # The ids of the version's published proposals left out of this variant.
    excluded = models.JSONField(_("proposals left out"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PdfStatus.choices, default=PdfStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    content = models.BinaryField(_("PDF file"), blank=True, default=b"")
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("catalog PDF")
        verbose_name_plural = _("catalog PDFs")
        constraints = [
            models.UniqueConstraint(fields=["version", "variant"], name="one_pdf_per_variant")
        ]

    def __str__(self) -> str:
        return f"{self.version} ({self.status})"

    @property
    def in_progress(self) -> bool:
        return self.status in {PdfStatus.PENDING, PdfStatus.RUNNING}
