"""Visibility levels of published material, and the access log of what was not public.

The levels themselves are fields of CatalogVersion and Proposal (the publication and proposals
apps); what they mean is decided in raaderum.confidentiality.rules. The access log answers a
request for access (aktindsigt, offentlighedsloven): who saw or downloaded which confidential or
internal material, when. It holds no session keys, tokens or query strings.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raaderum.confidentiality import rules
from raaderum.organisation.models import Municipality


class Visibility(models.TextChoices):
    """The level of a published catalog version (and of material shown from it)."""

    INTERNAL = rules.INTERNAL, _("Internal to the administration")
    CONFIDENTIAL = rules.CONFIDENTIAL, _("Confidential to the politicians")
    PUBLIC = rules.PUBLIC, _("Open to the public")


class ProposalVisibility(models.TextChoices):
    """A proposal's own level: as its catalog version, or more restrictive."""

    AS_CATALOG = rules.AS_CATALOG, _("As the catalog")
    INTERNAL = rules.INTERNAL, _("Internal to the administration")
    CONFIDENTIAL = rules.CONFIDENTIAL, _("Confidential to the politicians")


class AccessAction(models.TextChoices):
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded")


class AccessKind(models.TextChoices):
    """What was seen: one value per kind of page or file."""

    CATALOG_VERSION = "catalog_version", _("Published catalog")
    PUBLISHED_PROPOSAL = "published_proposal", _("Published proposal")
    COMPARISON = "comparison", _("Comparison of catalog versions")
    CATALOG_PDF = "catalog_pdf", _("Catalog as PDF")
    CATALOG_EXCEL = "catalog_excel", _("Catalog as Excel")
    SIMULATOR = "simulator", _("Budget simulator")
    SCENARIO = "scenario", _("Scenario")
    OPTIMISER = "optimiser", _("Optimiser")
    CONSULTATION_SUMMARY = "consultation_summary", _("Summary of a consultation")
    PROPOSAL = "proposal", _("Proposal (being drafted)")


class AccessRecord(models.Model):
    """One view or download of material that was not public at that moment."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        related_name="access_records",
        verbose_name=_("municipality"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("person"),
    )
    # Kept as it was: the log must still say who when the user is deleted.
    username = models.CharField(_("user name"), max_length=150)
    name = models.CharField(_("name"), max_length=300, blank=True)
    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    action = models.CharField(_("action"), max_length=10, choices=AccessAction.choices)
    kind = models.CharField(_("kind"), max_length=30, choices=AccessKind.choices)
    object_id = models.CharField(_("id"), max_length=64)
    label = models.CharField(_("what"), max_length=300)
    level = models.CharField(_("level at the time"), max_length=20, choices=Visibility.choices)
    path = models.CharField(_("address"), max_length=500)

    class Meta:
        verbose_name = _("access record")
        verbose_name_plural = _("access log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["municipality", "at"], name="access_record_by_time")]

    def __str__(self) -> str:
        return f"{self.username} {self.action} {self.label}"
