"""Changing who may read a catalog version or a proposal; each change is recorded."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.confidentiality.models import ProposalVisibility, Visibility

if TYPE_CHECKING:
    from raaderum.organisation.models import User
    from raaderum.proposals.models import Proposal
    from raaderum.publication.models import CatalogVersion


def _described(label: str, release_date: date | None) -> str:
    if release_date is None:
        return f"»{label}«"
    return _("»%(level)s« until %(date)s") % {
        "level": label,
        "date": formats.date_format(release_date, "j. F Y"),
    }


@transaction.atomic
def do_set_version_visibility(
    version: CatalogVersion, *, level: str, release_date: date | None, user: User
) -> bool:
    """Save the version's visibility; a change goes into the round's activity feed. Returns
    whether anything changed."""
    from raaderum.publication.models import CatalogVersion

    locked = CatalogVersion.objects.select_for_update().get(pk=version.pk)
    if (locked.visibility, locked.release_date) == (level, release_date):
        return False
    version.visibility, version.release_date = level, release_date
    version.save(update_fields=["visibility", "release_date"])
    do_record_event(
        version.round,
        actor=user,
        verb="visibility",
        text=_("%(user)s set the visibility of version %(number)s of the catalog to %(what)s.")
        % {
            "user": user,
            "number": version.number,
            "what": _described(str(Visibility(level).label), release_date),
        },
        url=reverse("catalog_version", args=[version.round.public_id, version.number]),
    )
    return True


@transaction.atomic
def do_set_proposal_visibility(
    proposal: Proposal, *, level: str, release_date: date | None, user: User
) -> bool:
    """Save the proposal's own visibility (its history records who and when)."""
    from raaderum.proposals.models import Proposal

    locked = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if (locked.visibility, locked.release_date) == (level, release_date):
        return False
    proposal.visibility, proposal.release_date = level, release_date
    proposal.updated_by = user
    proposal._change_reason = "visibility"  # type: ignore[attr-defined]
    proposal.save(update_fields=["visibility", "release_date", "updated_by", "updated_at"])
    do_record_event(
        proposal.round,
        actor=user,
        verb="visibility",
        text=_("%(user)s set the visibility of %(code)s to %(what)s.")
        % {
            "user": user,
            "code": proposal.code,
            "what": _described(str(ProposalVisibility(level).label), release_date),
        },
        proposal=proposal,
        url=reverse("proposal_detail", args=[proposal.public_id]),
    )
    return True
