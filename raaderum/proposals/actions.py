"""State changes of proposals. Views and commands call these; nothing else writes proposals raw.

Every change is atomic and checks the version the user started from, so two people editing the
same proposal never silently overwrite each other (optimistic locking).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from raaderum.organisation.models import Committee, ServiceArea, User
from raaderum.proposals.models import Effect, Proposal, StaffEffect
from raaderum.rounds.models import BudgetRound


class StaleEdit(Exception):
    """The proposal changed after the user opened it; nothing was saved."""

    def __init__(self, proposal: Proposal) -> None:
        self.proposal = proposal
        super().__init__(_("The proposal was changed by someone else while you were editing."))


def next_number(budget_round: BudgetRound, committee: Committee) -> int:
    highest = Proposal.objects.filter(round=budget_round, committee=committee).aggregate(
        n=Max("number")
    )["n"]
    return (highest or 0) + 1


@transaction.atomic
def do_create_proposal(
    budget_round: BudgetRound, fields: Mapping[str, Any], *, user: User
) -> Proposal:
    data = dict(fields)
    contributors = data.pop("contributors", [])
    proposal = Proposal(round=budget_round, updated_by=user, **data)
    proposal.number = next_number(budget_round, proposal.committee)
    proposal.save()
    proposal.contributors.set(contributors)
    return proposal


def _lock_current(proposal: Proposal, expected_version: int) -> Proposal:
    current = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if current.version != expected_version:
        raise StaleEdit(current)
    return current


@transaction.atomic
def do_update_proposal(
    proposal: Proposal, fields: Mapping[str, Any], *, expected_version: int, user: User
) -> Proposal:
    current = _lock_current(proposal, expected_version)
    data = dict(fields)
    contributors = data.pop("contributors", None)
    committee_changed = "committee" in data and data["committee"].pk != current.committee_id
    for name, value in data.items():
        setattr(current, name, value)
    if committee_changed:
        # The code follows the committee (BU-07 becomes SU-12): a fresh number there.
        current.number = next_number(current.round, current.committee)
    current.version += 1
    current.updated_by = user
    current.save()
    if contributors is not None:
        current.contributors.set(contributors)
    return current


@transaction.atomic
def do_save_effects(
    proposal: Proposal,
    amounts: Mapping[tuple[int, int], int],
    fte: Mapping[int, Decimal],
    *,
    expected_version: int,
    user: User,
) -> Proposal:
    """Replace the proposal's whole effects grid: (service area id, year) -> kroner.

    Zero cells are not stored. The caller has validated every cell; this refuses areas of another
    municipality and years outside the round's period as a last line of defence.
    """
    current = _lock_current(proposal, expected_version)
    years = set(current.round.years)
    area_ids = {area_id for area_id, _year in amounts}
    allowed = set(
        ServiceArea.objects.filter(
            pk__in=area_ids, committee__municipality_id=current.round.municipality_id
        ).values_list("pk", flat=True)
    )
    if area_ids - allowed:
        raise ValueError("service area of another municipality")
    if {year for _area, year in amounts} - years or set(fte) - years:
        raise ValueError("year outside the round's period")
    current.effects.all().delete()
    Effect.objects.bulk_create(
        Effect(proposal=current, service_area_id=area_id, year=year, amount=amount)
        for (area_id, year), amount in sorted(amounts.items())
        if amount != 0
    )
    current.staff_effects.all().delete()
    StaffEffect.objects.bulk_create(
        StaffEffect(proposal=current, year=year, fte=value)
        for year, value in sorted(fte.items())
        if value != 0
    )
    current.version += 1
    current.updated_by = user
    current.save(update_fields=["version", "updated_by", "updated_at"])
    return current
