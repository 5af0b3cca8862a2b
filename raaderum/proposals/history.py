"""The audit trail of a proposal as a readable timeline: who changed what, before and after.

Reads django-simple-history's tables for the proposal, its effects and its staff effects, and
marks the changes made after the calculation was last signed off.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

from django.utils.translation import gettext as _

from raaderum.lib.money import format_kr, format_number
from raaderum.proposals.models import Effect, Proposal, StaffEffect

# Bookkeeping fields that change with every save and say nothing to a reader.
# Workflow fields are shown as steps taken, not as edits.
SKIPPED = {
    "version",
    "updated_at",
    "updated_by",
    "history_id",
    "history_date",
    "status",
    "signed_off_by",
    "signed_off_at",
    "approved_by",
    "approved_at",
    "withdrawn_reason",
}
LONG_TEXT = 120


@dataclass
class Change:
    at: datetime
    user: object
    what: str
    before: str
    after: str
    after_sign_off: bool = False

    @property
    def long(self) -> bool:
        return len(self.before) > LONG_TEXT or len(self.after) > LONG_TEXT


def _value(record: object, field: str) -> str:
    value = getattr(record, field, None)
    if value is None or value == "":
        return "–"
    display = getattr(record, f"get_{field}_display", None)
    return str(display()) if callable(display) else str(value)


def _proposal_changes(proposal: Proposal) -> list[Change]:
    labels = {
        f.name: str(f.verbose_name).capitalize()
        for f in [*Proposal._meta.fields, *Proposal._meta.many_to_many]
    }
    changes: list[Change] = []
    records = list(proposal.history.select_related("history_user").order_by("history_date"))
    # The contributors of every record in one query: diff_against() reads them with two
    # queries per pair of records, and a proposal gains a record with every save.
    people = _contributors_by_record(records)
    for previous, record in pairwise(records):
        delta = record.diff_against(previous, excluded_fields=SKIPPED | {"contributors"})
        for change in delta.changes:
            field = change.field
            name = field[:-3] if field.endswith("_id") else field
            before = _value(previous, name) if name == field else _user_name(change.old)
            after = _value(record, name) if name == field else _user_name(change.new)
            changes.append(
                Change(
                    record.history_date, record.history_user, labels.get(name, name), before, after
                )
            )
        if people[previous.pk] != people[record.pk]:
            changes.append(
                Change(
                    record.history_date,
                    record.history_user,
                    labels["contributors"],
                    ", ".join(people[previous.pk]) or "–",
                    ", ".join(people[record.pk]) or "–",
                )
            )
    return changes


def _contributors_by_record(records: list[Any]) -> dict[int, list[str]]:
    """The contributors' names, sorted, of each history record of a proposal."""
    from raaderum.organisation.models import User

    if not records:
        return {}
    through = records[0].contributors.model
    rows = list(
        through.objects.filter(history__in=[record.pk for record in records]).values_list(
            "history_id", "user_id"
        )
    )
    names = {user.pk: str(user) for user in User.objects.filter(pk__in={u for _h, u in rows})}
    people: dict[int, list[str]] = {record.pk: [] for record in records}
    for history_id, user_id in rows:
        if user_id in names:  # a deleted user is left out, as before
            people[history_id].append(names[user_id])
    return {pk: sorted(found) for pk, found in people.items()}


def _user_name(pk: int | None) -> str:
    from raaderum.organisation.models import User

    if pk is None:
        return "–"
    user = User.objects.filter(pk=pk).first()
    return str(user) if user else "–"


def _effect_changes(proposal: Proposal) -> list[Change]:
    changes: list[Change] = []
    records = (
        Effect.history.filter(proposal_id=proposal.pk)
        .select_related("history_user", "service_area")
        .order_by("history_date", "history_id")
    )
    last: dict[int, object] = {}
    for record in records:
        what = _("%(area)s %(year)s") % {"area": record.service_area, "year": record.year}
        before = format_kr(last[record.id].amount) if record.id in last else "–"  # type: ignore[attr-defined]
        after = "–" if record.history_type == "-" else format_kr(record.amount)
        changes.append(Change(record.history_date, record.history_user, what, before, after))
        last[record.id] = record
        if record.history_type == "-":
            last.pop(record.id)
    staff = StaffEffect.history.filter(proposal_id=proposal.pk).select_related("history_user")
    staff_last: dict[int, object] = {}
    for record in staff.order_by("history_date", "history_id"):
        what = _("Staff (FTE) %(year)s") % {"year": record.year}
        previous = staff_last.get(record.id)
        before = format_number(previous.fte, 2) if previous else "–"  # type: ignore[attr-defined]
        after = "–" if record.history_type == "-" else format_number(record.fte, 2)
        changes.append(Change(record.history_date, record.history_user, what, before, after))
        staff_last[record.id] = record
    return changes


def timeline(proposal: Proposal) -> list[Change]:
    """Every change after creation, newest first, flagged when made after the last sign-off."""
    signed = proposal.transitions.filter(action="sign_off").order_by("-at").first()
    changes = _proposal_changes(proposal) + _effect_changes(proposal)
    for change in changes:
        change.after_sign_off = signed is not None and change.at > signed.at
    changes.sort(key=lambda change: change.at, reverse=True)
    return changes
