"""Loading published versions: 404 for another municipality, 403 for a missing right, and 404
for a version or proposal the reader's role may not see (raaderum.confidentiality.rules)."""

from __future__ import annotations

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
from raaderum.confidentiality import rules, visibility
from raaderum.organisation.models import User
from raaderum.publication.models import CatalogVersion, PublishedProposal


def get_version(
    user: User, round_id: UUID | str, number: int, action: Action = Action.VIEW_PUBLISHED
) -> CatalogVersion:
    budget_round = access.get_round(user, round_id, action)
    version = (
        CatalogVersion.objects.select_related("published_by")
        .filter(round=budget_round, number=number)
        .first()
    )
    if version is None:
        raise Http404(_("Not found"))
    visibility.require_version(access.role_in(user, budget_round.municipality_id), version)
    version.round = budget_round  # the round is already loaded with its municipality
    return version


def get_published_proposal(
    user: User, round_id: UUID | str, number: int, code: str
) -> PublishedProposal:
    version = get_version(user, round_id, number)
    published = (
        PublishedProposal.objects.select_related("committee", "proposal")
        .filter(version=version, code=code)
        .first()
    )
    role = access.role_in(user, version.round.municipality_id)
    if published is None or not rules.may_see(role, visibility.published_level(version, published)):
        raise Http404(_("Not found"))
    published.version = version
    return published


def shown_proposals(user: User, version: CatalogVersion) -> QuerySet[PublishedProposal]:
    """The version's proposals the user may see, in catalog order, with their own levels."""
    role = access.role_in(user, version.round.municipality_id)
    return visibility.with_own_levels(
        visibility.visible_published(version.proposals.order_by("position"), role)
    )
