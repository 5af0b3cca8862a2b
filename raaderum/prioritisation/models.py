"""Scenarios: a named selection of proposals from one published catalog version.

Who sees a scenario: its owner always; when shared with the party group, the members of the same
municipality whose membership names the same party (politicians in practice; administration
memberships have no party, so administration users see only their own). The share link
(`share_token`) is a separate capability: any member of the municipality who has it may read the
scenario, never change it; the owner can renew it to cut off an old link.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import User
from raaderum.publication.models import CatalogVersion, PublishedProposal


class ScenarioQuerySet(models.QuerySet["Scenario"]):
    def visible_to(self, user: User, party: str) -> ScenarioQuerySet:
        """The owner's own, plus those shared with the user's party group (if any)."""
        shared = Q(shared_with_party=True, party=party) if party else Q(pk__in=[])
        return self.filter(Q(owner=user) | shared)


class Scenario(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    share_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(
        CatalogVersion,
        on_delete=models.CASCADE,
        related_name="scenarios",
        verbose_name=_("published catalog"),
    )
    name = models.CharField(_("name"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="scenarios",
        verbose_name=_("owner"),
    )
    # Copied from the owner's membership when saved, so sharing follows the party the owner
    # belonged to then and the list is one query.
    party = models.CharField(_("party group"), max_length=100, blank=True)
    shared_with_party = models.BooleanField(_("shared with the party group"), default=False)
    from_optimiser = models.BooleanField(_("made by the optimiser"), default=False)
    proposals = models.ManyToManyField(
        PublishedProposal, related_name="scenarios", blank=True, verbose_name=_("proposals")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")
        ordering = ["version", "name", "pk"]

    def __str__(self) -> str:
        return self.name
