"""Loading published versions: 404 for another municipality, 403 for a missing right."""

from __future__ import annotations

from uuid import UUID

from django.http import Http404
from django.utils.translation import gettext as _

from raaderum import access
from raaderum.access import Action
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
    version.round = budget_round  # the round is already loaded with its municipality
    return version


def get_published_proposal(
    user: User, round_id: UUID | str, number: int, code: str
) -> PublishedProposal:
    version = get_version(user, round_id, number)
    published = (
        PublishedProposal.objects.select_related("committee")
        .filter(version=version, code=code)
        .first()
    )
    if published is None:
        raise Http404(_("Not found"))
    published.version = version
    return published
